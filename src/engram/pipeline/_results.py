"""Step results that are plain lists (so they meet the protocols) and carry warnings.

A step never calls ``warnings.warn``: what it skipped or refused is logged on the
``engram.pipeline`` logger and collected on its result, for the facade to report.

>>> d = Decisions(warnings=["memory 7 is not one of the 2 shown: dropped"])
>>> d.append(Decision("ADD", "Likes tea"))
>>> len(d), d.warnings
(1, ['memory 7 is not one of the 2 shown: dropped'])
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from engram.pipeline.base import Decision, Fact

__all__ = ["Facts", "Decisions", "log"]

log = logging.getLogger("engram.pipeline")


class Facts(list[Fact]):
    """Extracted facts plus ``warnings`` (e.g. "image skipped: ...")."""

    def __init__(self, items: Iterable[Fact] = (), warnings: list[str] | None = None) -> None:
        super().__init__(items)
        self.warnings: list[str] = list(warnings or [])

    def warn(self, message: str) -> None:
        log.warning(message)
        self.warnings.append(message)


class Decisions(list[Decision]):
    """Validated decisions plus ``warnings`` about what was dropped or refused."""

    def __init__(self, items: Iterable[Decision] = (),
                 warnings: list[str] | None = None) -> None:
        super().__init__(items)
        self.warnings: list[str] = list(warnings or [])

    def warn(self, message: str) -> None:
        log.warning(message)
        self.warnings.append(message)
