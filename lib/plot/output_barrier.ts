/**
 * Make a cell's last outputs land in that cell. Deno's kernel (2.9) queues everything a cell
 * prints or displays and publishes the queue on iopub from another thread, tagging each message
 * with the request being executed *when it is published*; it publishes the cell's `status: idle`
 * without waiting for that queue. So after a Run All, where the next request is already waiting,
 * a cell's last output can be tagged with the next cell (Jupyter shows it at the top of the next
 * cell) or arrive after the idle (the classic notebook drops it). `flushOutputs()` waits until the
 * queue has been published: it subscribes to the kernel's own iopub socket (the connection file
 * named on the kernel's command line), sends a marker (an update of a display id nobody shows,
 * which every frontend ignores) and returns once the marker comes back, so everything queued
 * before it is out. Outside a notebook, or when anything fails, it returns at once.
 * @module
 */
import { inJupyter } from "./in_jupyter.ts";

/** The kernel's iopub address, or null when it cannot be found. */
interface IopubAddress {
  transport: "tcp" | "ipc";
  ip: string;
  port: number;
}

let address: IopubAddress | null | undefined;

/** The kernel's command line (Linux: /proc; other Unix: ps), or "" when unknown. */
async function kernelCommandLine(): Promise<string> {
  try {
    if (Deno.build.os === "linux") {
      return (await Deno.readTextFile("/proc/self/cmdline")).split("\0").join(" ");
    }
    if (Deno.build.os === "windows") return "";
    const out = await new Deno.Command("ps", {
      args: ["-o", "command=", "-p", String(Deno.pid)],
      stdout: "piped",
      stderr: "null",
    }).output();
    return new TextDecoder().decode(out.stdout);
  } catch {
    return "";
  }
}

/**
 * The iopub address from a kernel command line (`deno jupyter --kernel --conn FILE`).
 *
 * @param cmdline the command line
 * @param readFile reads the connection file
 * @returns the address, or null without a readable connection file
 */
export async function iopubAddress(
  cmdline: string,
  readFile: (path: string) => Promise<string> = Deno.readTextFile,
): Promise<IopubAddress | null> {
  const m = cmdline.match(/--conn(?:=|\s+)(\S+)/);
  if (!m) return null;
  try {
    const info = JSON.parse(await readFile(m[1]));
    const transport = info.transport === "ipc" ? "ipc" : "tcp";
    const port = Number(info.iopub_port);
    return Number.isInteger(port) && port > 0 ? { transport, ip: String(info.ip), port } : null;
  } catch {
    return null;
  }
}

/** A ZMTP 3.0 greeting for the NULL mechanism, as a client. */
function greeting(): Uint8Array {
  const g = new Uint8Array(64);
  g[0] = 0xff;
  g[9] = 0x7f;
  g[10] = 3;
  g.set(new TextEncoder().encode("NULL"), 12);
  return g;
}

/** A ZMTP frame (short or long form); `command` sets the command flag, `more` the more flag. */
export function zmtpFrame(body: Uint8Array, more = false, command = false): Uint8Array {
  const flags = (more ? 1 : 0) | (command ? 4 : 0) | (body.length > 255 ? 2 : 0);
  const head = body.length > 255 ? 9 : 2;
  const out = new Uint8Array(head + body.length);
  out[0] = flags;
  if (body.length > 255) new DataView(out.buffer).setBigUint64(1, BigInt(body.length));
  else out[1] = body.length;
  out.set(body, head);
  return out;
}

function readyCommand(socketType: string): Uint8Array {
  const enc = new TextEncoder();
  const name = enc.encode("READY"), key = enc.encode("Socket-Type"), val = enc.encode(socketType);
  const body = new Uint8Array(1 + name.length + 1 + key.length + 4 + val.length);
  let o = 0;
  body[o++] = name.length;
  body.set(name, o);
  o += name.length;
  body[o++] = key.length;
  body.set(key, o);
  o += key.length;
  new DataView(body.buffer).setUint32(o, val.length);
  body.set(val, o + 4);
  return zmtpFrame(body, false, true);
}

/**
 * Reads ZMTP frames from a byte stream and reports whether one contains `needle`.
 * Frames larger than 4 kB are skipped unread (markers are tiny).
 */
export class FrameScanner {
  #buf = new Uint8Array(0);
  #skipped = 0;
  #dec = new TextDecoder();

  /** Add bytes; returns the text of each complete small frame found. */
  push(bytes: Uint8Array): string[] {
    const merged = new Uint8Array(this.#buf.length + bytes.length);
    merged.set(this.#buf);
    merged.set(bytes, this.#buf.length);
    const texts: string[] = [];
    let o = 0;
    while (true) {
      if (this.#skipped > 0) {
        const n = Math.min(this.#skipped, merged.length - o);
        o += n;
        this.#skipped -= n;
        if (this.#skipped > 0) break;
      }
      if (merged.length - o < 2) break;
      const long = (merged[o] & 2) !== 0;
      if (long && merged.length - o < 9) break;
      const dv = new DataView(merged.buffer, merged.byteOffset + o);
      const size = long ? Number(dv.getBigUint64(1)) : merged[o + 1];
      const head = long ? 9 : 2;
      if (size > 4096) {
        o += head;
        this.#skipped = size;
        continue;
      }
      if (merged.length - o < head + size) break;
      texts.push(this.#dec.decode(merged.subarray(o + head, o + head + size)));
      o += head + size;
    }
    this.#buf = merged.slice(o);
    return texts;
  }
}

async function writeAll(conn: Deno.Conn, bytes: Uint8Array): Promise<void> {
  let o = 0;
  while (o < bytes.length) o += await conn.write(bytes.subarray(o));
}

async function readExactly(conn: Deno.Conn, n: number): Promise<void> {
  const buf = new Uint8Array(n);
  let o = 0;
  while (o < n) {
    const got = await conn.read(buf.subarray(o));
    if (got === null) throw new Error("iopub closed");
    o += got;
  }
}

let markerCounter = 0;

/** Send a marker nobody displays: an update of a display id that no output has. */
function sendMarker(id: string): void {
  const jupyter = (Deno as unknown as {
    jupyter: { broadcast(type: string, content: Record<string, unknown>): Promise<void> };
  }).jupyter;
  void jupyter.broadcast("update_display_data", {
    data: { "text/plain": "" },
    metadata: {},
    transient: { display_id: id },
  });
}

/**
 * Wait until every output this cell has sent so far has been published by the kernel, so it
 * shows in this cell (see the module comment). Call it after a cell's last output; lib's `show`,
 * live figures, progress lines and text streams call it for you when they finish.
 *
 * @param timeoutMs give up after this long (the outputs are then as Deno publishes them)
 * @returns true when the kernel confirmed, false outside a notebook or when it could not tell
 */
export async function flushOutputs(timeoutMs = 3000): Promise<boolean> {
  if (!inJupyter()) return false;
  if (address === undefined) address = await iopubAddress(await kernelCommandLine());
  const addr = address;
  if (!addr) return false;
  let conn: Deno.Conn | undefined;
  let resend: ReturnType<typeof setInterval> | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<boolean>((r) => {
    deadline = setTimeout(() => r(false), timeoutMs);
  });
  const work = async (): Promise<boolean> => {
    conn = addr.transport === "ipc"
      ? await Deno.connect({ transport: "unix", path: `${addr.ip}-${addr.port}` })
      : await Deno.connect({ hostname: addr.ip, port: addr.port });
    const c = conn;
    await writeAll(c, greeting());
    await readExactly(c, 64);
    await writeAll(c, readyCommand("SUB"));
    await writeAll(c, zmtpFrame(new Uint8Array([1]))); // subscribe to every topic
    const ids: string[] = [];
    const next = () => {
      const id = `course-flush-${Deno.pid}-${markerCounter++}`;
      ids.push(id);
      sendMarker(id);
    };
    // the kernel may register this subscriber after publishing the first marker: send another
    // every 250 ms until one comes back (any of them proves the earlier outputs are out)
    next();
    resend = setInterval(next, 250);
    const scanner = new FrameScanner();
    const buf = new Uint8Array(65536);
    while (true) {
      const got = await c.read(buf);
      if (got === null) return false;
      const texts = scanner.push(buf.subarray(0, got));
      if (texts.some((t) => ids.some((id) => t.includes(id)))) return true;
    }
  };
  try {
    return await Promise.race([work().catch(() => false), expired]);
  } finally {
    clearInterval(resend);
    clearTimeout(deadline);
    try {
      conn?.close();
    } catch { /* already closed */ }
  }
}
