/**
 * `deno task train`: train the character language model of notebook 07 on Tiny Shakespeare from the
 * terminal, with a progress line (step, loss, chars/s, ETA), validation lines, and atomic
 * checkpoints that `--resume` continues and `deno task sample` reads.
 *
 *   deno task train --steps 3000 --checkpoint checkpoints/lstm.ckpt
 *   deno task train --checkpoint checkpoints/lstm.ckpt --resume --steps 2000
 *   deno task train --minutes 10 --eval-minutes 2,5,10 --hidden 256 --layers 2
 *
 * The text comes from TINY_SHAKESPEARE_PATH, the cache in data/, or a download (lib/text).
 */
import { parseArgs } from "node:util";
import { initBackend } from "../lib/backend.ts";
import { CharLM, type CharLMConfig } from "../lib/rnn/char_lm.ts";
import type { CellKind } from "../lib/rnn/recurrent_layer.ts";
import { CharVocab, loadTinyShakespeare, natsToBits, trainValSplit } from "../lib/text/mod.ts";
import {
  charLMTrainer,
  CheckpointError,
  type EvalInfo,
  loadCharLM,
  saveCharLM,
  type TrainerState,
  TrainingDivergedError,
} from "../lib/train/mod.ts";

const HELP = `usage: deno task train [options]
  --cell lstm|gru|rnn   recurrent cell (default lstm)
  --layers L            stacked recurrent layers (default 1)
  --hidden H            hidden size (default 128)
  --embed E             embedding size (default 32)
  --dropout P           dropout between layers while training (default 0)
  --seq T               characters per sequence (default 64)
  --batch N             sequences per batch (default 32)
  --lr LR               Adam learning rate (default 0.002)
  --clip C              clip gradients to global norm C, 0 = off (default 5)
  --steps S             steps to train now (default 2000)
  --minutes M           stop after M minutes of training instead (overrides --steps)
  --eval-every K        validate every K steps (default 200)
  --eval-minutes a,b    also validate when training time passes these minutes (e.g. 2,5,10)
  --eval-batches B      validation batches per evaluation (default 20)
  --checkpoint PATH     save here at every validation and at the end
  --resume              continue the checkpoint at PATH (model, optimizer, step, data order)
  --force               overwrite an existing checkpoint without --resume
  --seed S              seed of the weights and the batches (default 42)
  --help`;

const { values: f } = parseArgs({
  args: Deno.args,
  options: {
    cell: { type: "string", default: "lstm" },
    layers: { type: "string", default: "1" },
    hidden: { type: "string", default: "128" },
    embed: { type: "string", default: "32" },
    dropout: { type: "string", default: "0" },
    seq: { type: "string", default: "64" },
    batch: { type: "string", default: "32" },
    lr: { type: "string", default: "0.002" },
    clip: { type: "string", default: "5" },
    steps: { type: "string", default: "2000" },
    minutes: { type: "string" },
    "eval-every": { type: "string", default: "200" },
    "eval-minutes": { type: "string", default: "" },
    "eval-batches": { type: "string", default: "20" },
    checkpoint: { type: "string" },
    resume: { type: "boolean", default: false },
    force: { type: "boolean", default: false },
    seed: { type: "string", default: "42" },
    help: { type: "boolean", default: false },
  },
});

function fail(message: string): never {
  console.error(`✗ ${message}`);
  Deno.exit(1);
}

function num(name: string, text: string, integer = false): number {
  const v = Number(text);
  if (!Number.isFinite(v) || (integer && !Number.isInteger(v)) || v < 0) {
    fail(`--${name} must be a ${integer ? "whole" : ""} number ≥ 0, got "${text}" (see --help)`);
  }
  return v;
}

if (f.help) {
  console.log(HELP);
  Deno.exit(0);
}
if (!["lstm", "gru", "rnn"].includes(f.cell!)) {
  fail(`--cell must be lstm, gru or rnn, got "${f.cell}"`);
}
if (f.resume && !f.checkpoint) fail("--resume needs --checkpoint PATH");
const ckptPath = f.checkpoint;
if (ckptPath && !f.resume && !f.force) {
  const exists = await Deno.stat(ckptPath).then(() => true, () => false);
  if (exists) fail(`${ckptPath} exists: add --resume to continue it, or --force to start over`);
}

await initBackend({ quiet: true, threads: "all" });
const text = await loadTinyShakespeare().catch((e: Error) => fail(e.message));
const vocab = CharVocab.fromText(text);
const { train, val } = trainValSplit(vocab.encode(text));

let model: CharLM, state: TrainerState | undefined;
let N = num("batch", f.batch!, true), T = num("seq", f.seq!, true);
if (f.resume) {
  try {
    const loaded = await loadCharLM(ckptPath!, { vocab: vocab.toJSON() });
    ({ model, trainerState: state } = loaded);
    N = Number(loaded.extra.batchSize ?? N);
    T = Number(loaded.extra.seqLen ?? T);
  } catch (e) {
    fail(e instanceof CheckpointError ? e.message : `could not resume: ${(e as Error).message}`);
  }
} else {
  const config: Partial<CharLMConfig> & { vocabSize: number } = {
    vocabSize: vocab.size,
    cell: f.cell as CellKind,
    layers: num("layers", f.layers!, true),
    hiddenSize: num("hidden", f.hidden!, true),
    embedSize: num("embed", f.embed!, true),
    dropout: num("dropout", f.dropout!),
    seed: num("seed", f.seed!, true),
  };
  try {
    model = new CharLM(config);
  } catch (e) {
    fail((e as Error).message);
  }
}
const trainer = charLMTrainer({
  model,
  train,
  val,
  batchSize: N,
  seqLen: T,
  lr: num("lr", f.lr!),
  clipNorm: num("clip", f.clip!),
  evalEvery: num("eval-every", f["eval-every"]!, true),
  evalBatches: num("eval-batches", f["eval-batches"]!, true),
  seed: num("seed", f.seed!, true),
});
if (state) trainer.setState(state);
const c = model.config;
console.log(
  `${c.cell.toUpperCase()} ${c.layers}×${c.hiddenSize}, embed ${c.embedSize}, dropout ${c.dropout}, ` +
    `${
      model.paramCount().toLocaleString("en")
    } parameters | batch ${N}×${T} | lr ${trainer.optimizer.lr} | ` +
    (state ? `resumed at step ${trainer.step}` : "from scratch"),
);

const minutes = f.minutes ? num("minutes", f.minutes) : undefined;
const marks = f["eval-minutes"]!.split(",").filter(Boolean).map((m) =>
  num("eval-minutes", m) * 60_000
);
const steps = minutes !== undefined ? Number.MAX_SAFE_INTEGER : num("steps", f.steps!, true);
const stop = new AbortController();
const tty = Deno.stderr.isTerminal();
const enc = new TextEncoder();
let smooth = NaN, lastPrint = 0;
const clock = (ms: number) =>
  `${Math.floor(ms / 60000)}m${String(Math.floor(ms / 1000) % 60).padStart(2, "0")}s`;

async function save(): Promise<void> {
  if (!ckptPath) return;
  await saveCharLM(ckptPath, {
    model,
    vocab: vocab.toJSON(),
    trainer,
    extra: { batchSize: N, seqLen: T, corpus: "tinyshakespeare" },
  });
}

async function onEval(e: EvalInfo): Promise<void> {
  if (tty) await Deno.stderr.write(enc.encode("\r\x1b[K"));
  console.log(
    `step ${e.step} | ${clock(e.elapsedMs)} | train ${e.trainLoss.toFixed(3)} | ` +
      `val ${e.valLoss.toFixed(3)} nats/char (${natsToBits(e.valLoss).toFixed(3)} bits)`,
  );
  await save();
}

try {
  await trainer.train(steps, {
    signal: stop.signal,
    onStep: async (i) => {
      smooth = Number.isNaN(smooth) ? i.loss : 0.98 * smooth + 0.02 * i.loss;
      const budget = minutes !== undefined ? minutes * 60_000 - i.elapsedMs : i.etaMs;
      const now = performance.now();
      if (now - lastPrint > (tty ? 250 : 10_000)) {
        lastPrint = now;
        const line =
          `step ${i.step}${minutes === undefined ? `/${trainer.step - i.done + i.total}` : ""}` +
          ` | loss ${smooth.toFixed(3)} | ${
            Math.round(i.itemsPerSec).toLocaleString("en")
          } chars/s | ` +
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
  if (e instanceof TrainingDivergedError) fail(e.message);
  throw e;
}
if (ckptPath) {
  console.log(
    `checkpoint: ${ckptPath} (step ${trainer.step}); sample it with deno task sample --checkpoint ${ckptPath}`,
  );
}
