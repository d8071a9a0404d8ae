"""Opaque, signed positions in newest-first lists (the API's pages and the response browser's).

A cursor names the last row seen by its creation time and id; it is signed so a client cannot
forge one that points into another workspace's rows or makes the database scan from nowhere.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any


class InvalidCursorError(ValueError):
    pass


@dataclass(frozen=True)
class CursorCodec:
    salt: str  # one per list, so a cursor of one list is refused by another

    def encode(self, row: Any) -> str:
        """The position after `row` (anything with created_at and pk)."""
        from django.core import signing

        position = json.dumps([row.created_at.isoformat(), row.pk])
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
