/**
 * Shapes shared by the fast and the simple recurrent ops: the sequence-input contract
 * (`SeqInput`, `seqInfo`), their options and `dims`. Neutral ground, so lib/rnn's plain versions
 * import nothing from lib/kernels' internals.
 * @module
 */
export * from "./seq_input.ts";
