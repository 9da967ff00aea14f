/**
 * The check cell's Worker: the first message names the student module's URL (imported fresh, with
 * every module it imports, because a Worker has its own module map); each later message is a call
 * request, answered by one reply. Messages are JSON strings in the same format as the subprocess's
 * frames, so both transports behave the same.
 *
 * This file is loaded in the Worker, so it imports only its own folder.
 * @module
 */
import { functionExports, loadErrorOf, serveCall } from "./serve.ts";
import type { CallRequest, ReadyMessage } from "./wire.ts";

let mod: Record<string, unknown> | undefined;
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<string>) => void) | null;
  postMessage(msg: string): void;
};

scope.onmessage = async (e: MessageEvent<string>) => {
  const msg = JSON.parse(e.data);
  if (mod === undefined && typeof msg.url === "string") {
    let ready: ReadyMessage;
    try {
      mod = await import(msg.url) as Record<string, unknown>;
      ready = { ready: true, exports: functionExports(mod) };
    } catch (err) {
      ready = { ready: false, error: loadErrorOf(err) };
    }
    scope.postMessage(JSON.stringify(ready));
    return;
  }
  if (mod) scope.postMessage(JSON.stringify(await serveCall(mod, msg as CallRequest)));
};
