"""Every graph config field is documented (tests/test_docs.py covers the other sections)."""

from __future__ import annotations

from engram.config import GraphConfig
from tests.test_docs import ALL_TEXT


def test_every_graph_config_field_is_documented() -> None:
    assert "`graph`" in ALL_TEXT
    for name in GraphConfig.model_fields:
        assert f"`{name}`" in ALL_TEXT, f"config field GraphConfig.{name} is undocumented"
