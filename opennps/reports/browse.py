"""Which responses the browser and the exports show: the filters and the search, as one query.

The same rules as the dashboard's raw path: dates are whole days in the server's time zone,
`attr=language:X` is the response language, every attribute filter must match.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import Func, Q, QuerySet, TextField

from opennps.analytics.dashboard_queries import raw_responses
from opennps.analytics.queries import Filters
from opennps.responses.models import Response
from opennps.web.cursors import CursorCodec

CURSOR_SALT = "opennps.reports.browse.cursor"
PAGE_SIZE = 50
# Counting every match of a search over millions of rows is slow; past this the page says "10,000+".
COUNT_CAP = 10_000
SQLITE_CASEFOLD = "opennps_casefold"


class Folded(Func):
    """Text in a case-insensitive form on both databases.

    SQLite's LIKE and LOWER fold ASCII letters only, so "Привет" would not match "привет"; a
    Python function registered on the connection folds every script. PostgreSQL's LOWER folds
    by the database's locale (UTF-8 in our deployments).
    """

    function = "LOWER"
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):  # type: ignore[no-untyped-def]
        return super().as_sql(compiler, connection, function=SQLITE_CASEFOLD, **extra_context)


def _casefold(value: str | None) -> str | None:
    return None if value is None else value.casefold()


def _prepare_connection() -> None:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        connection.connection.create_function(SQLITE_CASEFOLD, 1, _casefold, deterministic=True)


def fold(text: str) -> str:
    return text.casefold() if connection.vendor == "sqlite" else text.lower()


def matching_responses(filters: Filters, search: str = "") -> QuerySet[Response]:
    """The responses the filters choose (as every figure counts them), narrowed by a search."""
    responses = raw_responses(filters)
    if search:
        _prepare_connection()
        words = fold(search)
        responses = responses.alias(
            folded_comment=Folded("comment"), folded_third=Folded("third_answer")
        ).filter(Q(folded_comment__contains=words) | Q(folded_third__contains=words))
    return responses


def capped_count(responses: QuerySet[Response]) -> tuple[int, bool]:
    """The number of matches, counted up to COUNT_CAP; True when there are more."""
    counted = responses.order_by()[: COUNT_CAP + 1].count()
    return min(counted, COUNT_CAP), counted > COUNT_CAP


_CURSORS = CursorCodec(CURSOR_SALT)
encode_cursor = _CURSORS.encode
decode_cursor = _CURSORS.decode


@dataclass(frozen=True)
class Page:
    responses: list[Response]
    older: str | None  # cursor for the next page towards older responses
    newer: str | None  # cursor for the page before, towards newer ones


def page_of(
    responses: QuerySet[Response],
    after: str | None = None,
    before: str | None = None,
    size: int = PAGE_SIZE,
) -> Page:
    """One page, newest first, by keyset on (created_at, id): stable while answers keep arriving.

    `after` walks towards older responses, `before` back towards newer ones.
    """
    if before:
        created_at, pk = decode_cursor(before)
        newer_rows = list(
            responses.filter(
                Q(created_at__gt=created_at) | Q(created_at=created_at, id__gt=pk)
            ).order_by("created_at", "id")[: size + 1]
        )
        more_newer = len(newer_rows) > size
        rows = list(reversed(newer_rows[:size]))
        return Page(
            rows,
            older=encode_cursor(rows[-1]) if rows else None,
            newer=encode_cursor(rows[0]) if rows and more_newer else None,
        )
    ordered = responses.order_by("-created_at", "-id")
    if after:
        created_at, pk = decode_cursor(after)
        ordered = ordered.filter(Q(created_at__lt=created_at) | Q(created_at=created_at, id__lt=pk))
    rows = list(ordered[: size + 1])
    more_older = len(rows) > size
    rows = rows[:size]
    return Page(
        rows,
        older=encode_cursor(rows[-1]) if more_older else None,
        newer=encode_cursor(rows[0]) if after and rows else None,
    )
