"""Small helpers for reading the survey pages in tests."""

from __future__ import annotations

from typing import Any


def html_of(page: Any) -> str:
    return page.content.decode()
