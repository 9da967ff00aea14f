/**
 * `deno task train` refuses bad input with one line and a non-zero exit, before any slow work:
 * flags are checked before the backend starts or the text loads (these runs take well under a
 * second each), the checkpoint path before training. The cases that need the text (a sequence
 * longer than the data, divergence, resuming) get Tiny Shakespeare through the loader and are
 * skipped, saying why, where it is missing and CI is not set.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { corpusForTests } from "../lib/text/_tiny_shakespeare_testing.ts";
import { assertOneLineError, runTool } from "./_cli_testing.ts";

const train = (...args: string[]) => runTool("train", args);

const BAD_FLAGS: [string[], RegExp][] = [
  [["--bogus"], /^✗ unknown option --bogus \(see --help\)$/],
  [["--hidden", "-5"], /--hidden must be a positive integer, got "-5"/],
  [["--batch", "0"], /--batch must be a positive integer, got "0"/],
  [["--seq", "0"], /--seq must be a positive integer, got "0"/],
  [["--lr", "0"], /--lr must be a positive number, got "0"/],
  [["--eval-batches", "0"], /--eval-batches must be a positive integer, got "0"/],
  [["--steps", "abc"], /--steps must be a positive integer, got "abc"/],
  [["--seed", "abc"], /--seed must be an integer ≥ 0 and ≤ 2147483647, got "abc"/],
  [["--dropout", "1"], /--dropout must be a number ≥ 0 and < 1, got "1"/],
  [["--cell", "transformer"], /--cell must be lstm, gru or rnn, got "transformer"/],
  [["--hidden"], /--hidden needs a value/],
  [["--resume"], /--resume needs --checkpoint PATH/],
];

for (const [args, message] of BAD_FLAGS) {
  Deno.test(`deno task train ${args.join(" ")}: one line, exit 2`, async () => {
    assertOneLineError(await train(...args), 2, message);
  });
}

Deno.test("deno task train --checkpoint DIR --force is refused before training", async () => {
  const dir = await Deno.makeTempDir({ prefix: "train_test_" });
  try {
    const run = await train("--checkpoint", dir, "--force", "--steps", "1");
    assertOneLineError(
      run,
      2,
      /--checkpoint .* is a directory; give a file path such as .*lstm\.ckpt/,
    );
    assert.equal(run.stdout, "", "nothing was trained");
    assert.deepEqual([...Deno.readDirSync(dir)], [], "nothing was written");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test({
  name: "deno task train refuses to overwrite a checkpoint without --resume or --force",
  fn: async () => {
    const dir = await Deno.makeTempDir({ prefix: "train_test_" });
    try {
      const path = join(dir, "lm.ckpt");
      await Deno.writeTextFile(path, "precious");
      assertOneLineError(await train("--checkpoint", path), 2, /exists: add --resume .* --force/);
      assertOneLineError(
        await train("--checkpoint", path, "--resume", "--force"),
        2,
        /--resume continues the checkpoint and --force starts over: give one/,
      );
      assertOneLineError(
        await train("--checkpoint", join(dir, "none.ckpt"), "--resume"),
        2,
        /--resume: there is no checkpoint at/,
      );
      assert.equal(await Deno.readTextFile(path), "precious");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

const corpus = await corpusForTests("tools/train_test.ts");
/** A tiny, fast configuration: a second or two per run. */
const TINY = ["--hidden", "8", "--embed", "4", "--batch", "2", "--seq", "8", "--eval-batches", "1"];

Deno.test({
  name: "deno task train --seq 2000000 (longer than the data): one line, exit 2",
  ignore: corpus.ignore,
  fn: async () => {
    assertOneLineError(
      await train("--seq", "2000000"),
      2,
      /--seq 2000000 is longer than the validation text \(111,540 characters\): use at most 111539/,
    );
  },
});

Deno.test({
  name: "deno task train --lr 1e6 stops as diverged with one line and exit 1",
  ignore: corpus.ignore,
  fn: async () => {
    const run = await train(...TINY, "--lr", "1e6", "--steps", "50", "--eval-every", "0");
    assertOneLineError(
      run,
      1,
      new RegExp(
        "Training diverged at step \\d+: the loss became .*, above the limit of 41\\.74 " +
          ".*lower learning rate",
      ),
    );
    assert.doesNotMatch(run.stdout, /val /, "no evaluation of a diverged model was reported");
  },
});

Deno.test({
  name: "deno task train --resume refuses a conflicting --hidden and applies a new --lr",
  ignore: corpus.ignore,
  fn: async () => {
    const dir = await Deno.makeTempDir({ prefix: "train_test_" });
    try {
      const path = join(dir, "lm.ckpt");
      const first = await train(...TINY, "--steps", "2", "--checkpoint", path);
      assert.equal(first.code, 0, first.stderr);
      assertOneLineError(
        await train("--checkpoint", path, "--resume", "--hidden", "16"),
        2,
        /--hidden 16 conflicts with .*lm\.ckpt, which has hidden 8: a resumed run continues/,
      );
      assertOneLineError(
        await train("--checkpoint", path, "--resume", "--seq", "9"),
        2,
        /--seq 9 conflicts with .*, which has seq 8/,
      );
      const same = await train(
        ...["--checkpoint", path, "--resume", "--hidden", "8", "--steps", "1", "--lr", "0.01"],
        "--eval-batches",
        "1",
      );
      assert.equal(same.code, 0, same.stderr);
      assert.match(same.stdout, /lr 0\.01 \(the checkpoint had 0\.002; --lr replaces it\)/);
      assert.match(same.stdout, /resumed at step 2/);
      assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name), ["lm.ckpt"]);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
