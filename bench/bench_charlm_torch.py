"""PyTorch half of `deno task bench` (bench/bench_charlm.ts): trains the same char-LSTM
configurations as lib on the CPU (embedding -> LSTM layers -> linear to V = 65, cross-entropy,
clip_grad_norm_ 1.0, Adam lr 2e-3) and reports step times, so the Deno side can interleave runs.

Serve mode (what the benchmark uses): reads lines "CONFIG THREADS STEPS" on stdin, answers each
with one JSON line {"ok": true, "ms": [...], "threads": t, "config": c}; the first line it prints
is {"ok": true, "torch": version, "blas": library} or {"ok": false, "error": "..."}.

One-shot mode: /usr/bin/python3 bench/bench_charlm_torch.py --config A --threads 1 --steps 10
"""
import argparse
import json
import sys
import time

CONFIGS = {
    # name: (embed, hidden, layers, seq, batch)
    "A": (32, 128, 1, 64, 32),
    "B": (32, 256, 2, 100, 64),
}
V = 65  # Tiny Shakespeare's vocabulary
WARMUP = 3


def blas_library() -> str:
    """The BLAS actually mapped into this process (Debian's torch uses the libblas alternative)."""
    try:
        with open("/proc/self/maps") as f:
            libs = {line.split()[-1] for line in f if "blas" in line.lower()}
        return ", ".join(sorted(p.rsplit("/", 1)[-1] for p in libs)) or "unknown"
    except OSError:
        return "unknown"


def make_runner(torch, config: str):
    nn = torch.nn
    E, H, L, T, N = CONFIGS[config]
    torch.manual_seed(0)

    class CharLSTM(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.emb = nn.Embedding(V, E)
            self.lstm = nn.LSTM(E, H, num_layers=L, batch_first=True)
            self.head = nn.Linear(H, V)

        def forward(self, x):
            h, _ = self.lstm(self.emb(x))
            return self.head(h)

    model = CharLSTM()
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    x = torch.randint(0, V, (N, T))
    y = torch.randint(0, V, (N, T))

    def step() -> None:
        opt.zero_grad(set_to_none=True)
        loss = nn.functional.cross_entropy(model(x).reshape(-1, V), y.reshape(-1))
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        loss.item()

    return step


def timed(step, steps: int) -> list:
    ms = []
    for _ in range(steps):
        t0 = time.perf_counter()
        step()
        ms.append((time.perf_counter() - t0) * 1000)
    return ms


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--serve", action="store_true")
    p.add_argument("--config", default="A", choices=sorted(CONFIGS))
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--steps", type=int, default=10)
    a = p.parse_args()
    try:
        import torch
    except Exception as e:  # noqa: BLE001 - any import failure means "not installed" here
        print(json.dumps({"ok": False, "error": f"PyTorch is not installed ({e})"}), flush=True)
        return
    torch.set_num_threads(1)
    torch.ones(8, 8) @ torch.ones(8, 8)  # load BLAS so /proc/self/maps shows it
    print(json.dumps({"ok": True, "torch": torch.__version__, "blas": blas_library()}), flush=True)
    runners = {}

    def run(config: str, threads: int, steps: int) -> dict:
        torch.set_num_threads(threads)
        key = (config, threads)
        if key not in runners:
            runners[key] = make_runner(torch, config)
            timed(runners[key], WARMUP)
        return {"ok": True, "config": config, "threads": threads, "ms": timed(runners[key], steps)}

    if not a.serve:
        print(json.dumps(run(a.config, a.threads, a.steps)), flush=True)
        return
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        try:
            print(json.dumps(run(parts[0], int(parts[1]), int(parts[2]))), flush=True)
        except Exception as e:  # noqa: BLE001 - report to the Deno side instead of dying
            print(json.dumps({"ok": False, "error": repr(e)}), flush=True)


if __name__ == "__main__":
    main()
