"""`Idempotency-Key`: a retried create returns the first result instead of storing a second row.

The key is remembered per workspace together with a fingerprint of the request. The same key
with the same request replays the stored response; the same key with a different request is an
error, because silently returning an unrelated response would hide a bug in the caller.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction

from opennps.responses.models import IdempotencyKey, Response


class IdempotencyKeyReusedError(Exception):
    """The key was first used with a different request."""


@dataclass(frozen=True)
class Outcome:
    response: Response
    replayed: bool


def fingerprint(request_data: Any) -> str:
    """The same JSON data gives the same fingerprint whatever its key order or spacing."""
    canonical = json.dumps(request_data, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def create_once(
    workspace_id: int, key: str | None, request_fingerprint: str, create: Callable[[], Response]
) -> Outcome:
    """Run `create` unless `key` was used before in this workspace; then replay its result."""
    if not key:
        return Outcome(create(), replayed=False)
    earlier = _earlier_use(workspace_id, key)
    if earlier is not None:
        return _replay(earlier, request_fingerprint)
    return create_or_replay(workspace_id, key, request_fingerprint, create)


def create_or_replay(
    workspace_id: int, key: str, request_fingerprint: str, create: Callable[[], Response]
) -> Outcome:
    """Create and remember the key in one transaction. When a concurrent request with the same
    key won the race, the unique constraint refuses our key, everything we wrote is rolled back,
    and the winner's response is replayed."""
    try:
        with transaction.atomic():
            response = create()
            IdempotencyKey.objects.create(
                workspace_id=workspace_id,
                key=key,
                fingerprint=request_fingerprint,
                response=response,
            )
            return Outcome(response, replayed=False)
    except IntegrityError:
        earlier = _earlier_use(workspace_id, key)
        if earlier is None:
            raise
        return _replay(earlier, request_fingerprint)


def _earlier_use(workspace_id: int, key: str) -> IdempotencyKey | None:
    return IdempotencyKey.objects.filter(workspace_id=workspace_id, key=key).first()


def _replay(earlier: IdempotencyKey, request_fingerprint: str) -> Outcome:
    if earlier.fingerprint != request_fingerprint:
        raise IdempotencyKeyReusedError
    return Outcome(earlier.response, replayed=True)
