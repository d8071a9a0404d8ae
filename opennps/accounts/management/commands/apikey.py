from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opennps.accounts.actions.api_keys import InvalidScopeError, create_api_key
from opennps.accounts.actions.setup import WorkspaceLookupError, workspace_named


class Command(BaseCommand):
    help = "Create an API key for a workspace and print only the key (it is shown once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--workspace", required=True, help="the workspace's name")
        parser.add_argument(
            "--scopes", default="read", help="comma-separated: read, responses:write, admin"
        )
        parser.add_argument("--name", default="", help="a label to recognise the key later")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            workspace = workspace_named(options["workspace"])
            _, secret = create_api_key(
                workspace, options["scopes"].split(","), name=options["name"]
            )
        except (WorkspaceLookupError, InvalidScopeError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(secret)
