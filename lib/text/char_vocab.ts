/**
 * A character vocabulary: the sorted set of characters in a text, each mapped to its index, as in
 * Karpathy's min-char-rnn and nanoGPT's `shakespeare_char/prepare.py` (65 symbols for Tiny
 * Shakespeare). Notebook 07 builds it on the corpus; checkpoints store it with `toJSON()` so a
 * sampler can refuse a model trained on another vocabulary.
 * @module
 */

/** The JSON form of a {@link CharVocab}, stored in checkpoints. */
export interface CharVocabJSON {
  kind: "char";
  chars: string[];
}

/** Characters ↔ integer ids, one id per distinct character (Unicode code point). */
export class CharVocab {
  /** The characters in id order. */
  readonly chars: readonly string[];
  #ids: Map<number, number>;

  /**
   * Make a vocabulary from characters in id order (use {@link CharVocab.fromText} to build one).
   *
   * @param chars distinct single characters; `chars[i]` gets id `i`
   * @throws {TypeError} if an entry is not a single character
   * @throws {RangeError} if there are no characters or one repeats
   * @example A three-letter vocabulary
   * ```ts
   * import { CharVocab } from "./char_vocab.ts";
   * console.log(new CharVocab(["a", "b", "c"]).size); // 3
   * ```
   */
  constructor(chars: readonly string[]) {
    if (chars.length === 0) throw new RangeError("CharVocab: the vocabulary is empty");
    this.#ids = new Map();
    chars.forEach((ch, i) => {
      if (typeof ch !== "string" || [...ch].length !== 1) {
        throw new TypeError(
          `CharVocab: entry ${i} must be one character, got ${JSON.stringify(ch)}`,
        );
      }
      const cp = ch.codePointAt(0)!;
      if (this.#ids.has(cp)) {
        throw new RangeError(
          `CharVocab: character ${show(ch)} appears twice (ids ${this.#ids.get(cp)} and ${i})`,
        );
      }
      this.#ids.set(cp, i);
    });
    this.chars = Object.freeze([...chars]);
  }

  /**
   * The sorted distinct characters of `text` (sorted by code point, as Python's `sorted(set(text))`).
   *
   * @param text the training text
   * @returns the vocabulary (65 characters for Tiny Shakespeare)
   * @throws {RangeError} if `text` is empty
   * @example Build from a string
   * ```ts
   * import { CharVocab } from "./char_vocab.ts";
   * console.log(CharVocab.fromText("hello").chars.join("")); // ehlo
   * ```
   */
  static fromText(text: string): CharVocab {
    const cps = new Set<number>();
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      cps.add(cp);
      if (cp > 0xffff) i++; // skip the low surrogate
    }
    return new CharVocab([...cps].sort((a, b) => a - b).map((cp) => String.fromCodePoint(cp)));
  }

  /** Number of characters, V. */
  get size(): number {
    return this.chars.length;
  }

  /**
   * Map text to ids.
   *
   * @param text characters from the vocabulary
   * @returns one id per character // [len]
   * @throws {RangeError} naming the first unknown character and its position
   * @example Encode and decode
   * ```ts
   * import { CharVocab } from "./char_vocab.ts";
   * const vocab = CharVocab.fromText("hello");
   * console.log(vocab.encode("hole")); // Int32Array [ 2, 3, 1, 0 ]
   * ```
   */
  encode(text: string): Int32Array {
    const out = new Int32Array(text.length);
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      const id = this.#ids.get(cp);
      if (id === undefined) {
        const ch = String.fromCodePoint(cp);
        throw new RangeError(
          `CharVocab.encode: unknown character ${show(ch)} at position ${i}; the vocabulary has ` +
            `${this.size} characters (was it built from a different text?)`,
        );
      }
      out[n++] = id;
      if (cp > 0xffff) i++;
    }
    return n === out.length ? out : out.slice(0, n);
  }

  /**
   * Map ids back to text.
   *
   * @param ids integers in [0, V)
   * @returns the text
   * @throws {RangeError} naming the first id outside [0, V)
   * @example Decode ids
   * ```ts
   * import { CharVocab } from "./char_vocab.ts";
   * console.log(CharVocab.fromText("abc").decode([2, 0])); // ca
   * ```
   */
  decode(ids: ArrayLike<number>): string {
    const parts = new Array<string>(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const ch = this.chars[ids[i]];
      if (ch === undefined) {
        throw new RangeError(
          `CharVocab.decode: id ${ids[i]} at position ${i} is outside [0, ${this.size})`,
        );
      }
      parts[i] = ch;
    }
    return parts.join("");
  }

  /**
   * Whether two vocabularies map every character to the same id.
   *
   * @param other the vocabulary to compare with (e.g. a checkpoint's)
   * @returns true if identical
   */
  equals(other: CharVocab): boolean {
    return this.size === other.size && this.chars.every((ch, i) => other.chars[i] === ch);
  }

  /** The JSON form, for checkpoints: `{ kind: "char", chars: [...] }`. */
  toJSON(): CharVocabJSON {
    return { kind: "char", chars: [...this.chars] };
  }

  /**
   * Rebuild a vocabulary from {@link CharVocab.toJSON} output (e.g. a parsed checkpoint).
   *
   * @param json the parsed object
   * @returns the vocabulary
   * @throws {TypeError} if `json` is not a character vocabulary
   * @example Round trip
   * ```ts
   * import { CharVocab } from "./char_vocab.ts";
   * const v = CharVocab.fromText("hello");
   * console.log(CharVocab.fromJSON(JSON.parse(JSON.stringify(v))).equals(v)); // true
   * ```
   */
  static fromJSON(json: unknown): CharVocab {
    const j = json as Partial<CharVocabJSON> | null;
    if (j === null || typeof j !== "object" || j.kind !== "char" || !Array.isArray(j.chars)) {
      throw new TypeError(
        `CharVocab.fromJSON: expected { kind: "char", chars: string[] }, got ` +
          `${JSON.stringify(json)?.slice(0, 80)}`,
      );
    }
    return new CharVocab(j.chars);
  }
}

/** A character as a readable literal with its code point, e.g. "\n" (U+000A). */
function show(ch: string): string {
  const hex = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
  return `${JSON.stringify(ch)} (U+${hex})`;
}
