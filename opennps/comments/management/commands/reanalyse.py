"""`opennps reanalyse` (also `opennps text reanalyse`): analyse comments again after a taxonomy
edit. Queues work for the worker by default; `--now` analyses in this process with a progress bar.
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opennps.accounts.models import Workspace
from opennps.comments.reanalysis import reanalyse, responses_to_reanalyse


class Command(BaseCommand):
    help = "Analyse comments again (after a taxonomy edit): stale ones, or --all."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--workspace", metavar="NAME", help="Only this workspace (by name).")
        parser.add_argument(
            "--all",
            action="store_true",
            dest="everything",
            help="Every comment, also up-to-date and corrected ones.",
        )
        parser.add_argument(
            "--now", action="store_true", help="Analyse here instead of queueing for the worker."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        workspaces = Workspace.objects.order_by("pk")
        if options["workspace"]:
            workspaces = workspaces.filter(name=options["workspace"])
            if not workspaces.exists():
                raise CommandError(
                    f"--workspace: there is no workspace named {options['workspace']!r}."
                )
        for workspace in workspaces:
            count = self._one(workspace, options["everything"], options["now"])
            verb = "analysed" if options["now"] else "queued"
            self.stdout.write(f"{workspace.name}: {count} comment(s) {verb}.")

    def _one(self, workspace: Workspace, everything: bool, now: bool) -> int:
        if not now:
            return reanalyse(workspace.pk, everything=everything)
        total = responses_to_reanalyse(workspace.pk, everything).count()
        if total == 0 or not sys.stderr.isatty():
            return reanalyse(workspace.pk, everything=everything, now=True)
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        with Progress(
            workspace.name,
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        ) as progress:
            task = progress.add_task("reanalyse", total=total)
            return reanalyse(
                workspace.pk,
                everything=everything,
                now=True,
                on_progress=lambda done: progress.update(task, completed=done),
            )
