"""Writing demo rows with the dates of their story rather than the moment of the load."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import models


@contextmanager
def explicit_timestamps(*model_classes: type[models.Model]) -> Iterator[None]:
    """Let rows keep the dates we give them: auto_now(_add) would stamp 18 months of history with
    today. Only for the demo's bulk load, which runs alone in its process."""
    fields = [
        field
        for model_class in model_classes
        for field in model_class._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    saved = [(field, field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add
