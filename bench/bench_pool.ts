/**
 * `deno task bench:pool [--busy] [--config A|B|small] [--rounds R] [--steps S]`: the char-LSTM
 * training step of bench_charlm.ts under the three modes of the wasm thread pool (wasm_pool_policy.ts),
 * interleaved in one process so they see the same machine: "never" (one thread), "always" (tfjs's
 * own behaviour) and "measured" (the default). `--busy` first starts a busy loop that holds one
 * core, as a second training notebook or a video call would. Prints the median ms per step.
 */
import { parseArgs } from "node:util";
import { initBackend, poolPolicy } from "../lib/backend/init_backend.ts";
import { CHARLM_CONFIGS, charLMBenchStep } from "./charlm_configs.ts";
import type { PoolMode } from "../lib/backend/wasm_pool_policy.ts";

const { values: f } = parseArgs({
  args: Deno.args,
  options: {
    busy: { type: "boolean", default: false },
    config: { type: "string", default: "A" },
    rounds: { type: "string", default: "3" },
    steps: { type: "string", default: "20" },
  },
});
const c = CHARLM_CONFIGS[f.config as keyof typeof CHARLM_CONFIGS];
if (!c) throw new RangeError(`--config must be small, A or B, got "${f.config}"`);

const { threads } = await initBackend({ quiet: true, threads: "all" });
const policy = poolPolicy();
if (!policy) {
  console.log(`The wasm backend runs on ${threads} thread(s) without a pool: nothing to compare.`);
  Deno.exit(0);
}
const busy = f.busy
  ? new Deno.Command(Deno.execPath(), { args: ["eval", "for (;;) {}"], stdout: "null" }).spawn()
  : undefined;
try {
  const lib = charLMBenchStep(c);
  const modes: PoolMode[] = ["never", "always", "measured"];
  const times = new Map<PoolMode, number[]>(modes.map((m) => [m, []]));
  for (let r = 0; r < Number(f.rounds); r++) {
    for (const mode of modes) {
      policy.mode = mode;
      lib.step(); // settle into the mode
      for (let i = 0; i < Number(f.steps); i++) {
        const t0 = performance.now();
        lib.step();
        times.get(mode)!.push(performance.now() - t0);
      }
    }
  }
  policy.mode = "measured";
  lib.dispose();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  console.log(
    `config ${f.config}, ${threads} threads${busy ? ", one core held by a busy loop" : ""}:`,
  );
  for (const [mode, ms] of times) {
    console.log(`  pool ${mode.padEnd(8)} ${median(ms).toFixed(1).padStart(7)} ms/step`);
  }
} finally {
  busy?.kill();
}
