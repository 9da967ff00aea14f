/**
 * The lib/ layer rule (STYLE.md): a file imports only from its own folder or a lower layer, and
 * lib/scratch imports no tfjs, so it can run in the grader's no-permission sandbox.
 */
import assert from "node:assert/strict";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const LIB = fileURLToPath(new URL("../lib/", import.meta.url));

/** Layer of a lib-relative path; folders in the same layer may not import each other. */
function layerOf(rel: string): { layer: number; folder: string } {
  const folder = rel.includes("/") ? rel.split("/")[0] : "";
  const layers: Record<string, number> = {
    backend: 0,
    util: 0,
    scratch: 1,
    shapes: 1,
    kernels: 2,
    tasks: 2,
    presets: 2,
    nn: 3,
    rnn: 3,
    text: 4,
    train: 4,
    plot: 5,
    grading: 5,
  };
  if (rel === "mod.ts") return { layer: 6, folder: "mod" };
  if (!(folder in layers)) throw new Error(`layers_test: unknown lib folder '${folder}' (${rel})`);
  return { layer: layers[folder], folder };
}

function* walk(dir: string): Generator<string> {
  for (const e of Deno.readDirSync(dir)) {
    const p = join(dir, e.name);
    if (e.isDirectory) yield* walk(p);
    else if (e.name.endsWith(".ts") && !e.name.endsWith("_test.ts")) yield p;
  }
}

function imports(src: string): string[] {
  const re = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']/g;
  return [...src.matchAll(re)].map((m) => m[1] ?? m[2]);
}

Deno.test("lib files import only from their own folder or a lower layer", () => {
  const bad: string[] = [];
  const sameLayerPairs = new Set([
    "backend>util",
    "presets>tasks",
    "nn>rnn",
    "rnn>nn",
    "text>train",
    "train>text",
  ]);
  for (const file of walk(LIB)) {
    const rel = relative(LIB, file);
    const me = layerOf(rel);
    for (const spec of imports(Deno.readTextFileSync(file))) {
      if (!spec.startsWith(".")) continue;
      const target = relative(LIB, resolve(dirname(file), spec));
      if (target.startsWith("..")) {
        bad.push(`${rel} imports ${spec}, outside lib/`);
        continue;
      }
      const them = layerOf(target);
      if (them.folder === me.folder) continue;
      const ok = them.layer < me.layer || sameLayerPairs.has(`${me.folder}>${them.folder}`);
      if (!ok) bad.push(`${rel} (layer ${me.layer}) imports ${target} (layer ${them.layer})`);
    }
  }
  assert.deepEqual(bad, []);
});

Deno.test("lib/scratch imports no tfjs and no Deno API", () => {
  const bad: string[] = [];
  for (const file of walk(join(LIB, "scratch"))) {
    const src = Deno.readTextFileSync(file);
    if (imports(src).some((s) => s.includes("tensorflow"))) {
      bad.push(`${relative(LIB, file)} imports tfjs`);
    }
    if (/\bDeno\./.test(src.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""))) {
      bad.push(`${relative(LIB, file)} uses Deno.*`);
    }
  }
  assert.deepEqual(bad, []);
});

Deno.test("every lib folder has a mod.ts with a @module comment", () => {
  for (const e of Deno.readDirSync(LIB)) {
    if (!e.isDirectory) continue;
    const mod = join(LIB, e.name, "mod.ts");
    assert.match(Deno.readTextFileSync(mod), /@module/, `${mod} lacks a @module doc comment`);
  }
});

Deno.test("lib/kernels imports only tfjs, lib/shapes and its own files", () => {
  const bad: string[] = [];
  for (const file of walk(join(LIB, "kernels"))) {
    if (file.endsWith("_tf_testing.ts")) continue; // test helper, imported by tests only
    for (const spec of imports(Deno.readTextFileSync(file))) {
      if (spec.startsWith("@tensorflow/")) continue;
      const target = relative(LIB, resolve(dirname(file), spec));
      if (!target.startsWith("kernels/") && !target.startsWith("shapes/")) {
        bad.push(`${relative(LIB, file)} imports ${spec}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});

Deno.test("the teaching layers import no kernel internals (lib/kernels/_*.ts)", () => {
  const bad: string[] = [];
  for (const file of walk(LIB)) {
    const rel = relative(LIB, file);
    if (rel.startsWith("kernels/")) continue;
    for (const spec of imports(Deno.readTextFileSync(file))) {
      const target = relative(LIB, resolve(dirname(file), spec));
      if (/^kernels\/_/.test(target)) bad.push(`${rel} imports ${spec}`);
    }
  }
  assert.deepEqual(bad, []);
});
