import assert from "node:assert/strict";
import { CliError, intArg, numberArg, parseCli } from "./cli_args.ts";

const OPTS = {
  hidden: { type: "string" },
  lr: { type: "string" },
  resume: { type: "boolean" },
} as const;

function cliError(fn: () => unknown, re: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof CliError, `not a CliError: ${e}`);
    assert.match(e.message, re);
    assert.ok(!e.message.includes("\n"), `not one line: ${JSON.stringify(e.message)}`);
    assert.equal(e.exitCode, 2);
    return true;
  });
}

Deno.test("parseCli() returns only the flags that were given", () => {
  assert.deepEqual(parseCli(["--hidden", "64", "--resume"], OPTS), { hidden: "64", resume: true });
  assert.deepEqual(parseCli(["--lr=1e-3"], OPTS), { lr: "1e-3" });
  assert.deepEqual(parseCli([], OPTS), {});
});

Deno.test("parseCli() takes a negative number as a value, so the range check can name it", () => {
  assert.deepEqual(parseCli(["--hidden", "-5"], OPTS), { hidden: "-5" });
  assert.deepEqual(parseCli(["--lr", "-.5"], OPTS), { lr: "-.5" });
  cliError(
    () => intArg("hidden", "-5", { min: 1 }),
    /^--hidden must be a positive integer, got "-5"/,
  );
});

Deno.test("parseCli() turns every misuse into one line naming the argument", () => {
  cliError(() => parseCli(["--bogus"], OPTS), /^unknown option --bogus \(see --help\)$/);
  cliError(() => parseCli(["--hidden"], OPTS), /^--hidden needs a value/);
  cliError(() => parseCli(["--hidden", "--resume"], OPTS), /^--hidden needs a value/);
  cliError(() => parseCli(["--resume=yes"], OPTS), /^--resume takes no value/);
  cliError(() => parseCli(["64"], OPTS), /^unexpected argument "64"/);
  cliError(() => parseCli(["--hidden", "1", "--hidden=2"], OPTS), /^--hidden is given 2 times/);
});

Deno.test("intArg() and numberArg() accept only numbers in range and say what is expected", () => {
  assert.equal(intArg("batch", "32", { min: 1 }), 32);
  assert.equal(intArg("seed", "0", { min: 0 }), 0);
  assert.equal(numberArg("lr", "2e-3", { above: 0 }), 0.002);
  assert.equal(numberArg("temperature", "0", { min: 0 }), 0);
  cliError(() => intArg("batch", "0", { min: 1 }), /--batch must be a positive integer, got "0"/);
  cliError(() => intArg("seed", "abc", { min: 0 }), /--seed must be an integer ≥ 0, got "abc"/);
  cliError(() => intArg("steps", "1.5", { min: 1 }), /got "1\.5"/);
  cliError(() => intArg("steps", "", { min: 1 }), /got ""/);
  cliError(() => intArg("steps", "1e3", { min: 1 }), /got "1e3"/);
  cliError(() => numberArg("lr", "0", { above: 0 }), /--lr must be a positive number, got "0"/);
  cliError(() => numberArg("lr", "Infinity", { above: 0 }), /got "Infinity"/);
  cliError(() => numberArg("lr", "", { above: 0 }), /got ""/);
  cliError(
    () => numberArg("dropout", "1", { min: 0, below: 1 }),
    /--dropout must be a number ≥ 0 and < 1, got "1"/,
  );
  cliError(() => numberArg("temperature", "-1", { min: 0 }), /must be a number ≥ 0, got "-1"/);
});
