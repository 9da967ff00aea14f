/**
 * Every global patch of lib/backend, checked against the tfjs it was written for (listed in
 * ./mod.ts). A tfjs upgrade that breaks a patch fails the functional tests beside each file; this
 * file fails loudly when an upgrade changes the version the patches were verified on, or makes
 * a patch obsolete (the behaviour it works around is gone).
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { initBackend } from "./init_backend.ts";
import { useFastMatMulGrad } from "./matmul_grad.ts";
import { PATCHED_TFJS } from "./mod.ts";

Deno.test("tfjs is the version every backend patch was verified on", () => {
  assert.equal(
    tf.version.tfjs,
    PATCHED_TFJS,
    `tfjs ${tf.version.tfjs} is not ${PATCHED_TFJS}: re-verify each patch listed in ` +
      "lib/backend/mod.ts (matMul gradient, Math.random seeding, the wasm worker shim, the pool " +
      "switch), then update PATCHED_TFJS",
  );
});

Deno.test("patch 1 is still needed: tfjs-wasm's transposed matMul is much slower than a plain one", async () => {
  await initBackend({ quiet: true });
  const n = 384;
  const a = tf.randomNormal([n, n]), b = tf.randomNormal([n, n]);
  const time = (f: () => tf.Tensor) => {
    const ms: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      const y = f();
      y.dataSync();
      ms.push(performance.now() - t0);
      y.dispose();
    }
    return ms.sort((x, y) => x - y)[3];
  };
  const flagged = time(() => tf.matMul(a, b, true, false));
  const materialised = time(() => tf.tidy(() => tf.matMul(tf.transpose(a), b)));
  tf.dispose([a, b]);
  assert.ok(
    flagged > 2 * materialised,
    `matMul with transposeA took ${flagged.toFixed(1)} ms, the materialised transpose ` +
      `${materialised.toFixed(1)} ms: tfjs may have fixed its transposed matMul, so the ` +
      "re-registered gradient of lib/backend/matmul_grad.ts may be obsolete",
  );
  useFastMatMulGrad(true);
});

Deno.test("patch 2 still works: unseeded tfjs random ops draw from Math.random", async () => {
  await initBackend({ quiet: true, seed: 3 });
  const a = tf.tidy(() => tf.randomNormal([4]).arraySync());
  await initBackend({ quiet: true, seed: 3 });
  const b = tf.tidy(() => tf.randomNormal([4]).arraySync());
  assert.deepEqual(a, b, "seeding Math.random no longer makes tfjs's random ops repeat");
});

Deno.test("patch 3 is still needed: tfjs keeps its threaded wasm build off under Deno", async () => {
  const src = `import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
console.log(await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT"));`;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", "--quiet", src],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const said = new TextDecoder().decode(out.stdout).trim();
  assert.ok(out.success, new TextDecoder().decode(out.stderr));
  assert.equal(
    said,
    "false",
    "tfjs now reports thread support under Deno by itself: the worker shim of " +
      "lib/backend/wasm_threads.ts (and its os.cpus and Worker patches) may be obsolete",
  );
});
