from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email

from opennps.accounts.actions.setup import create_admin


class Command(BaseCommand):
    help = "Create the organisation, the workspace and its owner. Running it again changes nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument("--password", required=True)
        parser.add_argument("--workspace", required=True, help="the workspace's name")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            validate_email(options["email"])
        except ValidationError:
            raise CommandError(f"{options['email']!r} is not a valid e-mail address.") from None
        if not options["workspace"].strip():
            raise CommandError("--workspace needs a name.")
        setup = create_admin(options["email"], options["password"], options["workspace"].strip())
        if setup.created:
            self.stdout.write(
                f"{setup.user.email} is the owner of workspace {setup.workspace.name!r}."
            )
        else:
            self.stdout.write(
                f"Nothing to do: {setup.user.email} already owns workspace {setup.workspace.name!r}."
            )
