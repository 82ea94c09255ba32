"""AsyncMemory runs the same scenario as Memory and gets the same answers."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from engram import AsyncMemory, Memory


def _scenario_sync(m: Memory) -> list[Any]:
    out: list[Any] = []
    r = m.add(["I play chess on Sundays", "I dislike olives"], user_id="p", infer=False)
    mid = r["results"][0]["id"]
    out.append([e["memory"] for e in r["results"]])
    out.append([h["memory"] for h in m.search("board games", user_id="p")["results"]])
    m.update(mid, "I play go on Sundays")
    out.append(m.get(mid)["memory"])
    out.append([h["event"] for h in m.history(mid)])
    out.append(len(m.get_all(user_id="p")["results"]))
    out.append(m.delete_all(user_id="p")["deleted"])
    return out


async def _scenario_async(m: AsyncMemory) -> list[Any]:
    out: list[Any] = []
    r = await m.add(["I play chess on Sundays", "I dislike olives"], user_id="p", infer=False)
    mid = r["results"][0]["id"]
    out.append([e["memory"] for e in r["results"]])
    out.append([h["memory"] for h in (await m.search("board games", user_id="p"))["results"]])
    await m.update(mid, "I play go on Sundays")
    out.append((await m.get(mid))["memory"])
    out.append([h["event"] for h in await m.history(mid)])
    out.append(len((await m.get_all(user_id="p"))["results"]))
    out.append((await m.delete_all(user_id="p"))["deleted"])
    return out


def test_async_matches_sync(store_config: dict[str, Any], shared_minilm: Any) -> None:
    # One store per backend (SQLite file or PostgreSQL DSN); each side its own namespace.
    cfg = {"store": store_config}
    sync = _scenario_sync(Memory(cfg, embedder=shared_minilm, namespace="sync"))
    amem = AsyncMemory(cfg, embedder=shared_minilm, namespace="async")
    assert asyncio.run(_scenario_async(amem)) == sync
    assert sync[0] == ["I play chess on Sundays", "I dislike olives"]


def test_async_has_every_public_method() -> None:
    public = {n for n in dir(Memory) if not n.startswith("_") and callable(getattr(Memory, n))}
    public -= {"from_config"}
    assert public <= {n for n in dir(AsyncMemory) if not n.startswith("_")}


def test_async_calls_run_concurrently(tmp_path: Path, shared_minilm: Any) -> None:
    m = AsyncMemory({"store": {"path": str(tmp_path / "c.db")}}, embedder=shared_minilm)

    async def many() -> int:
        await asyncio.gather(*(m.add(f"note {i}", user_id="c", infer=False) for i in range(20)))
        return len((await m.get_all(user_id="c"))["results"])

    assert asyncio.run(many()) == 20
