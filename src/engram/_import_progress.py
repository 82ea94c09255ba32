"""What ``engram import`` shows while it runs: lines read, memories committed (searchable
by keyword) and memories indexed (their vector written by the background writer), each
with its rate, since the two run at very different speeds.

On a terminal it is a rich display of two bars; anywhere else (a log file, a pipe, CI)
a plain line every ``every`` seconds and a last one when the import ends:

    import: 1200/5000 lines, 1180 committed (590.0/s), 640 indexed (320.0/s), 2.0 s

>>> import io
>>> clock = iter([0.0, 1.0, 2.0, 4.0]).__next__
>>> out = io.StringIO()
>>> p = ImportProgress(10, lambda: 0, out, every=0, clock=clock)
>>> p.committed(4, lines=5)
>>> p.finish(already=1)
>>> print(out.getvalue(), end="")
import: 5/10 lines, 4 committed (4.0/s), 4 indexed (4.0/s), 1.0 s
import: done, 10/10 lines, 4 committed (2.0/s), 4 indexed (1.0/s), 1 already imported, 4.0 s
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TextIO

__all__ = ["ImportProgress"]


class ImportProgress:
    """Counts and rates of one import. ``pending()`` is the namespace's count of vectors
    still to write; the memories of this import that are indexed are those committed
    less what was added to the queue and is still in it."""

    def __init__(self, total: int, pending: Callable[[], int], stream: TextIO, *,
                 every: float = 2.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self._pending = pending
        self._stream = stream
        self._every = every
        self._clock = clock
        self._start = clock()
        self._queued_before = pending()
        self._lines = 0
        self._committed = 0
        self._indexed = 0
        self._commit_time: float | None = None  # when the last add returned
        self._shown = self._start
        self._bar = _RichBars(total, stream) if stream.isatty() else None

    def committed(self, n: int, lines: int) -> None:
        """An add stored ``n`` memories; ``lines`` of the file are read so far."""
        self._committed += n
        self._lines = lines
        self._show()

    def indexing(self) -> None:
        """Every line is committed; called while the vectors are being written."""
        if self._commit_time is None:
            self._commit_time = self._clock()
        self._show()

    def finish(self, already: int = 0) -> None:
        """The last line (or the bars' end), ``already``: lines an earlier run stored."""
        self._lines = self.total
        if self._commit_time is None:
            self._commit_time = self._clock()
        self._count_indexed()
        now = self._clock()
        if self._bar is not None:
            self._bar.update(self._lines, self._committed, self._indexed, self._rates(now))
            self._bar.stop()
        tail = f", {already} already imported" if already else ""
        self._stream.write(f"import: done, {self._text(now, tail)}\n")
        self._stream.flush()

    # -- display -----------------------------------------------------------------------

    def _show(self) -> None:
        now = self._clock()
        if now - self._shown < self._every:
            return
        self._shown = now
        self._count_indexed()
        if self._bar is not None:
            self._bar.update(self._lines, self._committed, self._indexed, self._rates(now))
        else:
            self._stream.write(f"import: {self._text(now)}\n")
            self._stream.flush()

    def _count_indexed(self) -> None:
        queued = self._queued_before + self._committed - self._pending()
        self._indexed = max(0, min(self._committed, queued))

    def _rates(self, now: float) -> tuple[float, float]:
        commit_end = self._commit_time if self._commit_time is not None else now
        return (_rate(self._committed, commit_end - self._start),
                _rate(self._indexed, now - self._start))

    def _text(self, now: float, tail: str = "") -> str:
        committed, indexed = self._rates(now)
        return (f"{self._lines}/{self.total} lines, {self._committed} committed "
                f"({committed:.1f}/s), {self._indexed} indexed ({indexed:.1f}/s){tail}, "
                f"{now - self._start:.1f} s")


def _rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else 0.0


class _RichBars:
    """Two bars on a terminal: committed and indexed, each with its rate."""

    def __init__(self, total: int, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self._progress: Any = Progress(
            TextColumn("{task.description:>9}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"), console=Console(file=stream), transient=True)
        self._committed = self._progress.add_task("committed", total=total, rate="")
        self._indexed = self._progress.add_task("indexed", total=total, rate="")
        self._progress.start()

    def update(self, lines: int, committed: int, indexed: int,
               rates: tuple[float, float]) -> None:
        # The bars' total is the file's lines: a line with no text stores no memory, so
        # the committed bar counts lines read and shows the memories in its rate text.
        self._progress.update(self._committed, completed=lines,
                              rate=f"{committed} stored, {rates[0]:.1f}/s")
        self._progress.update(self._indexed, completed=min(indexed, lines),
                              rate=f"{indexed} indexed, {rates[1]:.1f}/s")

    def stop(self) -> None:
        self._progress.stop()
