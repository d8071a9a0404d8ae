"""Serialising the check-then-write of one respondent's answer, on SQLite and PostgreSQL alike.

A double click sends two requests at once; both must find the same response instead of each
creating one. SQLite already runs every write transaction one at a time (IMMEDIATE mode, see
settings); PostgreSQL gets a transaction-scoped advisory lock on the respondent.
"""

from __future__ import annotations

import hashlib

from django.db import connection


def respondent_lock_statement(scope: str) -> tuple[str, list[int]]:
    """The statement (ending in "; ") and parameters that take the lock named `scope` until the
    transaction ends, to send ahead of the lookup it guards; empty on SQLite.

    Sent in one round trip with that lookup, they are still two statements (Django's default
    client-side binding sends them as one simple query), so the lookup's snapshot is taken once
    the lock is granted (READ COMMITTED takes one per statement) and sees what its holder wrote.
    """
    if connection.vendor != "postgresql":
        return "", []
    lock_id = int.from_bytes(hashlib.sha256(scope.encode()).digest()[:8], "big", signed=True)
    return "SELECT pg_advisory_xact_lock(%s); ", [lock_id]


def lock_respondent(scope: str) -> None:
    """Hold a lock named `scope` until the surrounding transaction ends. Call inside atomic()."""
    statement, parameters = respondent_lock_statement(scope)
    if statement:
        with connection.cursor() as cursor:
            cursor.execute(statement, parameters)
