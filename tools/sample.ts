/**
 * `deno task sample`: load a char-LM checkpoint (it carries its own vocabulary and config, so no
 * text is needed) and stream generated characters to stdout as they are sampled.
 *
 *   deno task sample --checkpoint checkpoints/lstm.ckpt --temperature 0.8 --length 500 --prime "ROMEO:"
 *
 * Every flag is checked before the backend starts: a bad value ends with one line on stderr and
 * exit status 2; a missing or corrupt checkpoint with one line and status 1.
 */
import { initBackend } from "../lib/backend/init_backend.ts";
import { CharVocab, generate, stdoutWriter } from "../lib/text/mod.ts";
import { CheckpointError, loadCharLM } from "../lib/train/mod.ts";
import { CliError, intArg, numberArg, parseCli, runCli } from "../lib/util/cli_args.ts";
import { Rng } from "../lib/util/rng.ts";

const HELP = `usage: deno task sample --checkpoint PATH [options]
  --temperature τ   softmax temperature ≥ 0, 0 = greedy (default 0.8)
  --length L        characters to generate, ≥ 1 (default 500)
  --prime TEXT      text fed to the model first (default a newline)
  --top-k K         sample among the K most likely characters only (K ≥ 1)
  --seed S          seed of the sampler, an integer ≥ 0 (default 42)
  --help`;

const OPTIONS = {
  checkpoint: { type: "string" },
  temperature: { type: "string" },
  length: { type: "string" },
  prime: { type: "string" },
  "top-k": { type: "string" },
  seed: { type: "string" },
  help: { type: "boolean" },
} as const;

async function main(): Promise<void> {
  const f = parseCli(Deno.args, OPTIONS);
  if (f.help) {
    console.log(HELP);
    return;
  }
  if (!f.checkpoint) throw new CliError("--checkpoint PATH is required (see --help)");
  const temperature = numberArg("temperature", f.temperature ?? "0.8", { min: 0 });
  const length = intArg("length", f.length ?? "500", { min: 1 });
  const topK = f["top-k"] === undefined ? undefined : intArg("top-k", f["top-k"], { min: 1 });
  const seed = intArg("seed", f.seed ?? "42", { min: 0, max: 2 ** 31 - 1 });
  const prime = f.prime ?? "\n";
  if (prime === "") throw new CliError('--prime needs at least one character (e.g. "\\n")');
  const info = await Deno.stat(f.checkpoint).catch(() => undefined);
  if (!info) {
    throw new CliError(
      `no checkpoint at ${f.checkpoint}; train one first (deno task train --checkpoint ` +
        `${f.checkpoint})`,
      1,
    );
  }
  if (info.isDirectory) throw new CliError(`--checkpoint ${f.checkpoint} is a directory`);

  await initBackend({ quiet: true, threads: "all" });
  const loaded = await loadCharLM(f.checkpoint);
  const vocab = CharVocab.fromJSON(loaded.vocab);
  const unknown = [...prime].find((ch) => !vocab.chars.includes(ch));
  if (unknown !== undefined) {
    throw new CliError(
      `--prime has ${JSON.stringify(unknown)}, which is not in the checkpoint's vocabulary ` +
        `(${vocab.size} characters)`,
    );
  }
  const sampler = loaded.model.sampler();
  const write = stdoutWriter();
  if (prime !== "\n") await write(prime);
  await generate({
    step: sampler.step,
    reset: sampler.reset,
    prime,
    length,
    temperature,
    topK,
    vocab,
    rng: new Rng(seed),
    onChar: write,
  });
  await write("\n");
  loaded.model.dispose();
}

await runCli(main, [CheckpointError]);
