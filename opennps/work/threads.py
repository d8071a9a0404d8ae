"""Running one queue's handler on several items at once, in threads that outlive a batch.

Sending e-mail is mostly waiting: four SMTP round trips and a database write per message. One
conversation at a time leaves a worker idle for most of each message, and a remote relay makes it
worse; a few threads, each with its own SMTP connection and its own database connection, keep it
busy. The threads are kept from batch to batch because opening a database connection costs more
than a message; `close()` ends them and closes their connections.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from django.db import close_old_connections, connections

Outcome = Exception | None
# How often a thread looks whether its database connection is broken or too old, at the least.
CHECK_SECONDS = 5.0


def outcome(handler: Callable[[Any], None], item: Any) -> Outcome:
    """None when the handler returned, else the exception it raised (with its traceback)."""
    try:
        handler(item)
    except Exception as error:  # a handler's failure is data, not a crash
        return error
    return None


class HandlerPool:
    def __init__(self, size: int, name: str) -> None:
        self.size = size
        self.tasks: queue.SimpleQueue[tuple[Any, ...] | None] = queue.SimpleQueue()
        self.threads = [
            threading.Thread(target=self._serve, name=f"opennps-{name}-{n}", daemon=True)
            for n in range(size)
        ]
        for thread in self.threads:
            thread.start()

    def _serve(self) -> None:
        checked_at = time.monotonic()
        try:
            while (task := self.tasks.get()) is not None:
                handler, item, slot, results, finished = task
                failed = results[slot] = outcome(handler, item)
                finished.release()
                if failed is not None or time.monotonic() - checked_at > CHECK_SECONDS:
                    # This thread's own connection: replaced when broken (a database restart) or
                    # old. Not before every item: with health checks on, the next query after a
                    # check first sends a "SELECT 1", a round trip per message.
                    close_old_connections()
                    checked_at = time.monotonic()
        finally:
            connections.close_all()

    def run(self, handler: Callable[[Any], None], items: Sequence[Any]) -> list[Outcome]:
        """Each item's outcome, in the items' order, once every item has run."""
        results: list[Outcome] = [None] * len(items)
        finished = threading.Semaphore(0)
        for slot, item in enumerate(items):
            self.tasks.put((handler, item, slot, results, finished))
        for _ in items:
            finished.acquire()
        return results

    def close(self) -> None:
        for _ in self.threads:
            self.tasks.put(None)
        for thread in self.threads:
            thread.join()
