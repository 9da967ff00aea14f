/**
 * Checkpoints of the character language model (notebook 07, `deno task train` and `deno task
 * sample`): the model's config and weights, the vocabulary, and optionally the trainer (step,
 * optimizer moments, loss history, seed), so that a sampler can load the file alone and a resumed
 * run continues the same loss curve. The vocabulary is stored as lib/text's `CharVocab.toJSON()`
 * and compared on load, so a model is never paired with another corpus's characters.
 * @module
 */
import { CharLM, type CharLMConfig } from "../rnn/char_lm.ts";
import { type Checkpoint, CheckpointError, loadCheckpoint, saveCheckpoint } from "./checkpoint.ts";
import type { OptimizerState } from "./optimizers.ts";
import type { Trainer, TrainerState } from "./trainer.ts";

/** A vocabulary in its JSON form (lib/text's `CharVocabJSON`). */
export interface VocabJSON {
  kind: string;
  chars: string[];
}

/** What {@link loadCharLM} returns. */
export interface LoadedCharLM {
  /** the model, weights loaded */
  model: CharLM;
  /** the vocabulary it was trained with (rebuild it with `CharVocab.fromJSON`) */
  vocab: VocabJSON;
  /** the trainer's state, if the checkpoint has one: pass it to `trainer.setState` */
  trainerState?: TrainerState;
  /** the step the checkpoint was written at (0 without a trainer) */
  step: number;
  /** free-form extras saved with it (e.g. batch size and sequence length) */
  extra: Record<string, unknown>;
}

/**
 * Save the model (and optionally its trainer) atomically.
 *
 * @param path destination file
 * @param what model, vocabulary JSON, trainer, extras (JSON)
 * @example Save and load a small model
 * ```ts
 * import { CharLM } from "../rnn/char_lm.ts";
 * import { loadCharLM, saveCharLM } from "./char_lm_checkpoint.ts";
 * const model = new CharLM({ vocabSize: 3, hiddenSize: 4 });
 * const path = `${await Deno.makeTempDir()}/lm.ckpt`;
 * await saveCharLM(path, { model, vocab: { kind: "char", chars: ["a", "b", "c"] } });
 * console.log((await loadCharLM(path)).model.paramCount() === model.paramCount()); // true
 * ```
 */
export async function saveCharLM(
  path: string,
  what: { model: CharLM; vocab: VocabJSON; trainer?: Trainer; extra?: Record<string, unknown> },
): Promise<void> {
  const { model, vocab, trainer, extra = {} } = what;
  if (vocab.chars.length !== model.config.vocabSize) {
    throw new RangeError(
      `saveCharLM: the vocabulary has ${vocab.chars.length} characters, the model ${model.config.vocabSize}`,
    );
  }
  const tensors: Checkpoint["tensors"] = {};
  for (const [name, w] of Object.entries(model.getWeights())) tensors[`model/${name}`] = w;
  let trainerMeta: Record<string, unknown> | undefined;
  if (trainer) {
    const { optimizer, ...rest } = trainer.getState();
    for (const [name, s] of Object.entries(optimizer.slots)) tensors[`opt/${name}`] = s;
    trainerMeta = { ...rest, optimizer: { kind: optimizer.kind, scalars: optimizer.scalars } };
  }
  const meta = {
    kind: "char-lm",
    config: model.config,
    vocab,
    trainer: trainerMeta,
    extra,
    savedAt: new Date().toISOString(),
  };
  await saveCheckpoint(path, { meta, tensors });
}

/**
 * Load a char-LM checkpoint: a ready model, its vocabulary and (if saved) the trainer state.
 *
 * @param path the file
 * @param opts `vocab`: the vocabulary of the data you are about to use; a different one is refused
 * @returns model, vocab, trainerState, step, extra
 * @throws {CheckpointError} "missing", "corrupt", or "mismatch" (not a char-LM checkpoint, or
 *   another vocabulary, with the first differing character)
 */
export async function loadCharLM(
  path: string,
  opts: { vocab?: VocabJSON } = {},
): Promise<LoadedCharLM> {
  const { meta, tensors } = await loadCheckpoint(path);
  if (meta.kind !== "char-lm") {
    throw new CheckpointError(
      "mismatch",
      `${path} is a "${meta.kind}" checkpoint, not a char-LM one`,
    );
  }
  const vocab = meta.vocab as VocabJSON, config = meta.config as CharLMConfig;
  if (!Array.isArray(vocab?.chars) || vocab.chars.length !== config?.vocabSize) {
    throw new CheckpointError("corrupt", `${path}: its vocabulary and config disagree`);
  }
  if (opts.vocab) checkSameVocab(path, vocab, opts.vocab);
  const model = new CharLM(config);
  const weights: Record<string, { shape: number[]; data: Float32Array }> = {};
  const slots: OptimizerState["slots"] = {};
  for (const [name, t] of Object.entries(tensors)) {
    if (name.startsWith("model/")) weights[name.slice(6)] = t;
    else if (name.startsWith("opt/")) slots[name.slice(4)] = t;
  }
  try {
    model.setWeights(weights);
  } catch (err) {
    model.dispose();
    throw new CheckpointError("corrupt", `${path}: ${(err as Error).message}`);
  }
  const t = meta.trainer as
    | (Omit<TrainerState, "optimizer"> & { optimizer: Omit<OptimizerState, "slots"> })
    | undefined;
  const trainerState = t ? { ...t, optimizer: { ...t.optimizer, slots } } : undefined;
  return {
    model,
    vocab,
    trainerState,
    step: trainerState?.step ?? 0,
    extra: (meta.extra ?? {}) as Record<string, unknown>,
  };
}

/**
 * Refuse a checkpoint trained on another vocabulary, naming the first difference.
 *
 * @param path the checkpoint, for the message
 * @param saved the checkpoint's vocabulary
 * @param current the data's vocabulary
 * @throws {CheckpointError} "mismatch"
 */
export function checkSameVocab(path: string, saved: VocabJSON, current: VocabJSON): void {
  const a = saved.chars, b = current.chars;
  const i = a.findIndex((ch, k) => k < b.length && ch !== b[k]);
  if (a.length === b.length && i < 0) return;
  const where = i >= 0
    ? `first difference at id ${i}: ${JSON.stringify(a[i])} in the checkpoint vs ${
      JSON.stringify(b[i])
    } here`
    : `the checkpoint has ${a.length} characters, this text ${b.length}`;
  throw new CheckpointError(
    "mismatch",
    `${path} was trained on a different vocabulary (${where}). Use the text it was trained on, ` +
      `or start a new model without --resume.`,
  );
}
