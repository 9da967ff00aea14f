/**
 * `deno task train`: train the character language model of notebook 07 on Tiny Shakespeare from the
 * terminal, with a progress line (step, loss, chars/s, ETA), validation lines, and atomic
 * checkpoints that `--resume` continues and `deno task sample` reads.
 *
 *   deno task train --steps 3000 --checkpoint checkpoints/lstm.ckpt
 *   deno task train --checkpoint checkpoints/lstm.ckpt --resume --steps 2000
 *   deno task train --minutes 10 --eval-minutes 2,5,10 --hidden 256 --layers 2
 *
 * The text comes from TINY_SHAKESPEARE_PATH, the cache in data/, or a download (lib/text). Every
 * flag is checked before the backend starts or the text loads, and the checkpoint path before
 * training: a bad value ends with one line on stderr and exit status 2; a failure while running (a
 * corrupt checkpoint, a missing corpus, a diverged run) with one line and status 1.
 */
import { dirname, join } from "node:path";
import { initBackend } from "../lib/backend/init_backend.ts";
import { CharLM, type CharLMConfig } from "../lib/rnn/char_lm.ts";
import type { CellKind } from "../lib/rnn/recurrent_layer.ts";
import {
  CharVocab,
  loadTinyShakespeare,
  natsToBits,
  TinyShakespeareError,
  trainValSplit,
} from "../lib/text/mod.ts";
import {
  charLMTrainer,
  CheckpointError,
  type EvalInfo,
  loadCharLM,
  loadCheckpoint,
  saveCharLM,
  TrainingDivergedError,
} from "../lib/train/mod.ts";
import { removeStaleTempFiles } from "../lib/util/atomic_write.ts";
import { CliError, intArg, numberArg, parseCli, runCli } from "../lib/util/cli_args.ts";

const HELP = `usage: deno task train [options]
  --cell lstm|gru|rnn   recurrent cell (default lstm)
  --layers L            stacked recurrent layers (default 1)
  --hidden H            hidden size (default 128)
  --embed E             embedding size (default 32)
  --dropout P           dropout between layers while training, in [0, 1) (default 0)
  --seq T               characters per sequence (default 64)
  --batch N             sequences per batch (default 32)
  --lr LR               Adam learning rate (default 0.002; with --resume, replaces the saved one)
  --clip C              clip gradients to global norm C, 0 = off (default 5)
  --steps S             steps to train now (default 2000)
  --minutes M           stop after M minutes of training instead (overrides --steps)
  --eval-every K        validate every K steps, 0 = only at the end (default 200)
  --eval-minutes a,b    also validate when training time passes these minutes (e.g. 2,5,10)
  --eval-batches B      validation batches per evaluation (default 20)
  --checkpoint PATH     save here (a file) at every validation and at the end
  --resume              continue the checkpoint at PATH (model, optimizer, step, data order);
                        --cell --layers --hidden --embed --dropout --seq --batch --seed come from
                        the checkpoint: leave them out, or give the checkpoint's values
  --force               overwrite an existing checkpoint without --resume
  --seed S              seed of the weights and the batches (default 42)
  --help`;

const OPTIONS = {
  cell: { type: "string" },
  layers: { type: "string" },
  hidden: { type: "string" },
  embed: { type: "string" },
  dropout: { type: "string" },
  seq: { type: "string" },
  batch: { type: "string" },
  lr: { type: "string" },
  clip: { type: "string" },
  steps: { type: "string" },
  minutes: { type: "string" },
  "eval-every": { type: "string" },
  "eval-minutes": { type: "string" },
  "eval-batches": { type: "string" },
  checkpoint: { type: "string" },
  resume: { type: "boolean" },
  force: { type: "boolean" },
  seed: { type: "string" },
  help: { type: "boolean" },
} as const;

/** Every flag checked and converted; `given` says which ones were typed (for --resume). */
interface Args {
  config: Omit<CharLMConfig, "vocabSize">;
  seqLen: number;
  batchSize: number;
  lr: number;
  clip: number;
  steps: number;
  minutes?: number;
  evalEvery: number;
  evalMinutes: number[];
  evalBatches: number;
  checkpoint?: string;
  resume: boolean;
  force: boolean;
  given: Set<string>;
}

function parseFlags(argv: string[]): Args | undefined {
  const f = parseCli(argv, OPTIONS);
  if (f.help) return undefined;
  const cell = f.cell ?? "lstm";
  if (!["lstm", "gru", "rnn"].includes(cell)) {
    throw new CliError(`--cell must be lstm, gru or rnn, got "${cell}" (see --help)`);
  }
  const pos = (flag: keyof typeof f, dflt: string) =>
    intArg(flag, f[flag] as string ?? dflt, { min: 1 });
  const args: Args = {
    config: {
      cell: cell as CellKind,
      layers: pos("layers", "1"),
      hiddenSize: pos("hidden", "128"),
      embedSize: pos("embed", "32"),
      dropout: numberArg("dropout", f.dropout ?? "0", { min: 0, below: 1 }),
      seed: intArg("seed", f.seed ?? "42", { min: 0, max: 2 ** 31 - 1 }),
    },
    seqLen: pos("seq", "64"),
    batchSize: pos("batch", "32"),
    lr: numberArg("lr", f.lr ?? "0.002", { above: 0 }),
    clip: numberArg("clip", f.clip ?? "5", { min: 0 }),
    steps: pos("steps", "2000"),
    minutes: f.minutes === undefined ? undefined : numberArg("minutes", f.minutes, { above: 0 }),
    evalEvery: intArg("eval-every", f["eval-every"] ?? "200", { min: 0 }),
    evalMinutes: (f["eval-minutes"] ?? "").split(",").filter((m) => m.trim() !== "")
      .map((m) => numberArg("eval-minutes", m, { above: 0 })).sort((a, b) => a - b),
    evalBatches: pos("eval-batches", "20"),
    checkpoint: f.checkpoint,
    resume: f.resume ?? false,
    force: f.force ?? false,
    given: new Set(Object.keys(f)),
  };
  if (args.checkpoint === "") throw new CliError("--checkpoint needs a file path (see --help)");
  if (args.resume && !args.checkpoint) throw new CliError("--resume needs --checkpoint PATH");
  if (args.resume && args.force) {
    throw new CliError("--resume continues the checkpoint and --force starts over: give one");
  }
  return args;
}

/** Before any training: the checkpoint path is a file we may create, replace or resume. */
async function checkCheckpointPath(a: Args): Promise<void> {
  const path = a.checkpoint;
  if (!path) return;
  const info = await Deno.stat(path).catch((e) => {
    if (e instanceof Deno.errors.NotFound) return undefined;
    throw new CliError(`cannot use --checkpoint ${path}: ${e.message}`);
  });
  if (info?.isDirectory) {
    throw new CliError(
      `--checkpoint ${path} is a directory; give a file path such as ${join(path, "lstm.ckpt")}`,
    );
  }
  if (a.resume && !info) {
    throw new CliError(`--resume: there is no checkpoint at ${path} (leave out --resume to start)`);
  }
  if (info && !a.resume && !a.force) {
    throw new CliError(`${path} exists: add --resume to continue it, or --force to start over`);
  }
  // Prove the folder is writable now rather than after an hour of training.
  const dir = dirname(path);
  try {
    await Deno.mkdir(dir, { recursive: true });
    await Deno.remove(await Deno.makeTempFile({ dir, prefix: ".write-test.", suffix: ".tmp" }));
  } catch (e) {
    throw new CliError(`cannot write a checkpoint in ${dir}: ${(e as Error).message}`);
  }
  await removeStaleTempFiles(path).catch(() => []); // leftovers of a killed save
}

const CONFIG_FLAGS = [
  ["cell", "cell"],
  ["layers", "layers"],
  ["hidden", "hiddenSize"],
  ["embed", "embedSize"],
  ["dropout", "dropout"],
] as const;

/** With --resume, a typed model flag must agree with the checkpoint (never silently ignored). */
async function checkResumeFlags(a: Args): Promise<void> {
  const { meta } = await loadCheckpoint(a.checkpoint!);
  const saved = (meta.config ?? {}) as Partial<CharLMConfig>;
  const extra = (meta.extra ?? {}) as Record<string, unknown>;
  const trainer = (meta.trainer ?? {}) as { seed?: number };
  const pairs: [string, unknown, unknown][] = CONFIG_FLAGS.map((
    [flag, key],
  ) => [flag, a.config[key], saved[key]]);
  pairs.push(["seq", a.seqLen, extra.seqLen], ["batch", a.batchSize, extra.batchSize]);
  pairs.push(["seed", a.config.seed, trainer.seed ?? saved.seed]);
  for (const [flag, mine, theirs] of pairs) {
    if (a.given.has(flag) && theirs !== undefined && mine !== theirs) {
      throw new CliError(
        `--${flag} ${mine} conflicts with ${a.checkpoint}, which has ${flag} ${theirs}: ` +
          `a resumed run continues the saved model; leave out --${flag} or start over with --force`,
      );
    }
  }
}

async function main(): Promise<void> {
  const a = parseFlags(Deno.args);
  if (!a) {
    console.log(HELP);
    return;
  }
  await checkCheckpointPath(a);
  if (a.resume) await checkResumeFlags(a);

  await initBackend({ quiet: true, threads: "all" });
  const text = await loadTinyShakespeare();
  const vocab = CharVocab.fromText(text);
  const { train, val } = trainValSplit(vocab.encode(text));

  let model: CharLM;
  let N = a.batchSize, T = a.seqLen;
  let state;
  if (a.resume) {
    const loaded = await loadCharLM(a.checkpoint!, { vocab: vocab.toJSON() }); // same vocabulary
    ({ model, trainerState: state } = loaded);
    N = Number(loaded.extra.batchSize ?? N);
    T = Number(loaded.extra.seqLen ?? T);
  } else {
    model = new CharLM({ vocabSize: vocab.size, ...a.config });
  }
  const shortest = Math.min(train.length, val.length);
  if (T + 1 > shortest) {
    model.dispose();
    throw new CliError(
      `--seq ${T} is longer than the validation text (${val.length.toLocaleString("en")} ` +
        `characters): use at most ${shortest - 1}`,
    );
  }
  const trainer = charLMTrainer({
    model,
    train,
    val,
    batchSize: N,
    seqLen: T,
    lr: a.lr,
    clipNorm: a.clip,
    evalEvery: a.evalEvery,
    evalBatches: a.evalBatches,
    seed: state?.seed ?? a.config.seed, // a resumed run keeps its batches and validation windows
  });
  let lrNote = "";
  if (state) {
    trainer.setState(state);
    if (a.given.has("lr") && trainer.optimizer.lr !== a.lr) {
      lrNote = ` (the checkpoint had ${trainer.optimizer.lr}; --lr replaces it)`;
      trainer.optimizer.lr = a.lr;
    }
  }
  const c = model.config;
  console.log(
    `${c.cell.toUpperCase()} ${c.layers}×${c.hiddenSize}, embed ${c.embedSize}, ` +
      `dropout ${c.dropout}, ${model.paramCount().toLocaleString("en")} parameters | ` +
      `batch ${N}×${T} | lr ${trainer.optimizer.lr}${lrNote} | ` +
      (state ? `resumed at step ${trainer.step}` : "from scratch"),
  );

  const { minutes } = a;
  const marks = a.evalMinutes.map((m) => m * 60_000);
  const steps = minutes !== undefined ? Number.MAX_SAFE_INTEGER : a.steps;
  const stop = new AbortController();
  const tty = Deno.stderr.isTerminal();
  const enc = new TextEncoder();
  let smooth = NaN, lastPrint = 0;
  const clock = (ms: number) =>
    `${Math.floor(ms / 60000)}m${String(Math.floor(ms / 1000) % 60).padStart(2, "0")}s`;

  const save = async (): Promise<void> => {
    if (!a.checkpoint) return;
    await saveCharLM(a.checkpoint, {
      model,
      vocab: vocab.toJSON(),
      trainer,
      extra: { batchSize: N, seqLen: T, corpus: "tinyshakespeare" },
    });
  };

  const onEval = async (e: EvalInfo): Promise<void> => {
    if (tty) await Deno.stderr.write(enc.encode("\r\x1b[K"));
    console.log(
      `step ${e.step} | ${clock(e.elapsedMs)} | train ${e.trainLoss.toFixed(3)} | ` +
        `val ${e.valLoss.toFixed(3)} nats/char (${natsToBits(e.valLoss).toFixed(3)} bits)`,
    );
    await save();
  };

  try {
    await trainer.train(steps, {
      signal: stop.signal,
      onStep: async (i) => {
        smooth = Number.isNaN(smooth) ? i.loss : 0.98 * smooth + 0.02 * i.loss;
        const budget = minutes !== undefined ? minutes * 60_000 - i.elapsedMs : i.etaMs;
        const now = performance.now();
        if (now - lastPrint > (tty ? 250 : 10_000)) {
          lastPrint = now;
          const total = minutes === undefined ? `/${trainer.step - i.done + i.total}` : "";
          const line = `step ${i.step}${total} | loss ${smooth.toFixed(3)} | ` +
            `${Math.round(i.itemsPerSec).toLocaleString("en")} chars/s | ` +
            `${i.stepMs.toFixed(0)} ms/step | ETA ${clock(Math.max(0, budget))}`;
          await Deno.stderr.write(enc.encode(tty ? `\r${line}\x1b[K` : `${line}\n`));
        }
        if (minutes !== undefined && i.elapsedMs >= minutes * 60_000) {
          stop.abort(); // train() evaluates once more as it returns
          return;
        }
        while (marks.length && i.elapsedMs >= marks[0]) {
          marks.shift();
          await trainer.evaluate({ onEval });
        }
      },
      onEval,
    });
  } catch (e) {
    if (tty) await Deno.stderr.write(enc.encode("\n"));
    if (e instanceof TrainingDivergedError) {
      const kept = a.checkpoint ? ` ${a.checkpoint} holds the last evaluated state.` : "";
      throw new CliError(
        e.message.replace(/,? then build a fresh model and Trainer\.$/, ", then train again.") +
          kept,
        1,
      );
    }
    throw e;
  }
  if (a.checkpoint) {
    console.log(
      `checkpoint: ${a.checkpoint} (step ${trainer.step}); sample it with ` +
        `deno task sample --checkpoint ${a.checkpoint}`,
    );
  }
}

await runCli(main, [CheckpointError, TinyShakespeareError]);
