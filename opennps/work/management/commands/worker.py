from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from opennps.work.registry import QUEUES
from opennps.work.runner import Worker


class Command(BaseCommand):
    help = (
        "Run background work (sending, webhooks, alerts, analyses, reports). Run several anywhere."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--until-idle", action="store_true", help="exit when no work is due instead of waiting"
        )
        parser.add_argument("--poll", type=float, default=1.0, help="seconds between idle polls")

    def handle(self, *args: Any, **options: Any) -> None:
        worker = Worker(poll_seconds=options["poll"])
        worker.install_signal_handlers()
        if not options["until_idle"]:
            self.stdout.write(f"Worker started; queues: {', '.join(sorted(QUEUES))}. Ctrl+C stops.")
        tally = worker.run(until_idle=options["until_idle"])
        self.stdout.write(f"Worker stopped: {tally.done} done, {tally.failed} failed.")
