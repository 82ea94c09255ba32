"""Token buckets: a pure refill rule plus a small thread-safe table of buckets, one per
API key (requests) or per client address (failed authentications).

>>> b = Bucket(tokens=1.0, stamp=0.0)
>>> take(b, now=0.0, rate=1.0, burst=1)
0.0
>>> take(b, now=0.25, rate=1.0, burst=1)   # empty: wait 0.75 s
0.75
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Bucket", "RateLimiter", "take"]

MAX_BUCKETS = 100_000


@dataclass
class Bucket:
    tokens: float
    stamp: float


def take(bucket: Bucket, *, now: float, rate: float, burst: int, dry: bool = False) -> float:
    """Refill ``bucket`` to ``now`` and take one token (``dry``: only look). Returns 0.0
    when a token was there, else the seconds until one will be (nothing is taken then)."""
    bucket.tokens = min(float(burst), bucket.tokens + (now - bucket.stamp) * rate)
    bucket.stamp = now
    if bucket.tokens >= 1.0:
        bucket.tokens -= 0.0 if dry else 1.0
        return 0.0
    return (1.0 - bucket.tokens) / rate


class RateLimiter:
    """``check(key)`` -> seconds to wait (0.0: go ahead). ``rate`` 0 disables limiting."""

    def __init__(self, rate: float, burst: int,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._buckets: dict[str, Bucket] = {}
        self._lock = threading.Lock()

    def check(self, key: str, *, dry: bool = False) -> float:
        """Take a token for ``key`` (``dry``: only ask whether one is there)."""
        if self.rate <= 0:
            return 0.0
        now = self._clock()
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                if dry:
                    return 0.0  # an unknown key has a full bucket
                if len(self._buckets) >= MAX_BUCKETS:
                    self._prune(now)
                bucket = self._buckets[key] = Bucket(tokens=float(self.burst), stamp=now)
            return take(bucket, now=now, rate=self.rate, burst=self.burst, dry=dry)

    def _prune(self, now: float) -> None:
        # Buckets that have refilled are the same as no bucket: drop them, so callers with
        # many keys (addresses) cannot grow the table without bound.
        full = [k for k, b in self._buckets.items()
                if b.tokens + (now - b.stamp) * self.rate >= self.burst]
        for k in full:
            del self._buckets[k]
