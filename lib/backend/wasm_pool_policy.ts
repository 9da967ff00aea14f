/**
 * When tfjs-wasm's thread pool should run, decided from measurements (used by wasm_pool.ts). On an
 * idle machine the pool wins: XNNPACK splits each matMul over the cores, and pool threads kept busy
 * by every operation stay awake between operations. When another program holds a core it loses
 * badly: each operation waits for a descheduled pool thread, a scheduler time slice each time. And
 * using the pool for some operations only is no middle way: its threads fall asleep in between and
 * every pooled call pays for waking them.
 *
 * So the policy switches the pool on or off for everything, window by window (256 operations). It
 * times every wasm kernel call and keeps, per kernel and size class (⌊log₂ size⌋; a matMul's size is
 * its multiply-accumulates, another kernel's its input elements), a running average of the window
 * medians with the pool and without. After each window it runs the arm whose expected total time,
 * Σ calls × time over the classes timed both ways, has been smaller, and now and then one window of
 * the other arm to see whether that changed (more rarely each time the other arm loses again). Both
 * arms give bit-identical results, so the choice never changes a number.
 * @module
 */

/** Kernel calls per window. */
const WINDOW = 256;
/** Weight of a window's median in the running averages. */
const ALPHA = 0.5;
/** Windows of the better arm between two tries of the other, at first and at most. */
const PROBE_FIRST = 8, PROBE_MAX = 64;

/** How the pool is handed out; see {@link PoolPolicy.mode}. */
export type PoolMode = "measured" | "always" | "never";

/** What the policy has measured for one kind of call. */
export interface PoolClassStats {
  /** the kernel's name */
  kernel: string;
  /** ⌊log₂ size⌋ of its calls in this class */
  log2Size: number;
  /** running averages of the milliseconds per call: [without pool, with pool] */
  ms: [number, number];
  /** timed calls so far: [without pool, with pool] */
  calls: [number, number];
}

/** The pool on or off, chosen window by window from measured kernel times. */
export class PoolPolicy {
  readonly #classes = new Map<string, PoolClassStats>();
  readonly #apply: (pooled: boolean) => void;
  #mode: PoolMode = "measured";
  #pooled = true;
  #best = true;
  #inWindow = 0;
  #lastArm: boolean | undefined;
  readonly #window = new Map<string, number[]>(); // this window's call times, by class
  #sinceProbe = 0;
  #probeEvery = PROBE_FIRST;
  #probing = false;

  /**
   * @param apply switches the pool on (true) or off (false); called at once with true
   * @example Two arms, one clearly faster
   * ```ts
   * import { PoolPolicy } from "./wasm_pool_policy.ts";
   * const policy = new PoolPolicy(() => {});
   * for (let i = 0; i < 4000; i++) policy.record("BatchMatMul", 1 << 20, policy.pooled ? 0.5 : 1);
   * console.log(policy.stats()[0].ms); // [1, 0.5]: without the pool, with it
   * ```
   */
  constructor(apply: (pooled: boolean) => void) {
    this.#apply = apply;
    apply(true);
  }

  /** Whether the pool is on now. */
  get pooled(): boolean {
    return this.#pooled;
  }

  /**
   * "measured" (default): the policy above; "always": the pool runs every operation (tfjs's own
   * behaviour); "never": no operation uses it.
   */
  get mode(): PoolMode {
    return this.#mode;
  }

  set mode(mode: PoolMode) {
    if (!["measured", "always", "never"].includes(mode)) {
      throw new RangeError(
        `PoolPolicy: mode must be "measured", "always" or "never", got "${mode}"`,
      );
    }
    this.#mode = mode;
    this.#set(mode === "measured" ? this.#best : mode === "always");
  }

  /**
   * Record a finished kernel call; at the end of a window, choose the next window's arm.
   *
   * @param kernel the kernel's name
   * @param size its size (a matMul's multiply-accumulates, else its input elements)
   * @param ms its wall time
   */
  record(kernel: string, size: number, ms: number): void {
    if (this.#mode !== "measured") return;
    const key = `${kernel}:${Math.floor(Math.log2(Math.max(1, size)))}`;
    const times = this.#window.get(key);
    if (times) times.push(ms);
    else this.#window.set(key, [ms]);
    if (++this.#inWindow >= WINDOW) this.#endWindow();
  }

  /** The measurements so far, by kernel and size. */
  stats(): PoolClassStats[] {
    return [...this.#classes.values()].sort((a, b) =>
      a.kernel.localeCompare(b.kernel) || a.log2Size - b.log2Size
    );
  }

  #endWindow(): void {
    // Each class's median over the window: robust to the odd slow call (a GC pause, a page fault).
    // An arm back after other windows replaces its stale estimate; a repeated one averages.
    const k = this.#pooled ? 1 : 0, fresh = this.#lastArm !== this.#pooled;
    for (const [key, times] of this.#window) {
      const c = this.#stats(key), m = times.sort((a, b) => a - b)[times.length >> 1];
      c.ms[k] = c.calls[k] === 0 || fresh ? m : (1 - ALPHA) * c.ms[k] + ALPHA * m;
      c.calls[k] += times.length;
    }
    this.#lastArm = this.#pooled;
    this.#window.clear();
    this.#inWindow = 0;
    const poolFaster = this.#compare();
    if (poolFaster === undefined) return this.#set(!this.#pooled); // measure the other arm
    if (this.#probing) {
      this.#probing = false;
      const won = poolFaster === this.#pooled;
      this.#probeEvery = won ? PROBE_FIRST : Math.min(PROBE_MAX, 2 * this.#probeEvery);
    }
    this.#best = poolFaster;
    if (++this.#sinceProbe >= this.#probeEvery) {
      this.#sinceProbe = 0;
      this.#probing = true;
      return this.#set(!this.#best);
    }
    this.#set(this.#best);
  }

  /** Whether the pool has been faster, over the classes timed both ways; undefined if none is. */
  #compare(): boolean | undefined {
    let pooled = 0, single = 0;
    for (const c of this.#classes.values()) {
      if (c.calls[0] === 0 || c.calls[1] === 0) continue;
      const n = c.calls[0] + c.calls[1];
      single += n * c.ms[0];
      pooled += n * c.ms[1];
    }
    return single === 0 ? undefined : pooled < single;
  }

  #set(pooled: boolean): void {
    if (pooled !== this.#pooled) this.#apply(pooled);
    this.#pooled = pooled;
  }

  #stats(key: string): PoolClassStats {
    let c = this.#classes.get(key);
    if (!c) {
      const [kernel, log2] = key.split(":");
      c = { kernel, log2Size: Number(log2), ms: [0, 0], calls: [0, 0] };
      this.#classes.set(key, c);
    }
    return c;
  }
}
