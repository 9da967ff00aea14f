import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend, wasmDir } from "./init_backend.ts";
import { emscriptenPoolSize, writeWorkerScript } from "./wasm_threads.ts";
import { maxAbsDiff, repoRootPath, Rng } from "../util/mod.ts";

/** Run a script in a fresh Deno process with the repo's config; returns its output. */
async function runScript(src: string, env: Record<string, string> = {}) {
  const dir = await Deno.makeTempDir();
  const file = `${dir}/script.ts`;
  await Deno.writeTextFile(file, src);
  try {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--config", `${repoRootPath()}/deno.json`, file],
      env,
      signal: AbortSignal.timeout(60_000),
    }).output();
    const text = (b: Uint8Array) => new TextDecoder().decode(b);
    return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const backendUrl = () => `file://${repoRootPath()}/lib/backend/init_backend.ts`;

/** A script printing the backend info and the sum of a seeded 300×200·200×100 product. */
const productScript = (prelude = "", init = "{ quiet: true }") => `
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "${backendUrl()}";
${prelude}
const info = await initBackend(${init});
const a = tf.randomNormal([300, 200], 0, 1, "float32", 1), b = tf.randomNormal([200, 100], 0, 1, "float32", 2);
console.log(JSON.stringify({ ...info, values: Array.from(tf.matMul(a, b).dataSync().slice(0, 50)) }));
`;

Deno.test("the written pthread worker script defines its globals without assigning getters", async () => {
  const file = await writeWorkerScript(wasmDir().replace(/dist\/$/, "wasm-out/"));
  const src = await Deno.readTextFile(file);
  assert.ok(file.endsWith(".cjs"));
  assert.ok(src.includes("__defineAll(global,{"), "the Object.assign on the global was replaced");
  assert.ok(!src.includes("Object.assign(global,{"));
  assert.equal(await writeWorkerScript(wasmDir().replace(/dist\/$/, "wasm-out/")), file);
});

Deno.test("a script on the threaded backend uses several threads, gives the single-threaded results and exits", async () => {
  const threaded = await runScript(productScript(), { COURSE_WASM_THREADS: "2" });
  assert.equal(threaded.code, 0, threaded.stderr);
  const single = await runScript(productScript(), { COURSE_WASM_THREADS: "1" });
  assert.equal(single.code, 0, single.stderr);
  const four = await runScript(productScript(), { COURSE_WASM_THREADS: "4" });
  assert.equal(four.code, 0, four.stderr);
  const t = JSON.parse(threaded.stdout), s = JSON.parse(single.stdout), f = JSON.parse(four.stdout);
  assert.equal(t.backend, "wasm");
  assert.deepEqual([t.threads, f.threads, s.threads], [2, 4, 1]);
  assert.ok(
    maxAbsDiff(t.values, s.values) < 1e-4,
    `max abs diff ${maxAbsDiff(t.values, s.values)}`,
  );
  assert.deepEqual(f.values, t.values);
});

Deno.test("a pthread worker that fails to load falls back to one thread with a notice", async () => {
  // Every worker_threads Worker runs a script that throws, as a broken worker script would.
  const prelude = `
import wt from "node:worker_threads";
const broken = await Deno.makeTempFile({ suffix: ".cjs" });
await Deno.writeTextFile(broken, "throw new Error('broken pthread worker');");
const Base = wt.Worker;
wt.Worker = class extends Base { constructor(_file, opts) { super(broken, opts); } };
`;
  const r = await runScript(productScript(prelude), { COURSE_WASM_THREADS: "2" });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /multithreaded WASM backend could not start/);
  const info = JSON.parse(r.stdout);
  assert.equal(info.backend, "wasm");
  assert.equal(info.threads, 1);
});

Deno.test("initBackend() reports the threads in use, and matMul on them equals a plain loop", async () => {
  const info = await initBackend({ quiet: true });
  assert.ok(info.threads >= 1);
  const rng = new Rng(3);
  const a = Float32Array.from(rng.normalArray(96 * 64)),
    b = Float32Array.from(rng.normalArray(64 * 80));
  const wasm = tf.tidy(() =>
    tf.matMul(tf.tensor2d(a, [96, 64]), tf.tensor2d(b, [64, 80])).dataSync()
  );
  const ref = new Float32Array(96 * 80);
  for (let i = 0; i < 96; i++) {
    for (let k = 0; k < 64; k++) {
      for (let j = 0; j < 80; j++) ref[i * 80 + j] += a[i * 64 + k] * b[k * 80 + j];
    }
  }
  assert.ok(maxAbsDiff(wasm, ref) < 1e-3, `max abs diff ${maxAbsDiff(wasm, ref)}`);
});

Deno.test("emscriptenPoolSize reads the pool size of the package's main script", async () => {
  const main = await Deno.readTextFile(
    wasmDir().replace(/dist\/$/, "wasm-out/") + "tfjs-backend-wasm-threaded-simd.js",
  );
  assert.equal(emscriptenPoolSize(main), 8);
  assert.equal(emscriptenPoolSize("var x = 1;"), undefined);
});

Deno.test("one thread by default, every core with threads: 'all', and COURSE_WASM_THREADS overrides both", async () => {
  const info = async (init: string, env: Record<string, string> = {}) => {
    const r = await runScript(productScript("", init), env);
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout).threads;
  };
  const cores = Math.min(8, navigator.hardwareConcurrency);
  assert.equal(await info("{ quiet: true }"), 1);
  assert.equal(await info(`{ quiet: true, threads: "all" }`), cores);
  assert.equal(await info(`{ quiet: true, threads: "all" }`, { COURSE_WASM_THREADS: "1" }), 1);
  assert.equal(await info("{ quiet: true }", { COURSE_WASM_THREADS: "2" }), 2);
});
