import assert from "node:assert/strict";
import { join, relative } from "node:path";
import { repoRootPath } from "../util/repo_root.ts";
import { writeFileAtomic } from "../util/atomic_write.ts";
import { CharVocab } from "./char_vocab.ts";
import { trainValSplit } from "./train_val_split.ts";
import {
  loadTinyShakespeare,
  resolveTinyShakespeare,
  sha256Hex,
  TINY_SHAKESPEARE,
  TinyShakespeareError,
} from "./tiny_shakespeare.ts";
import { corpusForTests, requireCorpus } from "./_tiny_shakespeare_testing.ts";

// The real corpus comes through the loader (TINY_SHAKESPEARE_PATH, the data/ cache, or one
// download); without it these tests are skipped, saying why, unless CI is set.
const corpus = await corpusForTests("lib/text/tiny_shakespeare_test.ts");
const needsCorpus = { ignore: corpus.ignore };
const corpusBytes = () => new TextEncoder().encode(requireCorpus(corpus));
const quiet = () => {};

/** A fake fetch that answers every URL with `body` (or throws `err`), counting calls. */
function fakeFetch(body: BodyInit | null, init?: ResponseInit, err?: Error) {
  const calls: string[] = [];
  const f = (url: string) => {
    calls.push(url);
    return err ? Promise.reject(err) : Promise.resolve(new Response(body, init));
  };
  return Object.assign(f, { calls });
}

async function withTempDir(fn: (dir: string) => Promise<void>) {
  const dir = await Deno.makeTempDir({ prefix: "text_test_" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function listDir(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  return names.sort();
}

Deno.test({
  name: "loadTinyShakespeare() reads and verifies the corpus",
  ...needsCorpus,
  fn: async () => {
    const text = requireCorpus(corpus);
    assert.equal(text, await loadTinyShakespeare({ log: quiet }));
    assert.equal(text.length, 1_115_394);
    assert.equal(await sha256Hex(new TextEncoder().encode(text)), TINY_SHAKESPEARE.sha256);
    assert.ok(text.startsWith("First Citizen:\nBefore we proceed any further, hear me speak."));
  },
});

Deno.test({
  name: "loadTinyShakespeare() takes the path from TINY_SHAKESPEARE_PATH, relative to the root",
  ...needsCorpus,
  fn: async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, "input.txt");
      await Deno.writeFile(file, corpusBytes());
      const old = Deno.env.get("TINY_SHAKESPEARE_PATH"), cwd = Deno.cwd();
      Deno.env.set("TINY_SHAKESPEARE_PATH", relative(repoRootPath(), file));
      Deno.chdir(dir); // a relative value means the same file from any working folder
      try {
        const got = await resolveTinyShakespeare({ fetch: fakeFetch(null, {}, new Error("no")) });
        assert.equal(got.source, "env");
        assert.equal(got.path, file);
        assert.equal(got.text.length, TINY_SHAKESPEARE.bytes);
      } finally {
        Deno.chdir(cwd);
        if (old === undefined) Deno.env.delete("TINY_SHAKESPEARE_PATH");
        else Deno.env.set("TINY_SHAKESPEARE_PATH", old);
      }
    });
  },
});

Deno.test("loadTinyShakespeare() names the path and the env var when a local file is missing", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "nope.txt");
    const err = await loadTinyShakespeare({ path }).catch((e) => e);
    assert.ok(err instanceof TinyShakespeareError && err.kind === "missing");
    assert.match(err.message, new RegExp(`no file at ${path}`));
    assert.match(err.message, /TINY_SHAKESPEARE_PATH/);
  });
});

Deno.test({
  name: "loadTinyShakespeare() rejects a modified file with a checksum error that says what to do",
  ...needsCorpus,
  fn: () =>
    withTempDir(async (dir) => {
      const bytes = corpusBytes();
      bytes[1000] ^= 1; // one flipped bit, same size
      const path = join(dir, "tiny.txt");
      await Deno.writeFile(path, bytes);
      const err = await loadTinyShakespeare({ path }).catch((e) => e);
      assert.ok(err instanceof TinyShakespeareError && err.kind === "checksum", String(err));
      assert.match(err.message, /checksum/);
      assert.match(
        err.message,
        new RegExp(`expected sha256 ${TINY_SHAKESPEARE.sha256}, got [0-9a-f]{64}`),
      );
      assert.match(err.message, /corrupt or modified/);
      assert.match(err.message, /TINY_SHAKESPEARE_PATH/);
    }),
});

Deno.test("loadTinyShakespeare() tells the user to delete a corrupt cache", async () => {
  await withTempDir(async (dir) => {
    const cachePath = join(dir, "tinyshakespeare.txt");
    await Deno.writeFile(cachePath, new Uint8Array(TINY_SHAKESPEARE.bytes).fill(65));
    const fetch = fakeFetch(null, {}, new Error("should not be called"));
    const err = await loadTinyShakespeare({ cachePath, useEnv: false, fetch }).catch((e) => e);
    assert.equal(err.kind, "checksum");
    assert.match(err.message, new RegExp(`delete ${cachePath}`));
    assert.equal(fetch.calls.length, 0);
  });
});

Deno.test({
  name: "loadTinyShakespeare() downloads into the cache once, then reads the cache",
  ...needsCorpus,
  fn: () =>
    withTempDir(async (dir) => {
      const cachePath = join(dir, "data", "tinyshakespeare.txt");
      const fetch = fakeFetch(corpusBytes());
      const first = await resolveTinyShakespeare({ cachePath, useEnv: false, fetch, log: quiet });
      assert.equal(first.source, "download");
      assert.deepEqual(fetch.calls, [TINY_SHAKESPEARE.url]);
      // no temporary file is left
      assert.deepEqual(await listDir(join(dir, "data")), ["tinyshakespeare.txt"]);
      const second = await resolveTinyShakespeare({ cachePath, useEnv: false, fetch, log: quiet });
      assert.equal(second.source, "cache");
      assert.equal(second.text, first.text);
      assert.equal(fetch.calls.length, 1);
    }),
});

Deno.test("loadTinyShakespeare() reports a truncated download and writes nothing", async () => {
  await withTempDir(async (dir) => {
    const cachePath = join(dir, "tinyshakespeare.txt");
    const fetch = fakeFetch(new Uint8Array(500_000).fill(65)); // the size is checked first
    const err = await loadTinyShakespeare({ cachePath, useEnv: false, fetch, log: quiet })
      .catch((e) => e);
    assert.equal(err.kind, "size");
    assert.match(err.message, /truncated: expected 1,115,394 bytes, got 500,000/);
    assert.deepEqual(await listDir(dir), []);
  });
});

Deno.test("loadTinyShakespeare() reports a wrong download body as a checksum error and writes nothing", async () => {
  await withTempDir(async (dir) => {
    const cachePath = join(dir, "tinyshakespeare.txt");
    const fetch = fakeFetch(new Uint8Array(TINY_SHAKESPEARE.bytes).fill(33));
    const err = await loadTinyShakespeare({ cachePath, useEnv: false, fetch, log: quiet })
      .catch((e) => e);
    assert.equal(err.kind, "checksum");
    assert.match(err.message, /try again/);
    assert.deepEqual(await listDir(dir), []);
  });
});

Deno.test("loadTinyShakespeare() explains a network failure with the URL, the cause and the env var", async () => {
  await withTempDir(async (dir) => {
    const cachePath = join(dir, "tinyshakespeare.txt");
    const fetch = fakeFetch(null, {}, new TypeError("error sending request: dns error"));
    const err = await loadTinyShakespeare({ cachePath, useEnv: false, fetch, log: quiet })
      .catch((e) => e);
    assert.equal(err.kind, "network");
    assert.ok(err.message.includes(TINY_SHAKESPEARE.url));
    assert.match(err.message, /dns error/);
    assert.match(err.message, /TINY_SHAKESPEARE_PATH=/);
    assert.deepEqual(await listDir(dir), []);
  });
});

Deno.test("loadTinyShakespeare() treats an HTTP error or a broken stream as a network failure", async () => {
  await withTempDir(async (dir) => {
    const cachePath = join(dir, "tinyshakespeare.txt");
    const opts = { cachePath, useEnv: false, log: quiet };
    const e404 = await loadTinyShakespeare({ ...opts, fetch: fakeFetch("gone", { status: 404 }) })
      .catch((e) => e);
    assert.equal(e404.kind, "network");
    assert.match(e404.message, /HTTP 404/);
    const broken = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array(1000));
        c.error(new Error("connection reset"));
      },
    });
    const eReset = await loadTinyShakespeare({ ...opts, fetch: fakeFetch(broken) }).catch((e) => e);
    assert.equal(eReset.kind, "network");
    assert.match(eReset.message, /connection reset/);
    assert.deepEqual(await listDir(dir), []);
  });
});

Deno.test("writeFileAtomic() leaves no temporary file when the rename fails", async () => {
  await withTempDir(async (dir) => {
    const dest = join(dir, "target");
    await Deno.mkdir(join(dest, "inside"), { recursive: true }); // a non-empty folder: rename fails
    await assert.rejects(writeFileAtomic(dest, new Uint8Array(10)));
    assert.deepEqual(await listDir(dir), ["target"]);
    await writeFileAtomic(join(dir, "ok.bin"), new Uint8Array([1, 2, 3]));
    assert.deepEqual(await Deno.readFile(join(dir, "ok.bin")), new Uint8Array([1, 2, 3]));
    assert.deepEqual(await listDir(dir), ["ok.bin", "target"]);
  });
});

Deno.test({
  name: "Tiny Shakespeare has 65 characters and splits 1,003,854 / 111,540 as nanoGPT",
  ...needsCorpus,
  fn: () => {
    const text = requireCorpus(corpus);
    const vocab = CharVocab.fromText(text);
    assert.equal(vocab.size, 65);
    assert.equal(
      vocab.chars.join(""),
      "\n !$&',-.3:;?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    );
    const ids = vocab.encode(text);
    assert.equal(ids.length, 1_115_394);
    assert.equal(vocab.decode(ids), text);
    const { train, val } = trainValSplit(ids);
    assert.equal(train.length, 1_003_854);
    assert.equal(val.length, 111_540);
    assert.equal(trainValSplit(text).val, text.slice(1_003_854));
  },
});
