#!/usr/bin/python3
"""Execute a notebook top to bottom on the Deno Jupyter kernel, headlessly, losing no output.

Used by `deno task nb` (tools/nb.ts) and by tests/notebooks_test.ts. Stock nbclient is not used on
purpose: Deno 2.8-2.9 publishes some of a cell's outputs on iopub *after* `status: idle` (a client
that stops at idle drops them), and Deno 2.5-2.7 send `"transient": null`, which crashes nbclient.
Here every iopub message is routed to its cell by `parent_header.msg_id`, even after its idle.

Deno tags stdout and `Deno.jupyter` output with the *newest* execute_request at the moment it
publishes them, so a late output of cell k could carry cell k+1's id. Two guards: after each cell
an empty silent "barrier" execution runs, and whatever is tagged with it belongs to cell k (so do
a timer's prints after the last cell, as in JupyterLab); and an execute_result goes to the cell
whose execution_count it carries. After the last barrier a quiet period drains the rest.

Usage: /usr/bin/python3 tools/nbrun.py NOTEBOOK [--timeout S] [--out PATH] [--quick] [--json]
Exit status: 0 ok, 1 a cell failed, 2 usage, 3 time limit, 4 the kernel failed or died.
"""
import time

T_PROCESS = time.monotonic()

import argparse, json, os, queue, re, shutil, sys, tempfile  # noqa: E401,E402

import nbformat  # noqa: E402
from jupyter_client import KernelManager  # noqa: E402

ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
KERNEL_NAME = "deno-nbrun"
GRACE_S = 0.3  # quiet period after the last barrier before the kernel is shut down
MAX_DRAIN_S = 5.0  # a cell that keeps printing from a timer cannot hold the runner forever
DEBUG = bool(os.environ.get("NBRUN_DEBUG"))  # print every iopub message to stderr


class CellFailed(Exception):
    """A cell ended in error, the time limit passed, or the kernel died."""

    def __init__(self, kind, cell, info):
        super().__init__(kind)
        self.kind, self.cell, self.info = kind, cell, info


def strip_ansi(text):
    return ANSI.sub("", text)


def write_kernelspec(tmp, deno):
    """Write a throwaway kernelspec under tmp/kernels, found through JUPYTER_PATH (not ~/.local)."""
    spec_dir = os.path.join(tmp, "kernels", KERNEL_NAME)
    os.makedirs(spec_dir)
    spec = {
        "argv": [deno, "jupyter", "--kernel", "--conn", "{connection_file}"],
        "display_name": "Deno",
        "language": "typescript",
    }
    with open(os.path.join(spec_dir, "kernel.json"), "w") as f:
        json.dump(spec, f)


class Runner:
    """Runs one notebook; `self.summary` is the machine-readable result."""

    def __init__(self, path, timeout, quick, log):
        self.path, self.timeout, self.quick, self.log = path, timeout, quick, log
        self.nb = nbformat.read(path, as_version=4)
        self.by_msg = {}  # msg_id -> cell index its outputs belong to
        self.barriers = set()  # msg_ids of the empty executions sent after each cell
        self.count_cell = {}  # execution_count -> cell index, from execute_input
        self.rerouted = 0  # outputs routed by a barrier or by execution_count
        self.order = {}  # msg_id -> execution order, to order display updates
        self.idle = set()  # msg_ids whose status: idle has arrived
        self.displays = {}  # display_id -> list of output nodes showing it
        self.pending_updates = {}  # display_id -> (order, content) updates seen before the display
        self.clear_next = set()  # cells with a pending clear_output(wait=True)
        self.seen = {}  # msg_id -> iopub message types received, to explain a time-out
        self.late = {}  # cell index -> messages that arrived after the cell's idle
        self.summary = {"notebook": path, "status": "running", "quick": quick, "cells": []}

    # ---- iopub routing -------------------------------------------------------------------------

    def on_iopub(self, msg):
        parent = (msg.get("parent_header") or {}).get("msg_id")
        kind, content = msg["msg_type"], msg.get("content") or {}
        if DEBUG:
            print(f"nbrun debug: {time.monotonic() - T_PROCESS:8.3f} {parent} {kind} "
                  f"{json.dumps(content)[:120]}", file=sys.stderr, flush=True)
        if parent not in self.by_msg:
            return  # kernel_info traffic or another client's message
        self.seen.setdefault(parent, []).append(kind)
        if kind == "status":
            if content.get("execution_state") == "idle":
                self.idle.add(parent)
            return
        idx = self.by_msg[parent]
        if parent in self.barriers and kind == "execute_input":
            return  # a barrier repeats the previous cell's count
        if kind == "execute_result":  # Deno may tag it with a later request; its count is exact
            idx = self.count_cell.get(content.get("execution_count"), idx)
        if idx != self.by_msg[parent] or parent in self.barriers:
            self.rerouted += 1
        if parent in self.idle:
            self.late[idx] = self.late.get(idx, 0) + 1
        cell = self.nb.cells[idx]
        if kind == "execute_input":
            cell.execution_count = content.get("execution_count", cell.execution_count)
            self.count_cell[cell.execution_count] = idx
        elif kind == "clear_output":
            if content.get("wait"):
                self.clear_next.add(idx)
            else:
                cell.outputs = []
        elif kind == "update_display_data":
            self.update_display(parent, content)
        elif kind in ("stream", "display_data", "execute_result", "error"):
            self.add_output(idx, parent, kind, content)

    def add_output(self, idx, parent, kind, content):
        cell = self.nb.cells[idx]
        if idx in self.clear_next:
            self.clear_next.discard(idx)
            cell.outputs = []
        if kind == "stream":
            last = cell.outputs[-1] if cell.outputs else None
            name, text = content.get("name", "stdout"), content.get("text", "")
            if last is not None and last.output_type == "stream" and last.name == name:
                last.text += text
            else:
                cell.outputs.append(nbformat.v4.new_output("stream", name=name, text=text))
            return
        if kind == "error":
            out = nbformat.v4.new_output(
                "error",
                ename=content.get("ename", ""),
                evalue=content.get("evalue", ""),
                traceback=content.get("traceback") or [],
            )
        else:
            out = nbformat.v4.new_output(
                kind, data=content.get("data") or {}, metadata=content.get("metadata") or {}
            )
            if kind == "execute_result":
                out.execution_count = content.get("execution_count")
            display_id = (content.get("transient") or {}).get("display_id")  # transient may be null
            if display_id:
                self.displays.setdefault(display_id, []).append(out)
                pending = self.pending_updates.get(display_id)
                if pending and pending[0] > self.order[parent]:
                    out.data, out.metadata = map(nbformat.from_dict, pending[1])
        cell.outputs.append(out)

    def update_display(self, parent, content):
        display_id = (content.get("transient") or {}).get("display_id")
        if not display_id:
            return
        new = (content.get("data") or {}, content.get("metadata") or {})
        outs = self.displays.get(display_id)
        if not outs:  # the display itself has not arrived yet: apply the update when it does
            self.pending_updates[display_id] = (self.order[parent], new)
            return
        for out in outs:
            out.data, out.metadata = nbformat.from_dict(new[0]), nbformat.from_dict(new[1])

    # ---- kernel I/O ------------------------------------------------------------------------------

    def pump(self, kc, wait_s):
        """Route iopub messages for up to wait_s; return shell replies received meanwhile."""
        replies, got = [], False
        try:
            while True:
                msg = kc.get_iopub_msg(timeout=0 if got else wait_s)
                got = True
                self.on_iopub(msg)
        except queue.Empty:
            pass
        try:
            while True:
                replies.append(kc.get_shell_msg(timeout=0))
        except queue.Empty:
            pass
        return replies, got

    def execute(self, km, kc, code, idx, deadline, silent=False):
        """Send one execute_request and wait for its reply and its idle; return the reply."""
        msg_id = kc.execute(code, silent=silent, store_history=not silent, allow_stdin=False)
        if silent:
            self.barriers.add(msg_id)
        self.by_msg[msg_id], self.order[msg_id] = idx, len(self.order)
        reply, next_alive_check = None, time.monotonic() + 0.5
        while reply is None or msg_id not in self.idle:
            for r in self.pump(kc, 0.01)[0]:
                if (r.get("parent_header") or {}).get("msg_id") == msg_id:
                    reply = r
            now = time.monotonic()
            if now > deadline:
                seen = ", ".join(self.seen.get(msg_id, [])) or "nothing (not even status: busy)"
                got = "got" if reply else "no"
                raise CellFailed("timeout", idx, {"evalue": f"{got} execute_reply; iopub: {seen}"})
            if now > next_alive_check:
                next_alive_check = now + 0.5
                if not km.is_alive():
                    proc = getattr(km.provisioner, "process", None)
                    code = proc.poll() if proc is not None else "unknown"
                    raise CellFailed("kernel died", idx, {"evalue": f"kernel exited with code {code}"})
        return reply["content"]

    def wait_ready(self, km, kc, deadline):
        """Send kernel_info until its reply arrives *and* iopub carries its status messages.

        ZMQ's PUB socket drops what it publishes before our SUB has joined, so a reply on shell
        alone does not prove iopub works: a fast first cell then loses every output and the runner
        waits for an idle that never comes (measured: 3 of 25 runs before this check).
        """
        while True:
            self.summary["kernel_info_tries"] = self.summary.get("kernel_info_tries", 0) + 1
            msg_id, reply, reply_at, iopub_ok = kc.kernel_info(), None, None, False
            while reply is None or time.monotonic() - reply_at < 0.5:  # 0.5 s for iopub to join
                if reply and iopub_ok:
                    return reply
                try:
                    msg = kc.get_iopub_msg(timeout=0.02)
                    iopub_ok |= (msg.get("parent_header") or {}).get("msg_id") == msg_id
                except queue.Empty:
                    pass
                try:
                    r = kc.get_shell_msg(timeout=0)
                    if (r.get("parent_header") or {}).get("msg_id") == msg_id:
                        reply, reply_at = r, time.monotonic()
                except queue.Empty:
                    pass
                if time.monotonic() > deadline or not km.is_alive():
                    state = "exited" if not km.is_alive() else "no kernel_info reply with iopub"
                    raise CellFailed("kernel failed to start", None, {"evalue": state})

    def drain(self, kc):
        """Wait until iopub has been quiet for GRACE_S (late outputs of the last cells)."""
        start = quiet_since = time.monotonic()
        while time.monotonic() - quiet_since < GRACE_S and time.monotonic() - start < MAX_DRAIN_S:
            if self.pump(kc, 0.05)[1]:
                quiet_since = time.monotonic()

    def run(self):
        t0 = time.monotonic()
        deadline = t0 + self.timeout
        s = self.summary
        tmp = tempfile.mkdtemp(prefix="nbrun-")
        km = kc = None
        try:
            # tools/nb.ts passes its own Deno (npx deno@x task ... leaves none on PATH).
            deno = os.environ.get("NBRUN_DENO") or shutil.which("deno") or "deno"
            write_kernelspec(tmp, deno)
            os.environ["JUPYTER_PATH"] = os.pathsep.join(
                p for p in [tmp, os.environ.get("JUPYTER_PATH", "")] if p
            )
            os.environ["JUPYTER_RUNTIME_DIR"] = tmp
            env = dict(os.environ)
            if self.quick:
                env["COURSE_QUICK"] = "1"
            km = KernelManager(kernel_name=KERNEL_NAME)
            km.connection_file = os.path.join(tmp, "kernel.json")
            self.stderr_path = os.path.join(tmp, "kernel.stderr")
            cwd = os.path.dirname(os.path.abspath(self.path))
            try:
                with open(self.stderr_path, "wb") as err:  # shown only if the kernel fails
                    km.start_kernel(cwd=cwd, env=env, stdout=err, stderr=err)
            except OSError as e:  # deno not on PATH, or not executable
                raise CellFailed("kernel failed to start", None, {"evalue": f"{deno}: {e}"}) from e
            kc = km.client()
            kc.start_channels()
            info = self.wait_ready(km, kc, deadline)
            s["kernel_start_s"] = round(time.monotonic() - t0, 3)
            s["kernel_version"] = info["content"].get("implementation_version")
            self.nb.metadata["language_info"] = info["content"].get("language_info", {})
            self.log(f"kernel started in {s['kernel_start_s']:.2f} s")
            self.run_cells(km, kc, deadline)
            self.drain(kc)
            s["status"] = "ok"
        except CellFailed as e:
            s["status"] = e.kind
            s["error"] = self.describe_failure(e)
            if kc is not None and e.kind != "kernel failed to start":
                self.drain(kc)  # keep the failing cell's late outputs for the saved notebook
        finally:
            t_shut = time.monotonic()
            if kc is not None:
                kc.stop_channels()
            if km is not None and km.has_kernel:
                km.shutdown_kernel(now=True)
            s["shutdown_s"] = round(time.monotonic() - t_shut, 3)
            shutil.rmtree(tmp, ignore_errors=True)
        s["late_messages"] = sum(self.late.values())
        s["rerouted_messages"] = self.rerouted
        s["outputs"] = sum(len(c.get("outputs", [])) for c in self.nb.cells)
        s["cells_s"] = round(sum(c["seconds"] for c in s["cells"]), 3)
        s["total_s"] = round(time.monotonic() - T_PROCESS, 3)
        s["overhead_s"] = round(s["total_s"] - s["cells_s"], 3)
        return s

    def run_cells(self, km, kc, deadline):
        code_no = 0
        for idx, cell in enumerate(self.nb.cells):
            if cell.cell_type != "code":
                continue
            code_no += 1
            cell.outputs, cell.execution_count = [], None
            if not cell.source.strip():
                continue
            t = time.monotonic()
            try:
                reply = self.execute(km, kc, cell.source, idx, deadline)
            finally:
                secs = round(time.monotonic() - t, 3)
                self.summary["cells"].append({"cell": idx + 1, "code_cell": code_no, "seconds": secs})
                self.log(f"  cell {idx + 1:3d} (code {code_no:3d})  {secs:8.3f} s")
            cell.execution_count = reply.get("execution_count", cell.execution_count)
            if reply.get("status") != "ok":
                raise CellFailed("error", idx, reply)
            self.execute(km, kc, "", idx, deadline, silent=True)  # barrier: catches late output

    def describe_failure(self, e):
        """Name the cell (1-based among all cells and among code cells) and the error."""
        info, where = dict(e.info), {}
        if e.cell is not None:
            code_no = sum(1 for c in self.nb.cells[: e.cell + 1] if c.cell_type == "code")
            src = self.nb.cells[e.cell].source.splitlines()
            where = {"cell": e.cell + 1, "code_cell": code_no,
                     "source": "\n".join(src[:15] + (["..."] if len(src) > 15 else []))}
            errs = [o for o in self.nb.cells[e.cell].outputs if o.output_type == "error"]
            if errs and e.kind == "error":  # the iopub error is as detailed as the reply, or more
                info.update(ename=errs[-1].ename, evalue=errs[-1].evalue, traceback=errs[-1].traceback)
        if e.kind != "error" and self.stderr_tail():
            info["traceback"] = ["kernel stderr:", self.stderr_tail()]
        return {
            **where,
            "kind": e.kind,
            "ename": info.get("ename") or ("Error" if e.kind == "error" else e.kind),
            "evalue": strip_ansi(str(info.get("evalue", ""))),
            "traceback": "\n".join(strip_ansi(line) for line in info.get("traceback") or []),
        }

    def stderr_tail(self):
        """The last lines the kernel wrote to stderr, minus Deno's 'unstable' banner."""
        try:
            with open(self.stderr_path, encoding="utf-8", errors="replace") as f:
                lines = [ln for ln in f.read().splitlines() if "is unstable" not in ln]
        except (OSError, AttributeError):
            return ""
        return strip_ansi("\n".join(lines[-20:]))


def write_atomic(nb, out):
    """Write the executed notebook to out through a temporary file and a rename."""
    folder = os.path.dirname(os.path.abspath(out))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".nbrun-", suffix=".ipynb.tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            nbformat.write(nb, f, version=4)
        os.replace(tmp, out)
    except BaseException:
        os.unlink(tmp)
        raise


def report_failure(s, err):
    e = s["error"]
    where = f"cell {e['cell']} (code cell {e['code_cell']})" if "cell" in e else "kernel start"
    if s["status"] == "timeout":
        print(f"TIMEOUT {s['notebook']}: time limit of {s['timeout_s']} s passed while running {where}"
              f" ({e['evalue']})", file=err)
        if e.get("source"):
            print("--- cell source ---\n" + e["source"], file=err)
        return
    print(f"FAILED {s['notebook']}: {where}: {e['ename']}: {e['evalue']}", file=err)
    if e["traceback"]:
        print(e["traceback"], file=err)
    if e.get("source"):
        print("--- cell source ---\n" + e["source"], file=err)


def main(argv=None):
    p = argparse.ArgumentParser(description="Run a notebook on the Deno Jupyter kernel.")
    p.add_argument("notebook")
    p.add_argument("--timeout", type=float, default=600, help="seconds for the whole notebook")
    p.add_argument("--out", help="write the executed notebook here (atomically)")
    p.add_argument("--quick", action="store_true", help="set COURSE_QUICK=1 in the kernel")
    p.add_argument("--json", action="store_true", help="print a JSON summary on stdout")
    a = p.parse_args(argv)
    human = sys.stderr if a.json else sys.stdout
    print(f"nbrun: {a.notebook}{' (quick)' if a.quick else ''}", file=human, flush=True)
    runner = Runner(a.notebook, a.timeout, a.quick, lambda m: print(m, file=human, flush=True))
    s = runner.run()
    s["timeout_s"] = a.timeout
    if a.out:
        write_atomic(runner.nb, a.out)
        s["out"] = a.out
    if s["status"] == "ok":
        print(f"ok {a.notebook}: kernel start {s.get('kernel_start_s', 0):.2f} s, cells "
              f"{s['cells_s']:.2f} s, total {s['total_s']:.2f} s (overhead {s['overhead_s']:.2f} s), "
              f"{s['outputs']} outputs, {s['late_messages']} arrived after idle", file=human)
    else:
        report_failure(s, human if a.json else sys.stderr)
    if a.json:
        print(json.dumps(s))
    return {"ok": 0, "error": 1, "timeout": 3}.get(s["status"], 4)


if __name__ == "__main__":
    sys.exit(main())
