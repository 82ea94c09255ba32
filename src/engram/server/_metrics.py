"""Prometheus metrics in the text exposition format, written here (no extra dependency).

Counters and histograms keyed by label values; :meth:`Metrics.render` prints them all.
Each server process keeps its own numbers (with ``--workers N`` scrape each, or add up).

>>> m = Metrics()
>>> m.requests.inc(("GET", "/v1/ping/", "200"))
>>> 'engram_http_requests_total{method="GET",route="/v1/ping/",status="200"} 1' in m.render()
True
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Sequence

__all__ = ["Counter", "Histogram", "Metrics"]

_INF = 'le="+Inf"'
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _labels(names: Sequence[str], values: Sequence[str], extra: str = "") -> str:
    parts = [f'{n}="{_escape(v)}"' for n, v in zip(names, values, strict=True)]
    if extra:
        parts.append(extra)
    return "{" + ",".join(parts) + "}" if parts else ""


class Counter:
    """A monotonically increasing count per label combination."""

    def __init__(self, name: str, help_text: str, labels: Sequence[str] = ()) -> None:
        self.name, self.help, self.labels = name, help_text, tuple(labels)
        self._values: dict[tuple[str, ...], float] = {}
        self._lock = threading.Lock()

    def inc(self, values: tuple[str, ...] = (), amount: float = 1.0) -> None:
        with self._lock:
            self._values[values] = self._values.get(values, 0.0) + amount

    def value(self, values: tuple[str, ...] = ()) -> float:
        return self._values.get(values, 0.0)

    def render(self) -> list[str]:
        out = [f"# HELP {self.name} {self.help}", f"# TYPE {self.name} counter"]
        with self._lock:
            items = sorted(self._values.items())
        out += [f"{self.name}{_labels(self.labels, k)} {_num(v)}" for k, v in items]
        return out


class Histogram:
    """Observations counted into cumulative ``le`` buckets, with their sum and count."""

    def __init__(self, name: str, help_text: str, labels: Sequence[str] = (),
                 buckets: Sequence[float] = LATENCY_BUCKETS) -> None:
        self.name, self.help, self.labels = name, help_text, tuple(labels)
        self.buckets = tuple(buckets)
        self._data: dict[tuple[str, ...], tuple[list[int], list[float]]] = {}
        self._lock = threading.Lock()

    def observe(self, values: tuple[str, ...], amount: float) -> None:
        i = bisect.bisect_left(self.buckets, amount)
        with self._lock:
            counts, total = self._data.setdefault(values, ([0] * (len(self.buckets) + 1), [0.0]))
            counts[i] += 1
            total[0] += amount

    def render(self) -> list[str]:
        out = [f"# HELP {self.name} {self.help}", f"# TYPE {self.name} histogram"]
        with self._lock:
            items = sorted((k, (list(c), t[0])) for k, (c, t) in self._data.items())
        for key, (counts, total) in items:
            running = 0
            for bound, n in zip(self.buckets, counts, strict=False):
                running += n
                le = f'le="{_num(bound)}"'
                out.append(f"{self.name}_bucket{_labels(self.labels, key, le)} {running}")
            running += counts[-1]
            out.append(f"{self.name}_bucket{_labels(self.labels, key, _INF)} {running}")
            out.append(f"{self.name}_sum{_labels(self.labels, key)} {_num(total)}")
            out.append(f"{self.name}_count{_labels(self.labels, key)} {running}")
        return out


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


class Metrics:
    """The server's metrics, one instance per app."""

    def __init__(self) -> None:
        self.requests = Counter("engram_http_requests_total", "HTTP requests by route and status.",
                                ("method", "route", "status"))
        self.latency = Histogram("engram_http_request_duration_seconds",
                                 "HTTP request latency by route.", ("method", "route"))
        self.adds = Counter("engram_add_requests_total", "add calls by infer mode.", ("infer",))
        self.events = Counter("engram_memory_events_total",
                              "Memory events written by add (ADD, UPDATE, DELETE, NONE).",
                              ("event",))
        self.errors = Counter("engram_errors_total", "Engram errors answered, by class.",
                              ("error",))
        self.llm_calls = Counter("engram_llm_calls_total", "LLM calls made by the pipeline.")
        self.llm_failures = Counter("engram_llm_failures_total",
                                    "LLM calls that failed after their retries.")
        self.rate_limited = Counter("engram_rate_limited_total", "Requests refused with 429.")

    def render(self) -> str:
        lines: list[str] = []
        for metric in (self.requests, self.latency, self.adds, self.events, self.errors,
                       self.llm_calls, self.llm_failures, self.rate_limited):
            lines += metric.render()
        return "\n".join(lines) + "\n"
