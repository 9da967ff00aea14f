/**
 * Internal, for tests: Tiny Shakespeare through the same loader the course uses
 * (`TINY_SHAKESPEARE_PATH`, the `data/` cache, or one download into it), never by a path of the
 * development machine. Where the corpus cannot be had, a test is skipped with the reason printed,
 * except when `CI` is set: there the test runs and fails with the reason, so a broken setup cannot
 * pass silently.
 * @module
 */
import { resolveTinyShakespeare, type TinyShakespeareSource } from "./tiny_shakespeare.ts";

/** What a test file needs to know about the corpus. */
export interface CorpusForTests {
  /** the verified text, when it could be loaded */
  text?: string;
  /** where it came from */
  source?: TinyShakespeareSource;
  /** why it could not be loaded */
  reason?: string;
  /** the value for `Deno.test`'s `ignore`: true only when it is missing and CI is not set */
  ignore: boolean;
}

let cached: Promise<CorpusForTests> | undefined;

/**
 * Whether `CI` is set to a true value (not "", "0" or "false").
 *
 * @returns true on the CI machine
 */
export function isCi(): boolean {
  const ci = Deno.env.get("CI");
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

/**
 * Load the corpus once per test process through `resolveTinyShakespeare()`. When it fails, print
 * one line naming the test file, whether the tests are skipped (CI unset) or will fail (CI set),
 * and the loader's reason, which says how to provide the file.
 *
 * @param who the test file or group, for the printed line
 * @returns the text or the reason, and the `ignore` flag
 */
export function corpusForTests(who: string): Promise<CorpusForTests> {
  cached ??= resolveTinyShakespeare({ timeoutMs: 30_000 }).then(
    ({ text, source }): CorpusForTests => ({ text, source, ignore: false }),
    (err: Error): CorpusForTests => ({ reason: err.message, ignore: !isCi() }),
  );
  return cached.then((c) => {
    if (c.reason !== undefined) {
      const what = c.ignore ? "SKIPPED (CI is not set)" : "FAILS (CI is set)";
      console.warn(`${who}: tests that need Tiny Shakespeare ${what}: ${c.reason}`);
    }
    return c;
  });
}

/**
 * The corpus inside a test that was not ignored: the text, or a failure with the loader's reason.
 *
 * @param c what {@link corpusForTests} returned
 * @returns the text
 * @throws {Error} with the reason, when the corpus is missing (only reached with CI set)
 */
export function requireCorpus(c: CorpusForTests): string {
  if (c.text === undefined) {
    throw new Error(`Tiny Shakespeare is needed and missing (CI is set): ${c.reason}`);
  }
  return c.text;
}
