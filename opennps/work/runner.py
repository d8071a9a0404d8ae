"""The worker loop: claim due rows from every queue, run them, record the outcome."""

from __future__ import annotations

import logging
import signal
import threading
import traceback
from dataclasses import dataclass, field

from django.db import close_old_connections, connection

from opennps.work.claiming import claim, complete, complete_many, fail
from opennps.work.registry import QUEUES, PermanentFailure, Queue

log = logging.getLogger("opennps.worker")


@dataclass
class Tally:
    done: int = 0
    failed: int = 0
    lost: int = 0  # outcomes not recorded because the lease had passed to another worker
    by_queue: dict[str, int] = field(default_factory=dict)


def run_one_pass(queues: list[Queue] | None = None, tally: Tally | None = None) -> int:
    """Claim and run one batch from each queue; the number of items run."""
    tally = tally or Tally()
    ran = 0
    for queue in queues or list(QUEUES.values()):
        succeeded = []
        items = claim(queue.model, limit=queue.batch)
        for item in items:
            ran += 1
            tally.by_queue[queue.name] = tally.by_queue.get(queue.name, 0) + 1
            try:
                queue.handler(item)
            except PermanentFailure as error:
                recorded = fail(item, str(error), retry=False)
                tally.failed += 1
                log.warning("%s #%s failed for good: %s", queue.name, item.pk, error)
            except Exception as error:  # a handler's failure is data, not a crash
                recorded = fail(item, f"{error!r}\n{traceback.format_exc(limit=5)}")
                tally.failed += 1
                log.warning(
                    "%s #%s failed (attempt %s): %r", queue.name, item.pk, item.attempts, error
                )
            else:
                tally.done += 1
                if queue.finish is not None:
                    succeeded.append(item)
                    continue
                recorded = complete(item)
            if not recorded:
                tally.lost += 1
        if queue.finish is not None and items:
            # A failure here leaves the rows running; they are retried when the lease runs out.
            queue.finish(succeeded)
            tally.lost += len(succeeded) - complete_many(succeeded)
    return ran


class Worker:
    """Runs passes until stopped; SIGTERM or SIGINT finish the current item, then stop."""

    def __init__(self, poll_seconds: float = 1.0) -> None:
        self.poll_seconds = poll_seconds
        self.stopping = threading.Event()
        self.tally = Tally()

    def stop(self, *_: object) -> None:
        self.stopping.set()

    def install_signal_handlers(self) -> None:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)

    def run(self, until_idle: bool = False) -> Tally:
        while not self.stopping.is_set():
            # Drops connections past their age or broken by a database restart; never inside a
            # transaction (only tests run the loop in one).
            if not connection.in_atomic_block:
                close_old_connections()
            ran = run_one_pass(tally=self.tally)
            if ran == 0:
                if until_idle:
                    break
                self.stopping.wait(self.poll_seconds)
        return self.tally
