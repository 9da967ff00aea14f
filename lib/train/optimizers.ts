/**
 * The two optimizers of the course, written out so their state is plain, named and checkpointable:
 * SGD with optional momentum, and Adam (Kingma & Ba 2015) exactly as PyTorch's `torch.optim.Adam`
 * computes it (bias-corrected moments, ε added to √v̂). Each keeps one slot tensor per parameter
 * and moment, keyed by the parameter's name, so a checkpoint can store and restore them.
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/** Which optimizer. */
export type OptimizerKind = "adam" | "sgd";

/** Hyperparameters of {@link makeOptimizer}. */
export interface OptimizerOptions {
  /** "adam" (default) or "sgd". */
  kind?: OptimizerKind;
  /** Learning rate (default 2e-3 for Adam, 0.1 for SGD). */
  lr?: number;
  /** Adam's β₁ (default 0.9). */
  beta1?: number;
  /** Adam's β₂ (default 0.999). */
  beta2?: number;
  /** Adam's ε (default 1e-8). */
  eps?: number;
  /** SGD's momentum (default 0). */
  momentum?: number;
}

/** An optimizer's state, as stored in checkpoints. */
export interface OptimizerState {
  kind: OptimizerKind;
  /** hyperparameters and the step counter */
  scalars: Record<string, number>;
  /** slot name ("m/Wx", "v/Wx", "momentum/Wx") → values */
  slots: Record<string, { shape: number[]; data: Float32Array }>;
}

/** What the trainer needs from an optimizer. */
export interface Optimizer {
  /** "adam", "sgd", or "tfjs" for a wrapped tfjs optimizer ({@link fromTfOptimizer}). */
  readonly kind: OptimizerKind | "tfjs";
  /** The learning rate (may be changed between steps). */
  lr: number;
  /**
   * Update `params` in place from `grads` (same names).
   *
   * @param params name → variable
   * @param grads name → gradient (not disposed)
   */
  apply(params: Record<string, tf.Variable>, grads: tf.NamedTensorMap): void;
  /** A copy of the state. */
  getState(): OptimizerState;
  /** Restore a state from {@link Optimizer.getState} (e.g. from a checkpoint). */
  setState(state: OptimizerState): void;
  /** Free the slots. */
  dispose(): void;
}

/** Slot variables by name, created lazily with zeros. */
class Slots {
  readonly map = new Map<string, tf.Variable>();
  get(name: string, like: tf.Tensor): tf.Variable {
    let v = this.map.get(name);
    if (!v) {
      v = tf.variable(tf.zerosLike(like), false);
      this.map.set(name, v);
    }
    return v;
  }
  toState(): OptimizerState["slots"] {
    const out: OptimizerState["slots"] = {};
    for (const [k, v] of this.map) {
      out[k] = { shape: [...v.shape], data: v.dataSync() as Float32Array };
    }
    return out;
  }
  load(slots: OptimizerState["slots"]): void {
    this.dispose();
    for (const [k, s] of Object.entries(slots)) {
      const init = tf.tensor(Float32Array.from(s.data), s.shape);
      this.map.set(k, tf.variable(init, false)); // the variable keeps its own reference
      init.dispose();
    }
  }
  dispose(): void {
    for (const v of this.map.values()) v.dispose();
    this.map.clear();
  }
}

/** Adam, as `torch.optim.Adam`: θ ← θ − lr · m̂ / (√v̂ + ε). */
class Adam implements Optimizer {
  readonly kind = "adam";
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  t = 0;
  #slots = new Slots();

  constructor(o: OptimizerOptions) {
    this.lr = o.lr ?? 2e-3;
    this.beta1 = o.beta1 ?? 0.9;
    this.beta2 = o.beta2 ?? 0.999;
    this.eps = o.eps ?? 1e-8;
  }

  apply(params: Record<string, tf.Variable>, grads: tf.NamedTensorMap): void {
    this.t++;
    const bc1 = 1 - this.beta1 ** this.t, bc2 = Math.sqrt(1 - this.beta2 ** this.t);
    tf.tidy(() => {
      for (const [name, p] of Object.entries(params)) {
        const g = grads[name];
        if (!g) continue;
        const m = this.#slots.get(`m/${name}`, p), v = this.#slots.get(`v/${name}`, p);
        m.assign(tf.add(tf.mul(m, this.beta1), tf.mul(g, 1 - this.beta1)));
        v.assign(tf.add(tf.mul(v, this.beta2), tf.mul(tf.square(g), 1 - this.beta2)));
        const denom = tf.add(tf.div(tf.sqrt(v), bc2), this.eps);
        p.assign(tf.sub(p, tf.div(tf.mul(m, this.lr / bc1), denom)));
      }
    });
  }

  getState(): OptimizerState {
    const { lr, beta1, beta2, eps, t } = this;
    return { kind: "adam", scalars: { lr, beta1, beta2, eps, t }, slots: this.#slots.toState() };
  }

  setState(s: OptimizerState): void {
    checkKind("adam", s);
    ({ lr: this.lr, beta1: this.beta1, beta2: this.beta2, eps: this.eps, t: this.t } = s.scalars);
    this.#slots.load(s.slots);
  }

  dispose(): void {
    this.#slots.dispose();
  }
}

/** SGD with optional (PyTorch-style) momentum: b ← μ·b + g, θ ← θ − lr · b. */
class SGD implements Optimizer {
  readonly kind = "sgd";
  lr: number;
  momentum: number;
  #slots = new Slots();

  constructor(o: OptimizerOptions) {
    this.lr = o.lr ?? 0.1;
    this.momentum = o.momentum ?? 0;
  }

  apply(params: Record<string, tf.Variable>, grads: tf.NamedTensorMap): void {
    tf.tidy(() => {
      for (const [name, p] of Object.entries(params)) {
        let g = grads[name];
        if (!g) continue;
        if (this.momentum > 0) {
          const b = this.#slots.get(`momentum/${name}`, p);
          b.assign(tf.add(tf.mul(b, this.momentum), g));
          g = b;
        }
        p.assign(tf.sub(p, tf.mul(g, this.lr)));
      }
    });
  }

  getState(): OptimizerState {
    return {
      kind: "sgd",
      scalars: { lr: this.lr, momentum: this.momentum },
      slots: this.#slots.toState(),
    };
  }

  setState(s: OptimizerState): void {
    checkKind("sgd", s);
    ({ lr: this.lr, momentum: this.momentum } = s.scalars);
    this.#slots.load(s.slots);
  }

  dispose(): void {
    this.#slots.dispose();
  }
}

function checkKind(kind: OptimizerKind, s: OptimizerState): void {
  if (s.kind !== kind) {
    throw new TypeError(`${kind}.setState: the state is from a "${s.kind}" optimizer`);
  }
}

/**
 * Make an optimizer.
 *
 * @param opts kind ("adam" default, "sgd"), lr and the kind's hyperparameters
 * @returns the optimizer (call `dispose()` when done)
 * @throws {RangeError} on an unknown kind or a learning rate that is not a positive number
 * @example One Adam step on w = 1 with gradient 1 moves it by lr
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { makeOptimizer } from "./optimizers.ts";
 * const w = tf.variable(tf.scalar(1));
 * makeOptimizer({ lr: 0.1 }).apply({ w }, { w: tf.scalar(1) });
 * console.log(w.dataSync()[0].toFixed(3)); // 0.900
 * ```
 */
export function makeOptimizer(opts: OptimizerOptions = {}): Optimizer {
  const kind = opts.kind ?? "adam";
  if (opts.lr !== undefined && !(opts.lr > 0 && Number.isFinite(opts.lr))) {
    throw new RangeError(`makeOptimizer: lr must be a positive number, got ${opts.lr}`);
  }
  if (kind === "adam") return new Adam(opts);
  if (kind === "sgd") return new SGD(opts);
  throw new RangeError(`makeOptimizer: kind must be "adam" or "sgd", got "${kind}"`);
}

/**
 * Wrap a tfjs optimizer (`tf.train.momentum`, `rmsprop`, `adam`, …) so the {@link Trainer} can
 * step with it, as notebook 02 compares them. Its state stays inside tfjs, so it cannot be
 * checkpointed, and the caller keeps owning (and disposes) the tfjs optimizer.
 *
 * @param opt the tfjs optimizer
 * @returns an Optimizer whose `apply` calls `opt.applyGradients`
 * @example One momentum step
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { fromTfOptimizer } from "./optimizers.ts";
 * const w = tf.variable(tf.scalar(1));
 * fromTfOptimizer(tf.train.momentum(0.1, 0.9)).apply({ w }, { w: tf.scalar(1) });
 * console.log(w.dataSync()[0].toFixed(3)); // 0.900
 * ```
 */
export function fromTfOptimizer(opt: tf.Optimizer): Optimizer {
  return {
    kind: "tfjs",
    lr: (opt as unknown as { learningRate?: number }).learningRate ?? NaN,
    apply(params: Record<string, tf.Variable>, grads: tf.NamedTensorMap): void {
      const byVariable: tf.NamedTensorMap = {};
      for (const [name, g] of Object.entries(grads)) {
        if (params[name]) byVariable[params[name].name] = g;
      }
      opt.applyGradients(byVariable);
    },
    getState(): OptimizerState {
      throw new TypeError("fromTfOptimizer: a tfjs optimizer's state cannot be checkpointed");
    },
    setState(): void {
      throw new TypeError("fromTfOptimizer: a tfjs optimizer's state cannot be restored");
    },
    dispose(): void {}, // the caller owns the tfjs optimizer
  };
}
