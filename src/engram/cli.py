"""The ``engram`` command: each command opens a Memory, makes one call, prints the result.

Errors are mapped to exit codes in one table (``EXIT_CODES``); ``--json`` on every
command prints the API's own return value.

    $ engram add "I moved to Berlin" --user alice
    $ engram search "where does alice live" --user alice --json
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from engram import _validate as V
from engram import errors as E

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Engram: long-term memory for LLM agents (offline by default).")
out = Console()
err = Console(stderr=True)

# One table: error class -> exit code (first match wins, most specific first).
EXIT_CODES: list[tuple[type[BaseException], int]] = [
    (E.InvalidInput, 2),
    (E.NotFound, 3),
    (E.ConfigError, 4),
    (E.LLMError, 5),
    (E.StoreError, 6),
    (E.EngramError, 1),
]

DbOpt = Annotated[str | None, typer.Option("--db", help="SQLite file (default ~/.engram/engram.db or ENGRAM_DB).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the API's JSON result.")]
UserOpt = Annotated[str | None, typer.Option("--user", "-u", help="user_id scope.")]
AgentOpt = Annotated[str | None, typer.Option("--agent", "-a", help="agent_id scope.")]
RunOpt = Annotated[str | None, typer.Option("--run", "-r", help="run_id scope.")]


@contextmanager
def _errors() -> Iterator[None]:
    """The CLI edge: an Engram error becomes one red line and its exit code."""
    try:
        yield
    except E.EngramError as e:
        code = next(c for cls, c in EXIT_CODES if isinstance(e, cls))
        err.print(f"[red]error:[/red] {e}", soft_wrap=True)  # one line, however long
        raise typer.Exit(code) from e


def _memory(db: str | None) -> Any:
    from engram.memory import Memory

    return Memory({"store": {"path": db}} if db else None)


def _emit(result: Any, as_json: bool, render: Callable[[Any], None]) -> None:
    if as_json:
        sys.stdout.write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    else:
        render(result)


def _table(rows: list[dict[str, Any]], cols: list[str], title: str | None = None) -> None:
    t = Table(title=title, show_lines=False)
    for c in cols:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*[("" if r.get(c) is None else str(r.get(c))) for c in cols])
    out.print(t)


def _changes_table(res: dict[str, Any]) -> None:
    """An add's or an undo's events, then the id that undoes it and any warnings."""
    _table(res["results"], ["event", "memory", "id"],
           title=f"add_id {res['add_id']} (engram undo {res['add_id']})" if res.get("add_id")
           else None)
    for w in res.get("warnings", []):
        out.print(f"warning: {w}", markup=False)


@app.command()
def add(
    text: Annotated[str, typer.Argument(help="The message to remember (as the user).")],
    user: UserOpt = None, agent: AgentOpt = None, run: RunOpt = None,
    role: Annotated[str, typer.Option(help="Message role.")] = "user",
    raw: Annotated[bool, typer.Option("--raw", help="Store as is (infer=False).")] = False,
    metadata: Annotated[str | None, typer.Option(help="JSON object of metadata.")] = None,
    db: DbOpt = None, as_json: JsonOpt = False,
) -> None:
    """Add a message; prints the events (ADD / UPDATE / DELETE / NONE)."""
    with _errors():
        meta = _json_arg(metadata, "metadata")
        res = _memory(db).add([{"role": role, "content": text}], user_id=user, agent_id=agent,
                              run_id=run, metadata=meta, infer=not raw)
        _emit(res, as_json, _changes_table)


@app.command()
def search(
    query: str, user: UserOpt = None, agent: AgentOpt = None, run: RunOpt = None,
    top_k: Annotated[int, typer.Option("--top-k", "-k")] = 10,
    filters: Annotated[str | None, typer.Option(help="JSON filter object.")] = None,
    mode: Annotated[str | None, typer.Option(help="hybrid, vector or keyword.")] = None,
    reference_date: Annotated[str | None, typer.Option(
        help="ISO date the query is asked on: 'last week' in it is read against it.")] = None,
    db: DbOpt = None, as_json: JsonOpt = False,
) -> None:
    """Search a scope's memories."""
    with _errors():
        res = _memory(db).search(query, user_id=user, agent_id=agent, run_id=run, top_k=top_k,
                                 filters=_json_arg(filters, "filters"), search_mode=mode,
                                 reference_date=reference_date)
        _emit(res, as_json, lambda r: _table(r["results"], ["score", "memory", "id"]))


@app.command("list")
def list_(
    user: UserOpt = None, agent: AgentOpt = None, run: RunOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n")] = 100,
    filters: Annotated[str | None, typer.Option(help="JSON filter object.")] = None,
    db: DbOpt = None, as_json: JsonOpt = False,
) -> None:
    """List a scope's memories, newest first."""
    with _errors():
        res = _memory(db).get_all(user_id=user, agent_id=agent, run_id=run, limit=limit,
                                  filters=_json_arg(filters, "filters"))
        _emit(res, as_json, lambda r: _table(r["results"], ["memory", "created_at", "id"]))


@app.command()
def history(memory_id: str, db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Every change to one memory, oldest first."""
    with _errors():
        res = _memory(db).history(memory_id)
        _emit(res, as_json, lambda r: _table(r, ["event", "old_memory", "new_memory", "created_at"]))


@app.command()
def undo(
    id_: Annotated[str, typer.Argument(metavar="ID", help="An add's add_id, or a history event id.")],
    db: DbOpt = None, as_json: JsonOpt = False,
) -> None:
    """Undo an add: restore the memories it changed (recorded as a new change)."""
    with _errors():
        _emit(_memory(db).undo(id_), as_json, _changes_table)


@app.command()
def reextract(
    user: UserOpt = None, agent: AgentOpt = None, run: RunOpt = None,
    since: Annotated[str | None, typer.Option(help="Only turns stored at or after this ISO time.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the events, change nothing.")] = False,
    db: DbOpt = None, as_json: JsonOpt = False,
) -> None:
    """Re-derive a scope's facts from its stored turns with the current extractor."""
    from rich.progress import Progress

    with _errors():
        mem = _memory(db)
        if as_json:
            res = mem.reextract(user_id=user, agent_id=agent, run_id=run, since=since,
                                dry_run=dry_run)
        else:
            with Progress(console=err, transient=True) as bar:
                task = bar.add_task("re-extracting turns", total=None)

                def step(done: int, total: int) -> None:
                    bar.update(task, completed=done, total=total)

                # Memory.reextract with a progress callback (the one private call here).
                where = V.scoped_filter(None, True, user, agent, run)
                res = mem._reextract(where, since, dry_run, progress=step)  # noqa: SLF001
        _emit(res, as_json, _changes_table)


@app.command()
def delete(
    memory_id: Annotated[str | None, typer.Argument(help="A memory id.")] = None,
    user: UserOpt = None, agent: AgentOpt = None, run: RunOpt = None,
    all_: Annotated[bool, typer.Option("--all", help="Delete every memory of the scope.")] = False,
    with_evidence: Annotated[bool, typer.Option(
        "--with-evidence", help="Also delete the fact's turns no other fact cites.")] = False,
    db: DbOpt = None, as_json: JsonOpt = False,
) -> None:
    """Delete one memory, or with --all every memory of a scope (turns included)."""
    with _errors():
        m = _memory(db)
        if all_:
            res = m.delete_all(user_id=user, agent_id=agent, run_id=run)
        elif memory_id:
            res = m.delete(memory_id, with_evidence=with_evidence)
        else:
            raise E.InvalidInput("memory_id", "give a memory id, or --all with a scope")
        _emit(res, as_json, lambda r: out.print(r["message"]))


@app.command("import")
def import_(
    path: Annotated[Path, typer.Argument(help="JSONL: one message per line, with scope ids.")],
    user: UserOpt = None, agent: AgentOpt = None, run: RunOpt = None,
    batch: Annotated[int, typer.Option(help="Messages per add call.")] = 256,
    db: DbOpt = None, as_json: JsonOpt = False,
) -> None:
    """Bulk raw import (infer=False). Each line: {"role", "content"[, "user_id", "agent_id",
    "run_id", "metadata", "name", "timestamp"]}; --user/--agent/--run fill missing ids.
    Shows lines committed and indexed with their rates; run it again after an
    interruption to finish it (lines already stored are skipped)."""
    from engram._import import import_jsonl

    with _errors():
        res = import_jsonl(_memory(db), path, defaults={"user_id": user, "agent_id": agent,
                                                         "run_id": run},
                           batch=batch, progress=not as_json)
        _emit(res, as_json, lambda r: out.print(
            f"imported {r['imported']} messages into {r['scopes']} scopes"
            + (f" ({r['already_imported']} already imported)" if r["already_imported"] else "")))


@app.command()
def demo(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """The main job on the defaults: remember a short conversation, search it, show history."""
    from engram._demo import run_demo

    with _errors():
        run_demo(db, as_json=as_json, console=out)


# -- the REST server and its API keys (engram.server) -------------------------------------

KeysOpt = Annotated[str | None, typer.Option(
    "--keys", help="API keys file (default $ENGRAM_HOME/keys.db or ENGRAM_KEYS_DB).")]


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    log_level: Annotated[str, typer.Option(help="debug, info, warning or error.")] = "info",
    db: DbOpt = None, keys: KeysOpt = None,
) -> None:
    """Run the REST server (Mem0 Platform API, OpenAPI at /docs); needs engram[server]."""
    from engram.server import serve as run

    with _errors():
        run(host=host, port=port, workers=workers, db=db, keys=keys, log_level=log_level)


keys_app = typer.Typer(no_args_is_help=True, help="API keys for the REST server (engram serve).")
app.add_typer(keys_app, name="keys")


def _key_store(keys: str | None) -> Any:
    from engram.server import KeyStore, ServerSettings

    return KeyStore(keys or ServerSettings.from_env().keys_path)


@keys_app.command("create")
def keys_create(
    org: Annotated[str, typer.Option(help="Organisation name.")],
    project: Annotated[str, typer.Option(help="Project name: its memories are the key's.")],
    keys: KeysOpt = None, as_json: JsonOpt = False,
) -> None:
    """Create a key for ORG/PROJECT; the secret is printed once and never stored."""
    with _errors():
        key_id, secret = _key_store(keys).create(org, project)
        res = {"id": key_id, "key": secret, "org": org, "project": project}
        _emit(res, as_json, lambda r: out.print(
            f"key id: {r['id']}\nkey:    {r['key']}\n(shown once: store it now)"))


@keys_app.command("list")
def keys_list(keys: KeysOpt = None, as_json: JsonOpt = False) -> None:
    """List keys (ids, tenants, dates; never the secrets)."""
    with _errors():
        rows = [vars(k) for k in _key_store(keys).list()]
        _emit(rows, as_json, lambda r: _table(
            r, ["id", "org", "project", "hint", "created_at", "revoked_at"]))


@keys_app.command("revoke")
def keys_revoke(key_id: str, keys: KeysOpt = None, as_json: JsonOpt = False) -> None:
    """Revoke a key at once."""
    with _errors():
        _key_store(keys).revoke(key_id)
        _emit({"id": key_id, "revoked": True}, as_json,
              lambda r: out.print(f"revoked {r['id']}"))



@app.command("migrate")
def migrate_store(
    source: Annotated[str, typer.Option("--from", help="The store to copy: sqlite:PATH.")],
    target: Annotated[str, typer.Option("--to", help="Target DSN: postgresql://...")],
    batch: Annotated[int, typer.Option(help="Rows per transaction.")] = 500,
    as_json: JsonOpt = False,
) -> None:
    """Copy a SQLite store (memories, vectors, history, graph) into PostgreSQL; every
    batch is compared with the source, and running it again resumes an interrupted copy."""
    from rich.progress import Progress

    from engram.store.migrate import migrate_store as run

    with _errors():
        if as_json:
            res = run(source, target, batch=batch)
        else:
            with Progress(console=err, transient=True) as bar:
                tasks: dict[str, Any] = {}

                def step(table: str, done: int, total: int) -> None:
                    if table not in tasks:
                        tasks[table] = bar.add_task(f"copying {table}", total=total)
                    bar.update(tasks[table], completed=done)

                res = run(source, target, batch=batch, progress=step)
        _emit(res, as_json, lambda r: out.print("\n".join(
            f"{k}: {v['source']} in source, {v['copied']} copied, {v['skipped']} already there"
            for k, v in r.items() if isinstance(v, dict))
            + f"\nembedding cache: {r['embedding_cache']} entries"))

# -- the MCP server (engram.mcp) -----------------------------------------------------------


@app.command("mcp")
def mcp_(
    http: Annotated[bool, typer.Option("--http", help="Serve streamable HTTP (at /mcp) instead of stdio.")] = False,
    bind: Annotated[str, typer.Option(help="With --http: interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="With --http: TCP port.")] = 8765,
    host: Annotated[str | None, typer.Option(
        "--host", help="A remote Engram server URL (or ENGRAM_HOST); key from ENGRAM_API_KEY.")] = None,
    user: UserOpt = None, agent: AgentOpt = None, run: RunOpt = None,
    allow_any_scope: Annotated[bool, typer.Option(
        "--allow-any-scope", help="Let tool calls name any scope (trusted single-user setups); "
                                  "--user/--agent/--run are then only defaults.")] = False,
    db: DbOpt = None,
) -> None:
    """Run the MCP server (tools add_memory, search_memories, ...) over stdio or --http;
    --user/--agent/--run (or ENGRAM_USER_ID...) pin the scope every call is confined to."""
    with _errors():
        try:
            from engram.mcp import Defaults, EngramTools, Target, build_server, open_backend
        except ImportError as e:
            raise E.ConfigError("the MCP server needs its extra: pip install 'engram[mcp]'") from e
        from engram.server import ServerSettings

        target = Target.choose(db, host)
        defaults = Defaults.from_env(user_id=user, agent_id=agent, run_id=run)
        EngramTools.check_scope(defaults, allow_any_scope)  # before opening anything
        tools = EngramTools(open_backend(target), defaults, ServerSettings.from_env().limits,
                            allow_any_scope=allow_any_scope)
        server = build_server(tools)
        err.print(f"engram mcp: {target.describe()}, {tools.guard.describe()}, "
                  + (f"streamable HTTP on http://{bind}:{port}/mcp" if http else "stdio"))
        if http:
            server.run("streamable-http", host=bind, port=port)
        else:
            server.run("stdio")


def _json_arg(value: str | None, field: str) -> Any:
    if value is None:
        return None
    try:
        return json.loads(value)
    except json.JSONDecodeError as e:
        raise E.InvalidInput(field, f"is not valid JSON: {e.msg}") from e


def main() -> None:
    app()


if __name__ == "__main__":
    main()
