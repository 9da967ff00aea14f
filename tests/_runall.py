#!/usr/bin/python3
"""Run code cells on the Deno kernel the way a browser's Run All does: every execute_request is sent
at once, so the kernel starts cell k+1 right after cell k's idle. Print, as JSON, every output
message with the cell its parent header names and whether it arrived after that cell's idle.

Usage: /usr/bin/python3 tests/_runall.py CELLS.json [--cwd DIR] [--timeout S]
CELLS.json holds a list of code strings. The Deno binary is $NBRUN_DENO or `deno` on PATH.
"""
import argparse, json, os, queue, shutil, sys, tempfile, time  # noqa: E401

from jupyter_client import KernelManager


def main():
    p = argparse.ArgumentParser()
    p.add_argument("cells")
    p.add_argument("--cwd", default=".")
    p.add_argument("--timeout", type=float, default=120)
    a = p.parse_args()
    cells = json.load(open(a.cells))
    tmp = tempfile.mkdtemp(prefix="runall-")
    spec = os.path.join(tmp, "kernels", "deno-runall")
    os.makedirs(spec)
    deno = os.environ.get("NBRUN_DENO") or shutil.which("deno") or "deno"
    with open(os.path.join(spec, "kernel.json"), "w") as f:
        json.dump({"argv": [deno, "jupyter", "--kernel", "--conn", "{connection_file}"],
                   "display_name": "Deno", "language": "typescript"}, f)
    os.environ["JUPYTER_PATH"] = tmp
    km = KernelManager(kernel_name="deno-runall")
    km.start_kernel(cwd=a.cwd, stdout=open(os.devnull, "w"), stderr=open(os.devnull, "w"))
    kc = km.client()
    kc.start_channels()
    out = {"outputs": [], "errors": []}
    try:
        kc.wait_for_ready(timeout=60)
        time.sleep(0.5)  # let iopub join before the first cell (ZMQ drops earlier messages)
        ids = [kc.execute(c, allow_stdin=False) for c in cells]
        cell_of = {m: i for i, m in enumerate(ids)}
        idle, quiet_since, deadline = set(), None, time.monotonic() + a.timeout
        while time.monotonic() < deadline:
            try:
                msg = kc.get_iopub_msg(timeout=0.05)
            except queue.Empty:
                if len(idle) == len(ids):
                    quiet_since = quiet_since or time.monotonic()
                    if time.monotonic() - quiet_since > 1.0:
                        break
                continue
            quiet_since = None
            parent = (msg.get("parent_header") or {}).get("msg_id")
            kind, content = msg["msg_type"], msg["content"]
            if kind == "status" and content.get("execution_state") == "idle":
                idle.add(parent)
            elif kind == "error":
                out["errors"].append({"cell": cell_of.get(parent), "evalue": content.get("evalue")})
            elif kind in ("stream", "display_data", "update_display_data", "execute_result"):
                data = content.get("data") or {}
                text = content.get("text") or data.get("text/plain") or ""
                out["outputs"].append({"cell": cell_of.get(parent), "type": kind,
                                       "late": parent in idle, "text": text[:200]})
        out["all_idle"] = len(idle) == len(ids)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(out))


if __name__ == "__main__":
    sys.exit(main())
