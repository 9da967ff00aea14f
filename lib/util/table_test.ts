import assert from "node:assert/strict";
import { formatTable } from "./table.ts";

Deno.test("formatTable() aligns object rows: text left, numbers right, fixed digits", () => {
  const t = formatTable([{ model: "rnn", acc: 0.5, n: 3 }, { model: "lstm", acc: 0.98765, n: 12 }]);
  assert.equal(
    t,
    ["model    acc   n", "-----  -----  --", "rnn    0.500   3", "lstm   0.988  12"].join("\n"),
  );
});

Deno.test("formatTable() takes arrays with a header row and digits per column", () => {
  const t = formatTable([["d", "loss"], [1, 0.123456], [10, 2]], { digits: [0, 2] });
  assert.deepEqual(t.split("\n"), [" d  loss", "--  ----", " 1  0.12", "10     2"]);
});

Deno.test("formatTable() rejects mixed rows and returns '' for no rows", () => {
  assert.equal(formatTable([]), "");
  assert.throws(() => formatTable([{ a: 1 }, [1]]), /all objects or all arrays/);
});
