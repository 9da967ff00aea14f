import assert from "node:assert/strict";
import { decode, encode, namedFnMarker, WireError } from "./wire.ts";

Deno.test("encode/decode round-trips data, typed arrays, non-finite numbers and $ keys", () => {
  const value = {
    a: [1, -0, NaN, Infinity, -Infinity, undefined, null, "s", true],
    t: Float64Array.of(1.5, NaN, -0),
    i: Int32Array.of(-3, 7),
    nested: { $weird: 1, deep: [[Float32Array.of(0.5)]] },
    fn: namedFnMarker("cubic"),
  };
  const back = decode(JSON.parse(JSON.stringify(encode(value)))) as typeof value;
  assert.deepEqual(back, value);
  assert.ok(Object.is(back.a[1], -0) && Object.is(back.t[2], -0));
  assert.ok(back.t instanceof Float64Array && back.i instanceof Int32Array);
});

Deno.test("encode refuses functions, Maps and cycles with a clear message", () => {
  assert.throws(() => encode({ f: () => 1 }, "your result"), /your result contains a function/);
  assert.throws(() => encode(new Map()), WireError);
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assert.throws(() => encode(cyclic), /nested more than 64 deep/);
});

Deno.test("decode builds only plain data: no prototype pollution, no unknown tags", () => {
  const back = decode(JSON.parse('{"__proto__": {"polluted": 1}, "x": 1}')) as Record<
    string,
    unknown
  >;
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.getPrototypeOf(back), Object.prototype);
  assert.throws(() => decode({ $t: "SharedArrayBuffer", v: [] }), WireError);
  assert.throws(() => decode({ $evil: 1 }), WireError);
});
