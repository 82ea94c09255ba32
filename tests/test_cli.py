"""The engram command: each command through typer's runner, and `engram demo` for real."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from engram import _components
from engram.cli import app


@pytest.fixture
def run(tmp_path: Path, shared_minilm: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(_components.Components, "raw_embedder",
                        property(lambda self: shared_minilm))
    db = str(tmp_path / "cli.db")
    runner = CliRunner()

    def invoke(*args: str) -> Any:
        res = runner.invoke(app, [*args, "--db", db])
        return res

    return invoke


def _json(res: Any) -> Any:
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_add_search_list_history_delete(run: Any) -> None:
    added = _json(run("add", "My favourite colour is green", "-u", "ann", "--raw", "--json",
                      "--metadata", '{"src": "cli"}'))
    mid = added["results"][0]["id"]
    hits = _json(run("search", "favourite colour", "-u", "ann", "--json"))
    assert hits["results"][0]["id"] == mid
    listed = _json(run("list", "-u", "ann", "--json", "--filters", '{"src": "cli"}'))
    assert [r["id"] for r in listed["results"]] == [mid]
    assert run("search", "colour", "-u", "ann").exit_code == 0  # the table rendering
    assert _json(run("delete", mid, "--json"))["id"] == mid
    hist = _json(run("history", mid, "--json"))
    assert [h["event"] for h in hist] == ["ADD", "DELETE"]


def test_search_reads_relative_phrases_on_the_reference_date(run: Any, tmp_path: Path) -> None:
    # The add command takes no timestamp: date the two memories through the API, same file.
    from engram import Memory

    m = Memory({"store": {"path": str(tmp_path / "cli.db")}})  # the file `run` passes
    m.add("Went hiking with Sam", user_id="ann", infer=False, timestamp="2023-03-14")
    m.add("Went hiking with Alex", user_id="ann", infer=False, timestamp="2023-02-01")
    m.close()
    args = ["search", "who did I hike with last week", "-u", "ann", "--json"]
    for day, who in (("2023-03-21", "Sam"), ("2023-02-08", "Alex")):
        hits = _json(run(*args, "--reference-date", day))["results"]
        assert who in hits[0]["memory"]
    res = run(*args, "--reference-date", "someday")
    assert res.exit_code == 2 and "reference_date" in res.output


def test_delete_all_needs_a_scope(run: Any) -> None:
    run("add", "x", "-u", "ann", "--raw")
    res = run("delete", "--all")
    assert res.exit_code == 2 and "user_id" in res.output
    assert _json(run("delete", "--all", "-u", "ann", "--json"))["deleted"] == 1


def test_errors_map_to_exit_codes(run: Any) -> None:
    assert run("history", "no-such-id").exit_code == 3
    res = run("search", "x", "-u", "ann", "--top-k", "0")
    assert res.exit_code == 2 and "top_k" in res.output
    res = run("list", "-u", "ann", "--filters", "{not json")
    assert res.exit_code == 2 and "filters" in res.output


def test_import_jsonl(run: Any, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    lines = [{"role": "user", "content": f"line {i}", "user_id": f"u{i % 2}"} for i in range(7)]
    lines.append({"role": "assistant", "content": "no user id on this one"})
    src.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    res = _json(run("import", str(src), "-u", "fallback", "--json", "--batch", "2"))
    assert res == {"imported": 8, "scopes": 3, "already_imported": 0}
    assert len(_json(run("list", "-u", "fallback", "--json"))["results"]) == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"role": "user", "content": "ok", "user_id": "u"}\n[1, 2]\n')
    res = run("import", str(bad))
    assert res.exit_code == 2 and "line 2" in res.output


def test_import_keeps_each_lines_timestamp(run: Any, tmp_path: Path) -> None:
    src = tmp_path / "dated.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in [
        {"role": "user", "content": "Ran a half marathon", "user_id": "u",
         "timestamp": "2023-04-16T08:00:00+02:00"},
        {"role": "user", "content": "Signed up for a full marathon", "user_id": "u",
         "timestamp": 1696118400},  # 2023-10-01 UTC
        {"role": "user", "content": "Bought new shoes", "user_id": "u"}]) + "\n")
    assert _json(run("import", str(src), "--json")) == {"imported": 3, "scopes": 1,
                                                         "already_imported": 0}
    when = {r["memory"]: r["happened_at"] for r in
            _json(run("list", "-u", "u", "--json"))["results"]}
    assert when["Ran a half marathon"] == "2023-04-16T06:00:00.000000+00:00"
    assert when["Signed up for a full marathon"] == "2023-10-01T00:00:00.000000+00:00"
    assert when["Bought new shoes"] > "2026"  # no timestamp: the write time
    bad = tmp_path / "bad_time.jsonl"
    bad.write_text('{"role": "user", "content": "ok", "user_id": "v"}\n'
                   '{"role": "user", "content": "x", "user_id": "v", "timestamp": "soon"}\n')
    res = run("import", str(bad))
    assert res.exit_code == 2 and "line 2.timestamp" in res.output


def test_demo_runs_offline_in_a_fresh_process(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ENGRAM_", "OPENAI_", "ANTHROPIC_"))}
    env["HOME"] = str(tmp_path)
    out = subprocess.run([sys.executable, "-m", "engram.cli", "demo", "--json"], env=env,
                         capture_output=True, text=True, timeout=120, check=True).stdout
    report = json.loads(out)
    assert report["extractor"].startswith("rules")
    assert report["store"].startswith(str(tmp_path))
    events = [e["event"] for e in report["correction"]["results"]]
    assert "UPDATE" in events
    assert report["memories"] and all(r["user_id"] == "demo-user" for r in report["memories"])
    # Only sensible facts: the introduction is a name, not "Is Maya" (#22).
    assert sorted(r["memory"] for r in report["memories"]) == [
        "Is allergic to peanuts", "Is vegetarian", "Lives in Berlin", "Loves hiking on weekends",
        "Moved to Berlin last month", "Name is Maya", "Works as a nurse"]
    assert report["history"][0]["event"] == "ADD" and len(report["history"]) >= 2
    assert all(report["searches"].values())
