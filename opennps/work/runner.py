"""The worker loop: claim due rows from every queue, run them, record the outcome."""

from __future__ import annotations

import logging
import signal
import threading
import traceback
from dataclasses import dataclass, field
from typing import Any

from django.db import close_old_connections, connection

from opennps.work.claiming import claim, complete, complete_many, fail
from opennps.work.registry import QUEUES, PermanentFailure, Queue
from opennps.work.threads import HandlerPool, Outcome, outcome

log = logging.getLogger("opennps.worker")


@dataclass
class Tally:
    done: int = 0
    failed: int = 0
    lost: int = 0  # outcomes not recorded because the lease had passed to another worker
    by_queue: dict[str, int] = field(default_factory=dict)


def run_one_pass(
    queues: list[Queue] | None = None,
    tally: Tally | None = None,
    pools: dict[str, HandlerPool] | None = None,
) -> int:
    """Claim and run one batch from each queue; the number of items run.

    With `pools` (the worker's), a queue that asks for concurrency runs its handlers in threads;
    without, or inside a transaction (tests), they run one after another.
    """
    tally = tally or Tally()
    ran = 0
    for queue in queues or list(QUEUES.values()):
        items = claim(queue.model, limit=queue.batch)
        if not items:
            continue
        ran += len(items)
        tally.by_queue[queue.name] = tally.by_queue.get(queue.name, 0) + len(items)
        outcomes = _run_batch(queue, items, pools)
        succeeded = []
        for item, error in zip(items, outcomes, strict=True):
            if isinstance(error, PermanentFailure):
                recorded = fail(item, str(error), retry=False)
                tally.failed += 1
                log.warning("%s #%s failed for good: %s", queue.name, item.pk, error)
            elif error is not None:
                trace = "".join(traceback.format_exception(error, limit=5))
                recorded = fail(item, f"{error!r}\n{trace}")
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
        if queue.finish is not None:
            # A failure here leaves the rows running; they are retried when the lease runs out.
            queue.finish(succeeded)
            tally.lost += len(succeeded) - complete_many(succeeded)
    return ran


def _run_batch(
    queue: Queue, items: list[Any], pools: dict[str, HandlerPool] | None
) -> list[Outcome]:
    if queue.prepare is not None:
        failed = outcome(queue.prepare, items)
        if failed is not None:
            return [failed] * len(items)
    threads = queue.threads()
    if pools is None or threads == 1 or len(items) == 1 or connection.in_atomic_block:
        return [outcome(queue.handler, item) for item in items]
    pool = pools.get(queue.name)
    if pool is None or pool.size != threads:
        if pool is not None:
            pool.close()
        pool = pools[queue.name] = HandlerPool(threads, queue.name)
    return pool.run(queue.handler, items)


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
        pools: dict[str, HandlerPool] = {}
        try:
            while not self.stopping.is_set():
                # Drops connections past their age or broken by a database restart; never inside
                # a transaction (only tests run the loop in one).
                if not connection.in_atomic_block:
                    close_old_connections()
                ran = run_one_pass(tally=self.tally, pools=pools)
                if ran == 0:
                    if until_idle:
                        break
                    self.stopping.wait(self.poll_seconds)
        finally:
            for pool in pools.values():
                pool.close()
        return self.tally
