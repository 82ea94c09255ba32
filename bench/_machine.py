"""What a timing was measured on: the CPU's model and whether it has int8 dot products.

MiniLM's int8 kernels (the default embedder) run about 3x faster on a CPU with VNNI
instructions than on one without, and a search is mostly its question's model pass, so
latency and ingest figures mean little without the CPU they came from.

>>> info = cpu("model name\\t: AMD EPYC\\nflags\\t\\t: fpu avx2 avx512_vnni\\n", cores=2)
>>> info["model"], info["int8_dot"], info["cores"]
('AMD EPYC', True, 2)
>>> cpu("flags : fpu avx2\\n", cores=4)["int8_dot"]
False
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

_VNNI = {"avx512_vnni", "avx_vnni", "asimddp"}  # x86 AVX-512 / AVX and Arm dot products


def cpu(cpuinfo: str | None = None, cores: int | None = None) -> dict[str, Any]:
    """``{"model", "cores", "int8_dot"}`` from ``/proc/cpuinfo`` (or the text given)."""
    if cpuinfo is None:
        try:
            cpuinfo = Path("/proc/cpuinfo").read_text()
        except OSError:
            cpuinfo = ""
    fields: dict[str, str] = {}
    for line in cpuinfo.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() not in fields:
            fields[key.strip()] = value.strip()
    flags = set((fields.get("flags") or fields.get("Features") or "").split())
    return {"model": fields.get("model name") or fields.get("Model name") or "unknown",
            "cores": cores if cores is not None else os.cpu_count(),
            "int8_dot": bool(flags & _VNNI)}
