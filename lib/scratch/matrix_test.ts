import assert from "node:assert/strict";
import {
  addRow,
  fromRows,
  mapMatrix,
  matmul,
  matrix,
  mulElementwise,
  sumRows,
  toRows,
  transpose,
} from "./matrix.ts";

Deno.test("matrix() wraps values row-major and rejects a wrong length", () => {
  const m = matrix(2, 3, [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(m.shape, [2, 3]);
  assert.equal(m.data[1 * 3 + 0], 4);
  assert.deepEqual(matrix(2, 2).data, new Float64Array(4));
  assert.throws(() => matrix(2, 3, [1, 2]), RangeError);
});

Deno.test("fromRows() and toRows() round-trip and reject ragged rows", () => {
  const rows = [[1, 2, 3], [4, 5, 6]];
  assert.deepEqual(toRows(fromRows(rows)), rows);
  assert.throws(() => fromRows([[1, 2], [3]]), /row 1 has 1 values/);
});

Deno.test("matmul() multiplies [N, D]·[D, H] and names both shapes on a mismatch", () => {
  const a = fromRows([[1, 2, 3], [4, 5, 6]]);
  const b = fromRows([[1, 0], [0, 1], [1, 1]]);
  assert.deepEqual(toRows(matmul(a, b)), [[4, 5], [10, 11]]);
  assert.throws(() => matmul(a, a), /a is \[2,3\] and b is \[2,3\]/);
});

Deno.test("transpose(), addRow(), sumRows(), mapMatrix() and mulElementwise() follow their definitions", () => {
  const a = fromRows([[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual(toRows(transpose(a)), [[1, 4], [2, 5], [3, 6]]);
  assert.deepEqual(toRows(addRow(a, Float64Array.of(10, 20, 30))), [[11, 22, 33], [14, 25, 36]]);
  assert.deepEqual(Array.from(sumRows(a)), [5, 7, 9]);
  assert.deepEqual(toRows(mapMatrix(a, (v) => v * 2)), [[2, 4, 6], [8, 10, 12]]);
  assert.deepEqual(toRows(mulElementwise(a, a)), [[1, 4, 9], [16, 25, 36]]);
  assert.throws(() => addRow(a, new Float64Array(2)), RangeError);
  assert.throws(() => mulElementwise(a, transpose(a)), RangeError);
});
