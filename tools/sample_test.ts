/**
 * `deno task sample` refuses bad input with one line and a non-zero exit, and refuses a checkpoint
 * whose header was edited. The checkpoint is a tiny model saved here, so no corpus is needed.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { initBackend } from "../lib/backend/init_backend.ts";
import { CharLM } from "../lib/rnn/char_lm.ts";
import { saveCharLM } from "../lib/train/char_lm_checkpoint.ts";
import { assertOneLineError, runTool } from "./_cli_testing.ts";

await initBackend({ quiet: true });
const dir = await Deno.makeTempDir({ prefix: "sample_test_" });
const ckpt = join(dir, "lm.ckpt");
const CHARS = ["\n", " ", "a", "b", "c", "d", "e"];
{
  const model = new CharLM({ vocabSize: CHARS.length, hiddenSize: 8, embedSize: 4 });
  await saveCharLM(ckpt, { model, vocab: { kind: "char", chars: CHARS } });
  model.dispose();
}
globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));

const sample = (...args: string[]) => runTool("sample", args);

const BAD_FLAGS: [string[], RegExp][] = [
  [["--bogus"], /^✗ unknown option --bogus \(see --help\)$/],
  [[], /--checkpoint PATH is required/],
  [["--checkpoint", ckpt, "--length", "-1"], /--length must be a positive integer, got "-1"/],
  [["--checkpoint", ckpt, "--temperature", "-1"], /--temperature must be a number ≥ 0, got "-1"/],
  [["--checkpoint", ckpt, "--seed", "abc"], /--seed must be an integer ≥ 0 .*, got "abc"/],
  [["--checkpoint", ckpt, "--top-k", "0"], /--top-k must be a positive integer, got "0"/],
  [["--checkpoint", ckpt, "--prime", "xyz"], /--prime has "x", which is not in the checkpoint's/],
  [["--checkpoint", dir], /--checkpoint .* is a directory/],
];

for (const [args, message] of BAD_FLAGS) {
  const shown = args.map((a) => a.replace(dir, "DIR")).join(" ") || "(no flags)";
  Deno.test(`deno task sample ${shown}: one line, exit 2`, async () => {
    assertOneLineError(await sample(...args), 2, message);
  });
}

Deno.test("deno task sample --checkpoint MISSING: one line, exit 1", async () => {
  assertOneLineError(
    await sample("--checkpoint", join(dir, "none.ckpt")),
    1,
    /no checkpoint at .*none\.ckpt; train one first/,
  );
});

Deno.test("deno task sample writes --length characters after the prime", async () => {
  const run = await sample("--checkpoint", ckpt, "--length", "30", "--prime", "ab", "--seed", "3");
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout.length, 2 + 30 + 1, JSON.stringify(run.stdout)); // prime, text, newline
  assert.ok(run.stdout.startsWith("ab"));
  assert.ok([...run.stdout].every((ch) => CHARS.includes(ch)), run.stdout);
});

Deno.test({
  name: "deno task sample refuses a checkpoint with a 2-byte edit of its vocabulary",
  fn: async () => {
    const edited = join(dir, "edited.ckpt");
    const bytes = await Deno.readFile(ckpt);
    const at = new TextDecoder().decode(bytes).indexOf('"a","b","c"');
    assert.ok(at > 0);
    bytes[at + 1] = "q".charCodeAt(0); // "a" -> "q"
    bytes[at + 5] = "r".charCodeAt(0); // "b" -> "r"
    await Deno.writeFile(edited, bytes);
    assertOneLineError(
      await sample("--checkpoint", edited),
      1,
      /edited\.ckpt is not a usable checkpoint: its contents do not match its sha256 checksum/,
    );
  },
});
