/**
 * Backend benchmark (`deno task bench:backend`): WASM vs cpu matmul, transposed-flag matmul vs a
 * materialised transpose, and one training step of a small MLP and of a 64-step LSTM with tfjs's
 * own BatchMatMul gradient ("before") and with lib's fast gradient ("after"). Prints medians.
 * The wasm backend uses every core; `COURSE_WASM_THREADS=1 deno task bench:backend` measures one.
 */
import * as tf from "@tensorflow/tfjs";
import { initBackend, useFastMatMulGrad } from "../lib/backend/init_backend.ts";

/** Median wall time in ms of `fn` over `reps` runs after `warm` warm-up runs. */
async function medianMs(fn: () => Promise<void> | void, reps = 7, warm = 2): Promise<number> {
  for (let i = 0; i < warm; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function matmulTime(n: number): Promise<number> {
  const a = tf.randomNormal([n, n]), b = tf.randomNormal([n, n]);
  return medianMs(async () => {
    const c = tf.matMul(a, b);
    await c.data();
    c.dispose();
  }).finally(() => tf.dispose([a, b]));
}

function mlpStep(): () => Promise<void> {
  const [N, D, H, C] = [256, 64, 256, 10];
  const W1 = tf.variable(tf.randomNormal([D, H], 0, 0.1)),
    W2 = tf.variable(tf.randomNormal([H, H], 0, 0.1));
  const W3 = tf.variable(tf.randomNormal([H, C], 0, 0.1));
  const x = tf.randomNormal([N, D]), y = tf.oneHot(tf.randomUniform([N], 0, C, "int32"), C);
  const opt = tf.train.adam(1e-3);
  return async () => {
    const loss = opt.minimize(
      () => tf.losses.softmaxCrossEntropy(y, tf.relu(tf.relu(x.matMul(W1)).matMul(W2)).matMul(W3)),
      true,
    )!;
    await loss.data();
    loss.dispose();
  };
}

function lstmStep(): () => Promise<void> {
  const [N, T, D, H] = [32, 64, 32, 128];
  const Wx = tf.variable(tf.randomNormal([D, 4 * H], 0, 0.1)),
    Wh = tf.variable(tf.randomNormal([H, 4 * H], 0, 0.1));
  const b = tf.variable(tf.zeros([4 * H])), Wy = tf.variable(tf.randomNormal([H, 65], 0, 0.1));
  const xs = tf.randomNormal([T, N, D]),
    ys = tf.oneHot(tf.randomUniform([T * N], 0, 65, "int32"), 65);
  const opt = tf.train.adam(1e-3);
  return async () => {
    const loss = opt.minimize(() => {
      let h = tf.zeros([N, H]), c = tf.zeros([N, H]);
      const hs: tf.Tensor[] = [];
      for (const x of tf.unstack(xs)) {
        const z = tf.add(tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh)), b); // [N, 4H]
        const [i, f, g, o] = tf.split(z, 4, 1);
        c = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
        h = tf.mul(tf.sigmoid(o), tf.tanh(c));
        hs.push(h);
      }
      const logits = tf.matMul(tf.concat(hs, 0), Wy); // [T*N, V]
      return tf.losses.softmaxCrossEntropy(ys, logits);
    }, true)!;
    await loss.data();
    loss.dispose();
  };
}

const { threads } = await initBackend({ quiet: true, threads: "all" });
console.log(`wasm backend on ${threads} thread(s); COURSE_WASM_THREADS=1 measures one thread\n`);
const rows: string[][] = [["benchmark", "median ms", "note"]];
const wasm512 = await matmulTime(512);
await tf.setBackend("cpu");
const cpu512 = await matmulTime(512);
await tf.setBackend("wasm");
rows.push(["matMul 512×512 wasm", wasm512.toFixed(2), ""]);
rows.push([
  "matMul 512×512 cpu",
  cpu512.toFixed(2),
  `wasm is ${(cpu512 / wasm512).toFixed(1)}× faster`,
]);

const A = tf.randomNormal([2048, 128]), G = tf.randomNormal([2048, 512]);
const flagged = await medianMs(async () =>
  void (await tf.tidy(() => tf.matMul(A, G, true, false)).data())
);
const materialised = await medianMs(async () =>
  void (await tf.tidy(() => tf.matMul(tf.transpose(A), G)).data())
);
rows.push(["[2048,128]ᵀ×[2048,512] with transposeA flag", flagged.toFixed(2), ""]);
rows.push([
  "same, transpose materialised",
  materialised.toFixed(2),
  `${(flagged / materialised).toFixed(1)}× faster`,
]);

for (
  const [name, make] of [["MLP 64-256-256-10, batch 256", mlpStep], [
    "LSTM T=64 N=32 D=32 H=128",
    lstmStep,
  ]] as const
) {
  const step = make();
  useFastMatMulGrad(false);
  const before = await medianMs(step, 5, 2);
  useFastMatMulGrad(true);
  const after = await medianMs(step, 5, 2);
  rows.push([`${name}: train step, tfjs grad`, before.toFixed(1), ""]);
  rows.push([
    `${name}: train step, fast grad`,
    after.toFixed(1),
    `${(before / after).toFixed(2)}× faster`,
  ]);
}
const w = [0, 1, 2].map((j) => Math.max(...rows.map((r) => r[j].length)));
for (const r of rows) console.log(r.map((c, j) => c.padEnd(w[j])).join("  "));
