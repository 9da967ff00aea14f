import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { repoRootPath, repoRootUrl } from "./repo_root.ts";

Deno.test("repoRootPath() is the folder holding deno.json and lib/, whatever the cwd", () => {
  const root = repoRootPath();
  assert.ok(Deno.statSync(join(root, "deno.json")).isFile);
  assert.ok(Deno.statSync(join(root, "lib", "util", "repo_root.ts")).isFile);
  assert.equal(join(fileURLToPath(repoRootUrl()), "."), join(root, "."));
});
