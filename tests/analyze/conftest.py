"""Fixtures for the analyze tests: the bundled sample and the real botanic-garden export."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import BOTANIC, SAMPLE


@pytest.fixture
def sample() -> Path:
    if not SAMPLE.exists():
        pytest.skip("the bundled sample is missing; run scripts/make_sample.py")
    return SAMPLE


@pytest.fixture
def botanic() -> Path:
    if not BOTANIC.exists():
        pytest.skip(f"{BOTANIC} is not available here")
    return BOTANIC
