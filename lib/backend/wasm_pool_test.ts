import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend, wasmDir } from "./init_backend.ts";
import { poolPolicy, threadPoolAddress } from "./wasm_pool.ts";
import { lstmFused } from "../kernels/lstm_fused.ts";

Deno.test("threadPoolAddress finds the pool pointer in every tfjs-wasm binary, and nothing in others", () => {
  for (const f of ["tfjs-backend-wasm-threaded-simd.wasm", "tfjs-backend-wasm-simd.wasm"]) {
    const addr = threadPoolAddress(Deno.readFileSync(wasmDir() + f));
    assert.ok(addr !== undefined && addr > 0 && addr % 4 === 0, `${f}: ${addr}`);
  }
  // A module whose get_threads_count returns a constant: no pointer to find.
  const other = Uint8Array.from([
    0,
    97,
    115,
    109,
    1,
    0,
    0,
    0, // magic, version
    1,
    5,
    1,
    96,
    0,
    1,
    127, // type section: () -> i32
    3,
    2,
    1,
    0, // function section
    7,
    21,
    1,
    17,
    ...new TextEncoder().encode("get_threads_count"),
    0,
    0, // export
    10,
    6,
    1,
    4,
    0,
    65,
    2,
    11, // code: i32.const 2; end
  ]);
  assert.ok(WebAssembly.validate(other));
  assert.equal(threadPoolAddress(other), undefined);
});

Deno.test("on the pool and off it, matMul and the fused LSTM give bit-identical results", async () => {
  const { threads } = await initBackend({ quiet: true, threads: 2 });
  const policy = poolPolicy();
  assert.equal(threads, 2);
  assert.ok(policy, "a threaded backend runs under a pool policy");
  const run = () =>
    tf.tidy(() => {
      const a = tf.randomNormal([96, 200], 0, 1, "float32", 1);
      const b = tf.randomNormal([200, 300], 0, 1, "float32", 2);
      const [N, T, D, H] = [8, 12, 16, 32];
      const x = tf.randomNormal([N, T, D], 0, 1, "float32", 3), h0 = tf.zeros([N, H]);
      const Wx = tf.randomNormal([D, 4 * H], 0, 0.3, "float32", 4);
      const Wh = tf.randomNormal([H, 4 * H], 0, 0.3, "float32", 5);
      const g = tf.grad((w: tf.Tensor) =>
        lstmFused(x, h0, h0, Wx, w, tf.zeros([4 * H])).square().sum()
      );
      return [...tf.matMul(a, b).dataSync(), ...g(Wh).dataSync()];
    });
  const before = policy.mode;
  try {
    policy.mode = "always";
    const pooled = run();
    policy.mode = "never";
    const single = run();
    assert.deepEqual(pooled, single);
  } finally {
    policy.mode = before;
  }
});
