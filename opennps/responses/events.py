"""What other apps hear about answers: alerts, comment analysis and webhooks listen here.

A listener is called inside the transaction that writes the response, so the work rows it queues
are stored with the answer or not at all (a crash between the two can lose nothing). Listeners
must therefore be quick: queue a row, never send or compute.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opennps.responses.models import Response


class ResponseEvent(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    DELETED = "deleted"


# listener(response, event, changed fields); registered from an AppConfig.ready().
Listener = Callable[["Response", ResponseEvent, frozenset[str]], None]
_listeners: list[Listener] = []


def listen(listener: Listener) -> Listener:
    """Register a listener (usable as a decorator); registering twice keeps one."""
    if listener not in _listeners:
        _listeners.append(listener)
    return listener


def announce(response: Response, event: ResponseEvent, changed: frozenset[str]) -> None:
    for listener in _listeners:
        listener(response, event, changed)
