from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def rules_only(settings) -> None:
    """Keyword rules unless a test turns the encoder on (it encodes ~40 sentences a second)."""
    settings.OPENNPS_TEXT_ENCODER = "none"
