"""mem0ai is imported here for its signatures and config classes only: no telemetry, and
its home directory (created at import) under the test's tmp dir."""

from __future__ import annotations

import os
import tempfile

os.environ["MEM0_TELEMETRY"] = "false"
os.environ.setdefault("MEM0_DIR", tempfile.mkdtemp(prefix="mem0home-"))
