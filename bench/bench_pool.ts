/**
 * `deno task bench:pool [--busy] [--config A|B|small] [--rounds R] [--steps S]`: the char-LSTM
 * training step of bench_charlm.ts under the three modes of the wasm thread pool (wasm_pool_policy.ts),
 * interleaved in one process so they see the same machine: "never" (one thread), "always" (tfjs's
 * own behaviour) and "measured" (the default). `--busy` first starts a busy loop that holds one
 * core, as a second training notebook or a video call would. Prints the median ms per step.
 */
import { parseArgs } from "node:util";
import { initBackend, poolPolicy } from "../lib/backend.ts";
import { CharLM } from "../lib/rnn/char_lm.ts";
import { charLMTrainer } from "../lib/train/char_lm_task.ts";
import type { PoolMode } from "../lib/wasm_pool_policy.ts";

const CONFIGS = {
  small: { embed: 16, hidden: 32, layers: 1, seq: 30, batch: 32 },
  A: { embed: 32, hidden: 128, layers: 1, seq: 64, batch: 32 },
  B: { embed: 32, hidden: 256, layers: 2, seq: 100, batch: 64 },
} as const;
const { values: f } = parseArgs({
  args: Deno.args,
  options: {
    busy: { type: "boolean", default: false },
    config: { type: "string", default: "A" },
    rounds: { type: "string", default: "3" },
    steps: { type: "string", default: "20" },
  },
});
const c = CONFIGS[f.config as keyof typeof CONFIGS];
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
  const V = 65;
  const ids = Int32Array.from({ length: 200_000 }, (_, i) => (i * 7919 + (i >> 3)) % V);
  const model = new CharLM({
    vocabSize: V,
    embedSize: c.embed,
    hiddenSize: c.hidden,
    layers: c.layers,
  });
  const trainer = charLMTrainer({
    model,
    train: ids,
    batchSize: c.batch,
    seqLen: c.seq,
    lr: 2e-3,
    clipNorm: 1,
  });
  for (let i = 0; i < 3; i++) trainer.trainStep(); // warm-up
  const modes: PoolMode[] = ["never", "always", "measured"];
  const times = new Map<PoolMode, number[]>(modes.map((m) => [m, []]));
  for (let r = 0; r < Number(f.rounds); r++) {
    for (const mode of modes) {
      policy.mode = mode;
      trainer.trainStep(); // settle into the mode
      for (let i = 0; i < Number(f.steps); i++) {
        const t0 = performance.now();
        trainer.trainStep();
        times.get(mode)!.push(performance.now() - t0);
      }
    }
  }
  policy.mode = "measured";
  trainer.dispose();
  model.dispose();
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
