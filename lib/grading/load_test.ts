import assert from "node:assert/strict";
import { exerciseUrl } from "./load.ts";
import { repoRootUrl } from "../util/repo_root.ts";

Deno.test("exerciseUrl() resolves a relative COURSE_EXERCISES_DIR against the repository root", () => {
  const old = Deno.env.get("COURSE_EXERCISES_DIR"), cwd = Deno.cwd();
  try {
    Deno.env.set("COURSE_EXERCISES_DIR", "tests/solutions");
    Deno.chdir(new URL("notebooks/", repoRootUrl())); // a notebook kernel's working directory
    assert.equal(
      exerciseUrl("01_chain_rule").href,
      new URL("tests/solutions/01_chain_rule.ts", repoRootUrl()).href,
    );
    Deno.env.delete("COURSE_EXERCISES_DIR");
    assert.equal(
      exerciseUrl("01_chain_rule").href,
      new URL("notebooks/exercises/01_chain_rule.ts", repoRootUrl()).href,
    );
  } finally {
    Deno.chdir(cwd);
    if (old === undefined) Deno.env.delete("COURSE_EXERCISES_DIR");
    else Deno.env.set("COURSE_EXERCISES_DIR", old);
  }
});
