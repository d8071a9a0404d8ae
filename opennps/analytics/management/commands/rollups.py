from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opennps.accounts.actions.setup import WorkspaceLookupError, workspace_named
from opennps.analytics.rollups import rebuild


class Command(BaseCommand):
    help = "Rollups of score counts: `opennps rollups rebuild [--workspace NAME]`."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["rebuild"])
        parser.add_argument("--workspace", help="only this workspace (by name)")

    def handle(self, *args: Any, **options: Any) -> None:
        workspace_ids = None
        if options["workspace"]:
            try:
                workspace_ids = [workspace_named(options["workspace"]).pk]
            except WorkspaceLookupError as error:
                raise CommandError(str(error)) from None
        started = time.monotonic()
        cells = rebuild(workspace_ids)
        scope = f"workspace {options['workspace']!r}" if options["workspace"] else "all workspaces"
        self.stdout.write(
            f"Rebuilt the rollups of {scope}: {cells} cells in {time.monotonic() - started:.1f} s."
        )
