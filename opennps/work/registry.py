"""Which kinds of work exist and who does them.

An app registers its work in its AppConfig.ready():
    register_queue("invitations", Invitation, send_invitation)   # a table of its own
    register_job("email", send_email_job)                        # a row of Job with kind="email"
A handler returns normally on success and raises on failure (a PermanentFailure is not retried).

A queue may pass `finish(succeeded_items)`: the runner then calls it once after the batch and marks
the batch's successful rows done in one UPDATE instead of one per row. Only for handlers that may
safely run again for a row they already did (a kill before the batch ends leaves its rows to be
retried once their lease runs out).

A queue may pass `prepare(items)`, called once before the batch's handlers (to load what they all
need), and `concurrency` > 1 (or a callable returning it), to run that many handlers at once in
threads: for work that mostly waits on another server (SMTP), where one conversation at a time
leaves the worker idle. Such handlers must be thread-safe; each thread has its own database
connection, so they run one at a time inside a transaction (tests), where threads could not see
its rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from opennps.work.models import Job, WorkItem


class PermanentFailure(Exception):
    """Retrying cannot help (bad address, deleted object): fail now, keep the reason."""


@dataclass(frozen=True)
class Queue:
    name: str
    model: type[WorkItem]
    handler: Callable[[Any], None]
    batch: int = 10
    finish: Callable[[list[Any]], None] | None = None
    prepare: Callable[[list[Any]], None] | None = None
    concurrency: int | Callable[[], int] = 1

    def threads(self) -> int:
        wanted = self.concurrency() if callable(self.concurrency) else self.concurrency
        return max(1, wanted)


QUEUES: dict[str, Queue] = {}
JOB_HANDLERS: dict[str, Callable[[Job], None]] = {}


def register_queue(
    name: str,
    model: type[WorkItem],
    handler: Callable[[Any], None],
    batch: int = 10,
    finish: Callable[[list[Any]], None] | None = None,
    prepare: Callable[[list[Any]], None] | None = None,
    concurrency: int | Callable[[], int] = 1,
) -> None:
    QUEUES[name] = Queue(name, model, handler, batch, finish, prepare, concurrency)


def register_job(kind: str, handler: Callable[[Job], None]) -> None:
    JOB_HANDLERS[kind] = handler


def run_job(job: Job) -> None:
    handler = JOB_HANDLERS.get(job.kind)
    if handler is None:
        raise PermanentFailure(f"no handler is registered for jobs of kind {job.kind!r}")
    handler(job)


def enqueue(kind: str, payload: dict[str, Any], **fields: Any) -> Job:
    """Queue a job; it runs on the next worker pass (or at `next_attempt_at`)."""
    return Job.objects.create(kind=kind, payload=payload, **fields)


register_queue("jobs", Job, run_job)
