/**
 * The sandboxed subprocess's main loop (`deno task grade`): read the grader's first line (a nonce),
 * load the student module, then answer one call request per stdin line with one framed reply line
 * on stdout. Anything else the student prints on stdout is a line without the frame prefix, which
 * the grader treats as output, never as a result.
 *
 * This file is loaded by the sandboxed child, so it imports only its own folder.
 * @module
 */
import { functionExports, loadErrorOf, serveCall } from "./serve.ts";
import { type CallRequest, framePrefix, type ReadyMessage } from "./wire.ts";

async function* lines(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  let buf = "";
  for await (const chunk of stream.pipeThrough(new TextDecoderStream())) {
    buf += chunk;
    let nl;
    while ((nl = buf.indexOf("\n")) >= 0) {
      yield buf.slice(0, nl);
      buf = buf.slice(nl + 1);
    }
  }
}

async function writeAll(bytes: Uint8Array): Promise<void> {
  let off = 0;
  while (off < bytes.length) off += await Deno.stdout.write(bytes.subarray(off));
}

/**
 * Serve the student module over stdin/stdout until stdin closes.
 *
 * @param load imports the student module (a literal dynamic import in the generated entry file)
 */
export async function serveStdio(load: () => Promise<Record<string, unknown>>): Promise<void> {
  const input = lines(Deno.stdin.readable);
  const first = await input.next();
  if (first.done) return;
  const prefix = framePrefix(String(JSON.parse(first.value).nonce));
  const enc = new TextEncoder();
  const send = (msg: unknown) => writeAll(enc.encode(`\n${prefix}${JSON.stringify(msg)}\n`));
  let mod: Record<string, unknown>;
  try {
    mod = await load();
  } catch (err) {
    const msg: ReadyMessage = { ready: false, error: loadErrorOf(err) };
    await send(msg);
    return;
  }
  const ready: ReadyMessage = { ready: true, exports: functionExports(mod) };
  await send(ready);
  for await (const line of input) {
    if (!line.trim()) continue;
    await send(await serveCall(mod, JSON.parse(line) as CallRequest));
  }
}
