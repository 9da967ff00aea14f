/**
 * Command-line arguments for the course's tools (`deno task train`, `deno task sample`): parse the
 * flags and check every value before anything slow starts, so a bad flag costs a second and ends
 * with one clear line (`✗ --hidden must be a positive integer, got "-5" (see --help)`) and exit
 * status 2, never a stack trace. {@link runCli} turns the errors a tool expects into that line.
 * @module
 */
import { parseArgs } from "node:util";

/** A bad command line: the message names the flag, the value and what would be accepted. */
export class CliError extends Error {
  /**
   * @param message one line, e.g. `--seq must be a positive integer, got "0"`
   * @param exitCode the process's exit status (default 2, the usual one for usage errors)
   */
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = "CliError";
  }
}

/** One flag: a string value or a boolean switch, and an optional one-letter alias. */
export interface CliOption {
  type: "string" | "boolean";
  short?: string;
}

/** The parsed flags: a string or boolean per flag that was given, undefined when absent. */
export type CliValues<O extends Record<string, CliOption>> = {
  [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : string;
};

const NEGATIVE_NUMBER = /^-(\d|\.\d|Infinity|NaN)/;

/**
 * Parse flags strictly: an unknown flag, a missing value, a repeated flag or a stray argument is a
 * {@link CliError}. Defaults are deliberately not applied here, so a tool can tell "given" from
 * "default" (e.g. to refuse `--hidden` when resuming a checkpoint). A value that looks like a
 * negative number (`--hidden -5`) is taken as the flag's value, so the range check can report it.
 *
 * @param args the arguments (e.g. `Deno.args`)
 * @param options flag name → type
 * @returns the flags that were given
 * @throws {CliError} naming the offending argument
 * @example Parse two flags
 * ```ts
 * import { parseCli } from "./cli_args.ts";
 * const f = parseCli(["--steps", "10", "--resume"], {
 *   steps: { type: "string" },
 *   resume: { type: "boolean" },
 * });
 * console.log(f.steps, f.resume); // 10 true
 * ```
 */
export function parseCli<O extends Record<string, CliOption>>(
  args: string[],
  options: O,
): CliValues<O> {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i], name = a.startsWith("--") ? a.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === "string" && i + 1 < args.length) {
      const next = args[i + 1];
      if (NEGATIVE_NUMBER.test(next)) {
        joined.push(`${a}=${next}`);
        i++;
        continue;
      }
    }
    joined.push(a);
  }
  for (const [name, o] of Object.entries(options)) {
    const seen = joined.filter((a) =>
      a === `--${name}` || a.startsWith(`--${name}=`) || (o.short && a === `-${o.short}`)
    );
    if (seen.length > 1) {
      throw new CliError(`--${name} is given ${seen.length} times; give it once`);
    }
  }
  try {
    const { values } = parseArgs({ args: joined, options, strict: true, allowPositionals: false });
    return { ...values } as CliValues<O>; // a plain object (parseArgs gives a null prototype)
  } catch (err) {
    throw new CliError(rephrase(err as Error & { code?: string }));
  }
}

/** node:util's parseArgs messages, shortened to one line that says what to do. */
function rephrase(err: Error & { code?: string }): string {
  const m = err.message;
  const quoted = /'([^']+)'/.exec(m)?.[1] ?? "";
  switch (err.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${quoted} (see --help)`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument "${quoted}": every value follows its flag (see --help)`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const flag = /--[\w-]+/.exec(m)?.[0] ?? quoted;
      return /does not take an argument/.test(m)
        ? `${flag} takes no value (see --help)`
        : `${flag} needs a value (see --help)`;
    }
    default:
      return `${m.split("\n")[0]} (see --help)`;
  }
}

/** Bounds for {@link intArg} and {@link numberArg}. */
export interface ArgRange {
  /** smallest accepted value (inclusive) */
  min?: number;
  /** largest accepted value (inclusive) */
  max?: number;
  /** values must be greater than this (exclusive) */
  above?: number;
  /** values must be less than this (exclusive) */
  below?: number;
}

/**
 * A whole-number flag value within bounds.
 *
 * @param flag the flag's name without dashes, for the message
 * @param text the value as typed
 * @param range bounds (e.g. `{ min: 1 }`)
 * @returns the number
 * @throws {CliError} if `text` is not a whole number (e.g. "abc", "1.5", "") or is out of range
 * @example A positive batch size
 * ```ts
 * import { intArg } from "./cli_args.ts";
 * console.log(intArg("batch", "32", { min: 1 })); // 32
 * ```
 */
export function intArg(flag: string, text: string, range: ArgRange = {}): number {
  const v = /^[+-]?\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(v) || !inRange(v, range)) {
    throw new CliError(`--${flag} must be ${describe(range, true)}, got "${text}" (see --help)`);
  }
  return v;
}

/**
 * A finite number flag value within bounds.
 *
 * @param flag the flag's name without dashes, for the message
 * @param text the value as typed
 * @param range bounds (e.g. `{ above: 0 }` for a learning rate)
 * @returns the number
 * @throws {CliError} if `text` is not a finite number or is out of range
 * @example A learning rate
 * ```ts
 * import { numberArg } from "./cli_args.ts";
 * console.log(numberArg("lr", "2e-3", { above: 0 })); // 0.002
 * ```
 */
export function numberArg(flag: string, text: string, range: ArgRange = {}): number {
  const v = text.trim() === "" ? NaN : Number(text);
  if (!Number.isFinite(v) || !inRange(v, range)) {
    throw new CliError(`--${flag} must be ${describe(range, false)}, got "${text}" (see --help)`);
  }
  return v;
}

function inRange(v: number, r: ArgRange): boolean {
  return (r.min === undefined || v >= r.min) && (r.max === undefined || v <= r.max) &&
    (r.above === undefined || v > r.above) && (r.below === undefined || v < r.below);
}

function describe(r: ArgRange, integer: boolean): string {
  const kind = integer ? "an integer" : "a number";
  if (integer && r.min === 1 && r.max === undefined) return "a positive integer";
  if (!integer && r.above === 0 && r.max === undefined && r.below === undefined) {
    return "a positive number";
  }
  const parts: string[] = [];
  if (r.min !== undefined) parts.push(`≥ ${r.min}`);
  if (r.above !== undefined) parts.push(`> ${r.above}`);
  if (r.max !== undefined) parts.push(`≤ ${r.max}`);
  if (r.below !== undefined) parts.push(`< ${r.below}`);
  return parts.length ? `${kind} ${parts.join(" and ")}` : kind;
}

/**
 * Run a tool's main function and turn the errors it expects into one line on stderr and a
 * non-zero exit: a {@link CliError} exits with its own code (2 for usage errors), an instance of
 * one of `expected` (e.g. a corrupt checkpoint, a missing corpus, a diverged run) exits with 1.
 * Anything else is a bug and keeps its stack trace.
 *
 * @param main the tool
 * @param expected error classes whose message is for the user
 * @returns when `main` succeeds
 * @example A tool that refuses a flag
 * ```ts ignore
 * import { CliError, runCli } from "./cli_args.ts";
 * await runCli(() => { throw new CliError("--seq must be a positive integer, got \"0\""); });
 * // stderr: ✗ --seq must be a positive integer, got "0"   (exit status 2)
 * ```
 */
export async function runCli(
  main: () => void | Promise<void>,
  expected: (abstract new (...args: never[]) => Error)[] = [],
): Promise<void> {
  try {
    await main();
  } catch (err) {
    if (err instanceof CliError) {
      console.error(`✗ ${err.message}`);
      Deno.exit(err.exitCode);
    }
    if (expected.some((E) => err instanceof E)) {
      console.error(`✗ ${oneLine((err as Error).message)}`);
      Deno.exit(1);
    }
    throw err;
  }
}

/** Collapse a message onto one line (the tools promise one-line errors). */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, " ").trim();
}
