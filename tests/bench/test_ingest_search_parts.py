"""The ingest/search benchmark's pure parts: corpus, statistics, phases, report shape.

Timings are not tested (they depend on the machine); what the figures are computed
from, and the shape of the JSON, are.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import _corpus as C
import _peer
import _phases as P
import _report as R
import ingest_search as B


def _fake_locomo(tmp_path: Path) -> Path:
    turns = [{"speaker": "A", "dia_id": f"D1:{i}", "text": f"real turn number {i}"}
             for i in range(30)]
    turns.append({"speaker": "B", "dia_id": "D1:99", "text": "real turn number 3"})  # a dupe
    data = {"speaker_a": "A", "speaker_b": "B", "session_1": turns,
            "session_1_date_time": "1 May 2023",
            "qa": [{"question": f"What about turn {i}?"} for i in range(4)]}
    (tmp_path / "1.json").write_text(json.dumps(data))
    return tmp_path


# -- corpus -------------------------------------------------------------------------------

def test_corpus_is_deterministic_distinct_and_chunked_over_users(tmp_path: Path) -> None:
    loc = _fake_locomo(tmp_path)
    a = C.build_corpus(200, users=7, chunk=20, locomo_dir=loc, seed=5)
    b = C.build_corpus(200, users=7, chunk=20, locomo_dir=loc, seed=5)
    assert a.messages == b.messages
    texts = a.texts()
    assert len(texts) == 200 and len(set(texts)) == 200
    assert all(1 <= len(ch.messages) <= 20 for ch in a.chunks)
    assert sum(len(ch.messages) for ch in a.chunks) == 200
    assert [ch.user_id for ch in a.chunks[:8]] == [C.user_name(j % 7) for j in range(8)]
    # LOCOMO turns come in, each once, and the duplicate turn is dropped
    assert a.locomo_messages == 30
    assert sum(t.startswith("real turn number") for t in texts) == 30
    roles = [m["role"] for m in a.chunks[0].messages]
    assert roles[:2] == ["user", "assistant"]


def test_corpus_caps_the_locomo_share_and_works_without_locomo(tmp_path: Path) -> None:
    loc = _fake_locomo(tmp_path)
    c = C.build_corpus(40, users=2, locomo_dir=loc, locomo_share=0.25)
    assert c.locomo_messages == 10
    none = C.build_corpus(40, users=2, locomo_dir=tmp_path / "absent")
    assert none.locomo_messages == 0 and len(set(none.texts())) == 40
    with pytest.raises(ValueError):
        C.build_corpus(0)


def test_queries_are_distinct_avoid_the_corpus_and_rotate_users(tmp_path: Path) -> None:
    loc = _fake_locomo(tmp_path)
    qs = C.build_queries(30, users=4, locomo_dir=loc, avoid={"What about turn 0?"})
    texts = [q for q, _ in qs]
    assert len(set(texts)) == 30
    assert "What about turn 0?" not in texts
    assert sum(t.startswith("What about turn") for t in texts) == 3
    assert [u for _, u in qs[:5]] == [C.user_name(i % 4) for i in range(5)]


def test_chunks_from_cuts_at_message_positions() -> None:
    c = C.build_corpus(60, users=3, chunk=20, locomo_dir=None)  # three chunks of 20
    first = C.chunks_from(c, 0, 30)
    rest = C.chunks_from(c, 30, 60)
    assert sum(len(ch.messages) for ch in first) == 30
    joined = [m for ch in first + rest for m in ch.messages]
    assert joined == c.messages
    assert rest[0].user_id == first[-1].user_id  # the cut chunk keeps its user


# -- statistics ---------------------------------------------------------------------------

@pytest.mark.parametrize("q", [0, 5, 50, 90, 95, 99, 100])
def test_percentile_matches_numpy_linear(q: float) -> None:
    rng = np.random.default_rng(1)
    xs = rng.exponential(10, size=137).tolist()
    assert math.isclose(P.percentile(xs, q), float(np.percentile(xs, q)), rel_tol=1e-12)


def test_percentile_edges_and_summary() -> None:
    assert P.percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert P.percentile([7.0], 99) == 7.0
    with pytest.raises(ValueError):
        P.percentile([], 50)
    with pytest.raises(ValueError):
        P.percentile([1.0], 101)
    s = P.summarise_ms([0.010, 0.020, 0.030, 0.040])
    assert s["p50_ms"] == 25.0 and s["max_ms"] == 40.0 and s["mean_ms"] == 25.0
    assert P.rate(100, 4.0) == 25.0


# -- phases, with a fake system -----------------------------------------------------------

class FakeSystem:
    name, version, embedder_name, has_bulk_import = "fake", "0", "none", True

    def __init__(self) -> None:
        self.stores: dict[str, list[tuple[str, str]]] = {}
        self.cur = ""
        self.embedded = 0

    def load_embedder(self) -> None: ...
    def embed_batch(self, texts: list[str]) -> None:
        self.embedded += len(texts)

    def open(self, tag: str, *, fresh: bool) -> None:
        if fresh or tag not in self.stores:
            self.stores[tag] = []
        self.cur = tag

    def add_list(self, messages: list[dict[str, str]], user_id: str) -> None:
        self.stores[self.cur] += [(user_id, m["content"]) for m in messages]

    def add_one(self, message: dict[str, str], user_id: str) -> None:
        self.stores[self.cur].append((user_id, message["content"]))

    def search(self, query: str, user_id: str, top_k: int) -> int:
        return min(top_k, sum(u == user_id for u, _ in self.stores[self.cur]))

    def close(self) -> None: ...
    def disk_bytes(self, tag: str) -> int | None:
        return 100 * len(self.stores[tag])

    def bulk_import(self, jsonl: Path) -> None:
        for line in jsonl.read_text().splitlines():
            row = json.loads(line)
            self.stores[self.cur].append((row["user_id"], row["content"]))


def _plan(tmp_path: Path, **kw: Any) -> dict[str, Any]:
    args = B.parse_args(["--messages", "60", "--memories", "100", "--searches", "8",
                         "--single", "5", "--users", "3", "--skip-peer", "--long-histories", "0",
                         *kw.get("extra", [])])
    return B.build_plan(args, tmp_path)


def test_plan_is_json_and_splits_messages_and_queries(tmp_path: Path) -> None:
    plan = json.loads(json.dumps(_plan(tmp_path)))
    base = [m for ch in plan["base_chunks"] for m in ch["messages"]]
    scale = [m for ch in plan["scale_chunks"] for m in ch["messages"]]
    assert len(base) == 60 and len(scale) == 40
    assert len(plan["single"]) == 5 and plan["single"][0][0] == base[0]
    qs = plan["queries_base"] + plan["queries_scale"] + plan["warmup_queries"] + plan["cold_queries"]
    assert len(plan["queries_base"]) == len(plan["queries_scale"]) == 8
    assert len({q for q, _ in qs}) == len(qs)
    assert not {q for q, _ in qs} & {m["content"] for m in base + scale}


def test_run_plan_measures_every_phase_on_the_right_store(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    fake = FakeSystem()
    out = json.loads(json.dumps(P.run_plan(fake, plan)))
    assert fake.embedded == 2 + 60 + 60  # warm-up, batched pass, chunked pass
    assert out["ingest_list"]["messages"] == 60
    assert out["ingest_single"]["messages"] == 5
    assert out["ingest_bulk"]["messages"] == 60
    assert out["ingest_scale"]["messages"] == 40
    assert len(fake.stores["list"]) == 100 and len(fake.stores["single"]) == 5
    assert sorted(fake.stores["bulk"]) == sorted(fake.stores["list"][:60])
    assert [s["memories"] for s in out["search"]] == [60, 100]
    assert all(s["queries"] == 8 and s["hits_mean"] > 0 for s in out["search"])
    assert out["disk_bytes_base"] == 6000 and out["disk_bytes_scale"] == 10000
    for key in ("p50_ms", "p95_ms", "cpu_ms_per_query", "load1"):
        assert key in out["search"][0]
    assert out["peak_rss_mb"] > 0 and out["embedder"]["batched_per_s"] > 0


class TimedFakeSystem(FakeSystem):
    """The fake system on a clock that moves only when it works, by fixed costs: the
    figures ``run_plan`` reports are then exact, whatever the machine's load."""

    COST = {"load": 0.3, "embed": 0.002, "add": 0.010, "one": 0.020, "search": 0.005,
            "bulk": 0.001}

    def __init__(self) -> None:
        super().__init__()
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    def load_embedder(self) -> None:
        self.now += self.COST["load"]

    def embed_batch(self, texts: list[str]) -> None:
        super().embed_batch(texts)
        self.now += self.COST["embed"] * len(texts)

    def add_list(self, messages: list[dict[str, str]], user_id: str) -> None:
        super().add_list(messages, user_id)
        self.now += self.COST["add"] * len(messages)

    def add_one(self, message: dict[str, str], user_id: str) -> None:
        super().add_one(message, user_id)
        self.now += self.COST["one"]

    def search(self, query: str, user_id: str, top_k: int) -> int:
        self.now += self.COST["search"]
        return super().search(query, user_id, top_k)

    def bulk_import(self, jsonl: Path) -> None:
        super().bulk_import(jsonl)
        self.now += self.COST["bulk"] * len(jsonl.read_text().splitlines())


def test_run_plan_figures_follow_the_clock_exactly(tmp_path: Path) -> None:
    fake = TimedFakeSystem()
    out = P.run_plan(fake, _plan(tmp_path), clock=fake.clock)
    approx = pytest.approx
    assert out["embedder"]["load_s"] == approx(0.3)
    assert out["embedder"]["batched_per_s"] == approx(500.0)  # 1 / 2 ms
    assert out["embedder"]["chunked_per_s"] == approx(500.0)
    assert out["ingest_list"]["per_s"] == approx(100.0)  # 1 / 10 ms
    assert out["ingest_list"]["seconds"] == approx(0.6)
    assert out["ingest_scale"]["per_s"] == approx(100.0)
    assert out["ingest_single"]["per_s"] == approx(50.0)
    assert out["ingest_single"]["call"]["p50_ms"] == approx(20.0)
    assert out["ingest_bulk"]["per_s"] == approx(1000.0)
    for s in out["search"]:
        assert (s["p50_ms"], s["p95_ms"], s["max_ms"]) == (approx(5.0),) * 3
    sizes = [len(ch["messages"]) for ch in _plan(tmp_path)["base_chunks"]]
    assert out["ingest_list"]["call"]["max_ms"] == approx(10.0 * max(sizes))


def test_a_system_without_bulk_import_skips_it(tmp_path: Path) -> None:
    fake = FakeSystem()
    fake.has_bulk_import = False
    out = P.run_plan(fake, _plan(tmp_path))
    assert "ingest_bulk" not in out and "bulk" not in fake.stores


# -- report -------------------------------------------------------------------------------

def _system(list_rate: float, single: float, p50: list[float], cold: float) -> dict[str, Any]:
    return {
        "embedder": {"batched_per_s": 400.0, "chunked_per_s": 300.0, "load_s": 0.3},
        "ingest_list": {"messages": 100, "per_s": list_rate, "cpu_ms_per_msg": 1.0,
                        "call": {"p50_ms": 1.0}},
        "ingest_single": {"messages": 10, "per_s": single, "cpu_ms_per_msg": 2.0},
        "search": [{"memories": n, "p50_ms": v, "p95_ms": 2 * v, "cpu_ms_per_query": v}
                   for n, v in zip((100, 200), p50, strict=True)],
        "cold_start": {"total_s": cold, "wall_s": cold + 0.1, "rss_mb": 50.0},
        "peak_rss_mb": 300.0, "disk_bytes_base": 2 * R.MB, "disk_bytes_scale": 4 * R.MB,
    }


def test_ratios_and_targets() -> None:
    e = _system(340.0, 200.0, [2.0, 3.0], 1.5)
    m = _system(10.0, 10.0, [50.0, 90.0], 17.0)
    r = R.ratios(e, m)
    assert r["list_ingest_rate"] == 34.0 and r["single_ingest_rate"] == 20.0
    assert r["search_p50_at_200"] == 30.0 and r["search_p95_at_100"] == 25.0
    assert r["cold_start"] == pytest.approx(11.33)
    t = {row["name"]: row for row in R.targets(e, r)}
    assert t["list ingest vs mem0 (x)"]["met"] is True
    assert t["list ingest / own embedder batched"]["value"] == 0.85
    assert t["search p95 at 200 (ms)"] == {"name": "search p95 at 200 (ms)", "goal": "<= 25",
                                           "value": 6.0, "met": True}
    assert t["cold start (s)"]["met"] is True
    slow = R.targets(_system(100.0, 1.0, [2.0, 30.0], 3.0), r)
    assert {row["name"]: row["met"] for row in slow}["cold start (s)"] is False


def test_report_without_peer_and_table_text() -> None:
    e = _system(340.0, 200.0, [2.0, 3.0], 1.5)
    r = R.ratios(e, None)
    assert r["list_ingest_rate"] is None
    rows = R.targets(e, r)
    assert {row["name"]: row["met"] for row in rows}["one-per-call ingest vs mem0 (x)"] is None
    text = R.table(e, None, r)
    assert "search p50 at 200 (ms)" in text and "340.0" in text
    assert len({len(line) for line in text.splitlines()}) <= 2  # aligned columns
    assert "n/a" in R.targets_text(rows)


# -- the peer's venv recipe ---------------------------------------------------------------

def test_peer_venv_installs_cpu_torch_first_and_runs_offline() -> None:
    steps = _peer.install_steps()
    assert steps[0][1:3] == ["-m", "venv"]
    assert steps[1][-1] == "torch==2.13.0"
    assert "mem0ai==2.2.1" in steps[2]
    env = _peer.offline_env()
    assert env["MEM0_TELEMETRY"] == "false" and env["HF_HUB_OFFLINE"] == "1"


def test_args_refuse_contradictions() -> None:
    with pytest.raises(SystemExit):
        B.parse_args(["--store", "postgres"])
    with pytest.raises(SystemExit):
        B.parse_args(["--messages", "100", "--memories", "50"])
    assert B.parse_args(["--memories", "0"]).memories == 0


@pytest.mark.slow
def test_end_to_end_engram_only_writes_the_results_json(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    B.main(["--messages", "40", "--memories", "60", "--searches", "5", "--single", "3",
            "--users", "2", "--skip-peer", "--long-histories", "0", "--out", str(out)])
    data = json.loads(out.read_text())
    assert set(data) == {"meta", "engram", "mem0ai", "ratios", "targets"}
    e = data["engram"]
    assert data["mem0ai"] is None
    assert e["ingest_list"]["messages"] == 40 and e["ingest_bulk"]["messages"] == 40
    assert [s["memories"] for s in e["search"]] == [40, 60]
    assert all(s["hits_mean"] > 0 for s in e["search"])
    assert e["cold_start"]["hits"] > 0 and len(e["cold_start"]["runs"]) == B.COLD_RUNS
    assert e["disk_bytes_scale"] > e["disk_bytes_base"] > 0


# -- long turns ---------------------------------------------------------------------------

class DeferredFakeSystem(TimedFakeSystem):
    """Adds cost 1 ms and leave their vectors pending; flush writes them at 20 ms each;
    keyword search finds any stored text by its words, pending or not."""

    def __init__(self) -> None:
        super().__init__()
        self.queued = 0

    def add_one(self, message: dict[str, str], user_id: str) -> None:
        self.stores[self.cur].append((user_id, message["content"]))
        self.queued += 1
        self.now += 0.001

    def find(self, query: str, user_id: str, top_k: int, *, keyword: bool) -> list[str]:
        words = set(query.split())
        return [t for u, t in self.stores[self.cur]
                if u == user_id and keyword and words <= set(t.split())][:top_k]

    def pending(self) -> int | None:
        return self.queued

    def flush(self) -> None:
        self.now += 0.020 * self.queued
        self.queued = 0


def _question(qid: str, n: int) -> Any:
    import _lme_data as D

    turns = tuple(D.Turn("user", f"turn {i} of {qid} mentions Lighthouse{i} Harbour{qid}")
                  for i in range(n)) + (D.Turn("assistant", "  "),)
    return D.Question(qid, "multi-session", f"What about {qid}?", ("s",),
                      (D.Session("s", "2023/05/01 (Mon) 10:00", turns),))


def test_long_plan_spreads_histories_and_probes_their_turns() -> None:
    import _long_phase as L

    qs = [_question(f"q{i}", 10 + i) for i in range(6)]
    plan = json.loads(json.dumps(L.build_long(qs, 3, 4, 10, probes_per_history=2)))
    assert [h["question_id"] for h in plan["histories"]] == ["q0", "q2", "q4"]
    assert [len(h["turns"]) for h in plan["histories"]] == [10, 12, 14]  # blank turn dropped
    assert len(plan["probes"]) == 6
    for query, user, text in plan["probes"]:
        h = next(h for h in plan["histories"] if h["user_id"] == user)
        assert text in [t["content"] for t in h["turns"]] and set(query.split()) <= set(text.split())
    assert [u for _, u in plan["queries"]] == ["lme-q0", "lme-q2", "lme-q4", "lme-q0"]


def test_long_phase_separates_searchable_from_fully_indexed(tmp_path: Path) -> None:
    import _long_phase as L

    fake = DeferredFakeSystem()
    plan = {"short": False, "long": L.build_long([_question("a", 50), _question("b", 50)], 2, 6, 10)}
    out = P.run_plan(fake, plan, clock=fake.clock)["long"]
    approx = pytest.approx
    assert out["turns"] == 100 and out["pending_at_searchable"] == 100
    assert out["searchable_s"] == approx(0.1) and out["searchable_turns_per_s"] == approx(1000.0)
    assert out["indexed_s"] == approx(0.1 + 2.0) and out["indexed_turns_per_s"] == approx(47.62)
    assert out["probes_found_before_flush"] == "10/10"
    assert out["search"]["queries"] == 2 and out["search"]["p50_ms"] == approx(5.0)
    assert fake.queued == 0 and "list" not in fake.stores  # the short phases were skipped


def test_long_ratios_targets_and_table() -> None:
    def system(searchable: float, indexed: float) -> dict[str, Any]:
        return {"peak_rss_mb": 100.0, "long": {
            "turns": 500, "searchable_s": searchable, "indexed_s": indexed,
            "searchable_turns_per_s": 500 / searchable, "indexed_turns_per_s": 500 / indexed,
            "cpu_ms_per_turn_indexed": 10.0, "add_call": {"p50_ms": 1.0},
            "search": {"p50_ms": 5.0, "p95_ms": 9.0}}}

    e, m = system(1.0, 8.0), system(20.0, 20.0)
    r = R.ratios(e, m)
    assert r["long_searchable_time"] == 20.0 and r["long_indexed_rate"] == 2.5
    t = {x["name"]: x["met"] for x in R.targets(e, r)}
    assert t == {"long turns: searchable vs mem0 ingest time (x)": True,
                 "long turns: fully indexed rate vs mem0 (x)": True}
    text = R.table(e, m, r)
    assert "fully indexed (turns/s)" in text and "list ingest" not in text
