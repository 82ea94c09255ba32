"""How pipeline steps report what they skipped: ``(items, warnings)``, never a side list.

A step never calls ``warnings.warn``: what it skipped or refused is logged on the
``engram.pipeline`` logger and returned beside its items, for the add flow to report.

>>> found: list[str] = []
>>> warn(found, "memory 7 is not one of the 2 shown: dropped")
>>> found
['memory 7 is not one of the 2 shown: dropped']
"""

from __future__ import annotations

import logging

__all__ = ["warn", "log"]

log = logging.getLogger("engram.pipeline")


def warn(warnings: list[str], message: str) -> None:
    """Log ``message`` and append it to the step's own ``warnings``."""
    log.warning(message)
    warnings.append(message)
