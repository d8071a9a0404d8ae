"""Serialising the check-then-write of one respondent's answer, on SQLite and PostgreSQL alike.

A double click sends two requests at once; both must find the same response instead of each
creating one. SQLite already runs every write transaction one at a time (IMMEDIATE mode, see
settings); PostgreSQL gets a transaction-scoped advisory lock on the respondent.
"""

from __future__ import annotations

import hashlib

from django.db import connection


def lock_respondent(scope: str) -> None:
    """Hold a lock named `scope` until the surrounding transaction ends. Call inside atomic()."""
    if connection.vendor != "postgresql":
        return
    lock_id = int.from_bytes(hashlib.sha256(scope.encode()).digest()[:8], "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_id])
