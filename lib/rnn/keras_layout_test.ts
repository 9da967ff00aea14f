import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { maxAbsDiff } from "../util/all_close.ts";
import { Rng } from "../util/rng.ts";
import { type Matrix, matrix } from "../scratch/matrix.ts";
import { tensor3 } from "../scratch/tensor3.ts";
import { rnnForward } from "../scratch/rnn_sequence.ts";
import { lstmForward } from "../scratch/lstm_sequence.ts";
import { gruForward } from "../scratch/gru_sequence.ts";
import { gruFromKeras, gruToKeras } from "./keras_layout.ts";

await initBackend({ quiet: true });

const [N, T, D, H] = [2, 3, 4, 5];
const rng = new Rng(41);
const mat = (r: number, c: number) => matrix(r, c, rng.normalArray(r * c, 0.5));
const x = tensor3(N, T, D, rng.normalArray(N * T * D));
const h0 = mat(N, H);
const tfOf = (m: Matrix | Float64Array) =>
  m instanceof Float64Array
    ? tf.tensor1d(Float32Array.from(m))
    : tf.tensor2d(Float32Array.from(m.data), m.shape);

/** Run a tfjs recurrent layer with the given weights and initial state; returns all h [N, T, H]. */
function runLayer(
  layer: tf.layers.Layer,
  weights: (Matrix | Float64Array)[],
  init: Matrix[],
): Float32Array {
  return tf.tidy(() => {
    const xs = tf.tensor3d(Float32Array.from(x.data), x.shape);
    const state = init.map(tfOf);
    layer.apply(xs, { initialState: state }); // builds the layer
    layer.setWeights(weights.map(tfOf));
    return (layer.apply(xs, { initialState: state }) as tf.Tensor).dataSync() as Float32Array;
  });
}

Deno.test("tf.layers.gru equals the scratch GRU with resetAfter false through gruToKeras() (< 1e-5)", () => {
  const p = {
    Wx: mat(D, 3 * H),
    Wh: mat(H, 3 * H),
    bx: rng.normalArray(3 * H, 0.5),
    bh: rng.normalArray(3 * H, 0.5),
  };
  const k = gruToKeras(p);
  const layer = tf.layers.gru({ units: H, returnSequences: true, recurrentActivation: "sigmoid" });
  const ours = gruForward(x, h0, p.Wx, p.Wh, p.bx, p.bh, { resetAfter: false }).out.data;
  const diff = maxAbsDiff(runLayer(layer, [k.kernel, k.recurrentKernel, k.bias], [h0]), ours);
  console.log("tf.layers.gru vs scratch GRU (reset before): max abs diff", diff);
  assert.ok(diff < 1e-5);
  layer.dispose();
  const back = gruFromKeras(k);
  const again =
    gruForward(x, h0, back.Wx, back.Wh, back.bx, back.bh, { resetAfter: false }).out.data;
  assert.ok(maxAbsDiff(again, ours) < 1e-12);
});

Deno.test("tf.layers.lstm (sigmoid) and simpleRNN take Wx, Wh, b as they are (< 1e-5)", () => {
  const c0 = mat(N, H);
  const lp = { Wx: mat(D, 4 * H), Wh: mat(H, 4 * H), b: rng.normalArray(4 * H, 0.5) };
  const lstm = tf.layers.lstm({ units: H, returnSequences: true, recurrentActivation: "sigmoid" });
  const dl = maxAbsDiff(
    runLayer(lstm, [lp.Wx, lp.Wh, lp.b], [h0, c0]),
    lstmForward(x, h0, lp.Wx, lp.Wh, lp.b, c0).out.data,
  );
  const rp = { Wx: mat(D, H), Wh: mat(H, H), b: rng.normalArray(H, 0.5) };
  const rnn = tf.layers.simpleRNN({ units: H, returnSequences: true });
  const dr = maxAbsDiff(
    runLayer(rnn, [rp.Wx, rp.Wh, rp.b], [h0]),
    rnnForward(x, h0, rp.Wx, rp.Wh, rp.b).out.data,
  );
  console.log("tf.layers.lstm / simpleRNN vs scratch: max abs diff", dl, dr);
  assert.ok(dl < 1e-5 && dr < 1e-5);
  lstm.dispose();
  rnn.dispose();
});
