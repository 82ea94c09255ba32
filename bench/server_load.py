"""Load on the REST server over loopback: raw add and search throughput and latency.

Starts ``engram serve`` (default embedder: MiniLM int8; rate limiting off) on 127.0.0.1
in a temporary ENGRAM_HOME, then drives it with N concurrent ``MemoryClient`` threads:
first ``add(..., infer=False)`` (one message per call) for ``--duration`` seconds, then
``search`` (user-scoped, top 10) over what was added. Writes
``bench/results/server_load.json``.

    .venv/bin/python bench/server_load.py                  # 16 clients, 30 s per phase
    .venv/bin/python bench/server_load.py --workers 2 --duration 10
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from engram.client import MemoryClient
from engram.errors import EngramError

ROOT = Path(__file__).resolve().parent.parent
USERS = 20
WORDS = ["tea", "coffee", "hiking", "Lisbon", "Berlin", "guitar", "piano", "dog", "cat", "running", "swimming", "sushi", "pasta", "novel", "movie", "garden", "bicycle", "train", "museum", "jazz", "chess", "mountain", "river", "beach", "winter", "summer", "project", "deadline", "meeting", "sister", "brother", "doctor", "teacher", "nurse"]
QUERIES = ["what does the user drink", "where did they travel", "which pets do they have",
           "what music do they like", "what sport do they do", "who is in their family",
           "what food do they enjoy", "what are they working on"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _sentence(rng: random.Random, i: int) -> str:
    a, b, c = rng.sample(WORDS, 3)
    return f"Note {i}: I talked about {a} and {b}, and later about {c}."


def _start_server(home: Path, workers: int) -> tuple[subprocess.Popen[bytes], str, str]:
    env = {**os.environ, "ENGRAM_HOME": str(home), "ENGRAM_SERVER_RATE": "0",
           "ENGRAM_SERVER_LOG_LEVEL": "warning"}
    env.pop("ENGRAM_DB", None)
    engram = str(Path(sys.executable).parent / "engram")
    made = subprocess.run([engram, "keys", "create", "--org", "bench", "--project", "load",
                           "--json"], env=env, capture_output=True, text=True, check=True)
    key = json.loads(made.stdout)["key"]
    port = _free_port()
    proc = subprocess.Popen([engram, "serve", "--host", "127.0.0.1", "--port", str(port),
                             "--workers", str(workers), "--log-level", "warning"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return proc, url, key
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("engram serve did not start")


def _phase(name: str, url: str, key: str, clients: int, duration: float) -> dict[str, Any]:
    stop = time.monotonic() + duration
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients

    def worker(n: int) -> None:
        rng = random.Random(n)
        with MemoryClient(api_key=key, host=url, timeout=60, max_retries=0) as c:
            i = 0
            while time.monotonic() < stop:
                user = f"u{rng.randrange(USERS)}"
                t0 = time.perf_counter()
                try:
                    if name == "add":
                        c.add(_sentence(rng, n * 1_000_000 + i), user_id=user, infer=False)
                    else:
                        c.search(rng.choice(QUERIES), user_id=user, top_k=10)
                except EngramError:  # counted, not fatal: a load test reports failures
                    errors[n] += 1
                    continue
                latencies[n].append(time.perf_counter() - t0)
                i += 1

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    flat = sorted(x for lst in latencies for x in lst)
    q = statistics.quantiles(flat, n=100) if len(flat) >= 2 else [float("nan")] * 99
    return {"requests": len(flat), "errors": sum(errors), "seconds": round(elapsed, 2),
            "throughput_rps": round(len(flat) / elapsed, 1),
            "p50_ms": round(q[49] * 1000, 2), "p95_ms": round(q[94] * 1000, 2),
            "p99_ms": round(q[98] * 1000, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--duration", type=float, default=30.0, help="seconds per phase (<= 300)")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "server_load.json")
    args = ap.parse_args()
    if not (1 <= args.clients <= 64 and 0 < args.duration <= 300 and 1 <= args.workers <= 8):
        raise SystemExit("clients 1-64, duration (0, 300] s, workers 1-8")
    with tempfile.TemporaryDirectory() as home:
        proc, url, key = _start_server(Path(home), args.workers)
        try:
            add = _phase("add", url, key, args.clients, args.duration)
            print("add   ", add, flush=True)
            with MemoryClient(api_key=key, host=url) as c:
                stored = sum(u["total_memories"] for u in c.users()["results"])
            search = _phase("search", url, key, args.clients, args.duration)
            print("search", search, flush=True)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    result = {"bench": "server_load", "clients": args.clients, "workers": args.workers,
              "duration_s": args.duration, "embedder": "minilm-int8 (default)",
              "memories_after_add_phase": stored, "users": USERS, "add_raw": add,
              "search_top10": search, "machine": {"python": platform.python_version(),
                                                  "cpus": os.cpu_count()}}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
