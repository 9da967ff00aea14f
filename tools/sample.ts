/**
 * `deno task sample`: load a char-LM checkpoint (it carries its own vocabulary and config, so no
 * text is needed) and stream generated characters to stdout as they are sampled.
 *
 *   deno task sample --checkpoint checkpoints/lstm.ckpt --temperature 0.8 --length 500 --prime "ROMEO:"
 */
import { parseArgs } from "node:util";
import { initBackend } from "../lib/backend.ts";
import { CharVocab, generate, stdoutWriter } from "../lib/text/mod.ts";
import { CheckpointError, loadCharLM } from "../lib/train/mod.ts";
import { Rng } from "../lib/util/rng.ts";

const HELP = `usage: deno task sample --checkpoint PATH [options]
  --temperature τ   softmax temperature, 0 = greedy (default 0.8)
  --length L        characters to generate (default 500)
  --prime TEXT      text fed to the model first (default a newline)
  --top-k K         sample among the K most likely characters only
  --seed S          seed of the sampler (default 42)`;

const { values: f } = parseArgs({
  args: Deno.args,
  options: {
    checkpoint: { type: "string" },
    temperature: { type: "string", default: "0.8" },
    length: { type: "string", default: "500" },
    prime: { type: "string", default: "\n" },
    "top-k": { type: "string" },
    seed: { type: "string", default: "42" },
    help: { type: "boolean", default: false },
  },
});

function fail(message: string): never {
  console.error(`✗ ${message}`);
  Deno.exit(1);
}

if (f.help) {
  console.log(HELP);
  Deno.exit(0);
}
if (!f.checkpoint) fail(`--checkpoint PATH is required\n${HELP}`);
await initBackend({ quiet: true, threads: "all" });
let loaded;
try {
  loaded = await loadCharLM(f.checkpoint);
} catch (e) {
  fail(e instanceof CheckpointError ? e.message : (e as Error).message);
}
const vocab = CharVocab.fromJSON(loaded.vocab);
const sampler = loaded.model.sampler();
const write = stdoutWriter();
try {
  if (f.prime !== "\n") await write(f.prime!);
  await generate({
    step: sampler.step,
    reset: sampler.reset,
    prime: f.prime,
    length: Number(f.length),
    temperature: Number(f.temperature),
    topK: f["top-k"] === undefined ? undefined : Number(f["top-k"]),
    vocab,
    rng: new Rng(Number(f.seed)),
    onChar: write,
  });
  await write("\n");
} catch (e) {
  fail((e as Error).message);
}
