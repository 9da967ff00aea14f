/**
 * `deno task bench`: train the same char-LSTM configurations with lib (tfjs WASM backend on every
 * core, the fused path every notebook uses) and with PyTorch on the CPU, interleaved round by round
 * so both see the same machine load, and print the median step time, characters per second and the
 * ratio lib/PyTorch (PyTorch: the faster of 1 and 2 threads, by median). Run it on an idle machine:
 * multithreaded code on both sides slows down sharply when another process takes a core.
 * `COURSE_WASM_THREADS=1 deno task bench` measures lib on one thread.
 *
 * Configurations: (A) embedding 32, 1 LSTM layer of 128, seq 64, batch 32; (B) embedding 32,
 * 2 LSTM layers of 256, seq 100, batch 64. Both sides: V = 65, Adam lr 2e-3, clipping to global
 * norm 1, random ids.
 *
 * The PyTorch baseline is its best configuration on this machine: OPENBLAS_CORETYPE and
 * OPENBLAS_L2_SIZE are unset for the PyTorch processes alone (`--keep-openblas-env` keeps them), and
 * "PyTorch, N threads" sets OPENBLAS_NUM_THREADS=N too (see `torchEnv`).
 *
 *   deno task bench [--config A|B|all] [--rounds R] [--python /usr/bin/python3] [--keep-openblas-env]
 */
import { parseArgs } from "node:util";
import { initBackend } from "../lib/backend/init_backend.ts";
import { CHARLM_CONFIGS, charLMBenchStep } from "./charlm_configs.ts";
import { isQuick } from "../lib/util/env.ts";

/** The two configurations of the issue, with the steps each round times. */
const CONFIGS = {
  A: { ...CHARLM_CONFIGS.A, steps: 8 },
  B: { ...CHARLM_CONFIGS.B, steps: 3 },
};
type ConfigName = keyof typeof CONFIGS;

const { values: f } = parseArgs({
  args: Deno.args,
  options: {
    config: { type: "string", default: "all" },
    rounds: { type: "string", default: isQuick() ? "2" : "5" },
    python: { type: "string", default: "/usr/bin/python3" },
    "keep-openblas-env": { type: "boolean" },
  },
});
const names = (f.config === "all" ? ["A", "B"] : [f.config!.toUpperCase()]) as ConfigName[];
if (names.some((n) => !(n in CONFIGS))) {
  console.error(`✗ --config must be A, B or all, got "${f.config}"`);
  Deno.exit(1);
}
const rounds = Math.max(1, Number(f.rounds));

/** Wait 300 ms: long enough for spinning idle threads of either side to go to sleep. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * The environment of a PyTorch process: this machine's `OPENBLAS_CORETYPE` and `OPENBLAS_L2_SIZE`
 * hold OpenBLAS to older kernels (15–25% slower here), so the baseline runs without them unless
 * `--keep-openblas-env` is given; `OPENBLAS_NUM_THREADS` (which `torch.set_num_threads` does not
 * limit for Debian's OpenBLAS) and `OMP_NUM_THREADS` are set to the thread count, so "1 thread"
 * means one; `OPENBLAS_VERBOSE=2` makes OpenBLAS name the core kernels it picked.
 */
function torchEnv(threads: number, keepOpenblasEnv: boolean): Record<string, string> {
  const env = Deno.env.toObject();
  if (!keepOpenblasEnv) {
    delete env.OPENBLAS_CORETYPE;
    delete env.OPENBLAS_L2_SIZE;
  }
  return {
    ...env,
    OPENBLAS_NUM_THREADS: String(threads),
    OMP_NUM_THREADS: String(threads),
    OPENBLAS_VERBOSE: "2",
  };
}

/** The PyTorch side as a long-lived process answering "CONFIG THREADS STEPS" lines. */
class Torch {
  #proc: Deno.ChildProcess;
  #writer: WritableStreamDefaultWriter<Uint8Array>;
  #lines: AsyncIterator<string>;
  #stderr = "";
  info: { ok: boolean; torch?: string; blas?: string; error?: string } = { ok: false };

  constructor(python: string, readonly threads: number, keepOpenblasEnv: boolean) {
    this.#proc = new Deno.Command(python, {
      args: [new URL("./bench_charlm_torch.py", import.meta.url).pathname, "--serve"],
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
      clearEnv: true,
      env: torchEnv(threads, keepOpenblasEnv),
    }).spawn();
    this.#proc.stderr.pipeThrough(new TextDecoderStream()).pipeTo(
      new WritableStream({
        write: (chunk) => {
          this.#stderr += chunk;
          if (this.#stderr.length > 100_000) this.#stderr = this.#stderr.slice(-50_000);
        },
      }),
    ).catch(() => {});
    this.#writer = this.#proc.stdin.getWriter();
    this.#lines = this.#proc.stdout.pipeThrough(new TextDecoderStream()).pipeThrough(lineSplitter())
      [
        Symbol.asyncIterator
      ]();
  }

  async start(): Promise<void> {
    this.info = JSON.parse((await this.#lines.next()).value ?? '{"ok":false,"error":"no answer"}');
  }

  /** The OpenBLAS core kernels in use, as OPENBLAS_VERBOSE reports them ("Cooperlake", …). */
  get openblasCore(): string {
    return /Core:\s*(\S+)/.exec(this.#stderr)?.[1] ?? "not reported";
  }

  async run(config: ConfigName, threads: number, steps: number): Promise<number[]> {
    await this.#writer.write(new TextEncoder().encode(`${config} ${threads} ${steps}\n`));
    const r = JSON.parse((await this.#lines.next()).value);
    if (!r.ok) throw new Error(`PyTorch run failed: ${r.error}`);
    return r.ms;
  }

  async close(): Promise<void> {
    await this.#writer.close().catch(() => {});
    await this.#proc.status;
  }
}

function lineSplitter(): TransformStream<string, string> {
  let buf = "";
  return new TransformStream({
    transform(chunk, ctl) {
      buf += chunk;
      const parts = buf.split("\n");
      buf = parts.pop()!;
      for (const p of parts) if (p.trim()) ctl.enqueue(p);
    },
  });
}

/** lib's side: one Trainer step at a time on fixed ids, exactly the training path. */
function libRunner(name: ConfigName) {
  const lib = charLMBenchStep(CONFIGS[name]);
  return {
    run(steps: number): number[] {
      const ms: number[] = [];
      for (let i = 0; i < steps; i++) {
        const t0 = performance.now();
        lib.step();
        ms.push(performance.now() - t0);
      }
      return ms;
    },
    dispose: () => lib.dispose(),
  };
}

const backend = await initBackend({ quiet: true, threads: "all" });
const load0 = Deno.loadavg();
const torches: Torch[] = [];
let torchInfo: Torch["info"];
try {
  for (const n of [1, 2]) {
    const t = new Torch(f.python!, n, f["keep-openblas-env"] ?? false);
    torches.push(t);
    await t.start();
  }
  torchInfo = torches[0].info;
} catch (e) {
  torchInfo = { ok: false, error: (e as Error).message };
}
const torchOk = torchInfo.ok && torches.every((t) => t.info.ok);
const threads = `${backend.threads} thread${backend.threads > 1 ? "s" : ""}`;
console.log(`lib: tfjs on '${backend.backend}' (fused recurrent ops), ${threads}`);
console.log(
  torchOk
    ? `PyTorch ${torchInfo.torch} on the CPU, BLAS: ${torchInfo.blas}, OpenBLAS core: ` +
      `${torches[0].openblasCore} (OPENBLAS_CORETYPE/L2_SIZE ${
        f["keep-openblas-env"] ? "kept" : "unset"
      } for PyTorch; OPENBLAS_NUM_THREADS = torch threads)`
    : `PyTorch is NOT available (${torchInfo.error}); showing lib only. Install python3-torch and libopenblas0-pthread to compare.`,
);
console.log(
  `load average at start: ${load0.map((x) => x.toFixed(2)).join(" ")} (2 cores shared)\n`,
);

const rows: string[][] = [["config", "who", "median ms/step", "chars/s", "steps timed"]];
for (const name of names) {
  const c = CONFIGS[name], chars = c.batch * c.seq, steps = isQuick() ? 2 : c.steps;
  const lib = libRunner(name);
  const times: Record<string, number[]> = { lib: [], torch1: [], torch2: [] };
  for (let r = 0; r < rounds; r++) {
    // Each block starts after a pause, once the previous block's idle threads (OpenMP, OpenBLAS and
    // XNNPACK all spin a while before sleeping) have gone to sleep and left the cores free.
    await settle();
    times.lib.push(...lib.run(steps));
    if (torchOk) {
      await settle();
      times.torch1.push(...(await torches[0].run(name, 1, steps)));
      await settle();
      times.torch2.push(...(await torches[1].run(name, 2, steps)));
    }
  }
  lib.dispose();
  const label = `${name}: ${c.layers}×LSTM ${c.hidden}, seq ${c.seq}, batch ${c.batch}`;
  const row = (who: string, ms: number[]) => {
    const m = median(ms);
    rows.push([
      label,
      who,
      m.toFixed(1),
      Math.round(chars / (m / 1000)).toLocaleString("en"),
      String(ms.length),
    ]);
    return m;
  };
  const libMs = row("lib (tfjs-wasm)", times.lib);
  if (torchOk) {
    const t1 = row("PyTorch, 1 thread", times.torch1), t2 = row("PyTorch, 2 threads", times.torch2);
    const best = Math.min(t1, t2);
    rows.push([
      label,
      "ratio lib/PyTorch",
      `${(best / libMs).toFixed(2)}×`,
      `(vs PyTorch's ${t1 <= t2 ? "1" : "2"} threads)`,
      "",
    ]);
  }
}
for (const t of torches) await t.close();
const w = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
for (const r of rows) console.log(r.map((cell, j) => cell.padEnd(w[j])).join("  "));
console.log(`\nload average at end: ${Deno.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
