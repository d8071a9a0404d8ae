"""Opaque, signed positions in newest-first lists (the API's pages and the response browser's).

A cursor names the last row seen by its time (creation, or another column such as a case's
opening) and id; it is signed so a client cannot forge one that points into another workspace's
rows or makes the database scan from nowhere.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet


class InvalidCursorError(ValueError):
    pass


@dataclass(frozen=True)
class CursorCodec:
    salt: str  # one per list, so a cursor of one list is refused by another
    field: str = "created_at"  # the time the list is ordered by

    def encode(self, row: Any) -> str:
        """The position after `row` (anything with `field` and pk)."""
        from django.core import signing

        position = json.dumps([getattr(row, self.field).isoformat(), row.pk])
        signed = signing.Signer(salt=self.salt).sign(position)
        return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")

    def decode(self, cursor: str) -> tuple[datetime, int]:
        from django.core import signing

        try:
            padded = cursor + "=" * (-len(cursor) % 4)
            signed = base64.urlsafe_b64decode(padded.encode()).decode()
            created_at, pk = json.loads(signing.Signer(salt=self.salt).unsign(signed))
            return datetime.fromisoformat(created_at), int(pk)
        except (ValueError, TypeError, signing.BadSignature, UnicodeDecodeError) as error:
            raise InvalidCursorError(str(error)) from error

    def newest_first_page(
        self, rows: QuerySet[Any], cursor: str | None, limit: int
    ) -> tuple[list[Any], str | None]:
        """One page, newest first, and the cursor of the next page (None on the last page).

        Keyset pagination on (`field`, id): a page never repeats or skips a row that existed when
        the walk began, however many rows arrive meanwhile (new ones sort before the walk's
        position and so are not part of it). InvalidCursorError for a cursor it did not make.
        """
        rows = rows.order_by(f"-{self.field}", "-id")
        if cursor:
            at, pk = self.decode(cursor)
            rows = rows.filter(Q(**{f"{self.field}__lt": at}) | Q(**{self.field: at, "id__lt": pk}))
        found = list(rows[: limit + 1])
        if len(found) <= limit:
            return found, None
        page = found[:limit]
        return page, self.encode(page[-1])
