"""`opennps demo_data`: load the Aurora demo organisation (once), or wipe and reload it."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email

from opennps.demo.company import DEMO_EMAIL, DEMO_ORGANISATION, DEMO_PASSWORD, MEMBERS
from opennps.demo.loader import DemoConflictError, LoadResult, load_demo

FEWEST_RESPONSES = 100  # below this the segments and the story have nothing to show


class Command(BaseCommand):
    help = (
        f"Load the demo organisation {DEMO_ORGANISATION!r}: two workspaces, three surveys and "
        "realistic responses over 18 months. Running it again changes nothing; --reset reloads it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--responses", type=int, default=20_000, help="responses in total")
        parser.add_argument("--seed", type=int, default=7, help="the same seed gives the same data")
        parser.add_argument("--email", default=DEMO_EMAIL, help="the owner's sign-in e-mail")
        parser.add_argument("--password", default=DEMO_PASSWORD, help="the owner's password")
        parser.add_argument(
            "--reset",
            action="store_true",
            help=f"delete the organisation {DEMO_ORGANISATION!r} (only that) and load it again",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["responses"] < FEWEST_RESPONSES:
            raise CommandError(f"--responses must be at least {FEWEST_RESPONSES}.")
        try:
            validate_email(options["email"])
        except ValidationError:
            raise CommandError(
                f"--email {options['email']!r} is not a valid e-mail address."
            ) from None
        if not options["password"]:
            raise CommandError("--password must not be empty.")
        try:
            result = load_demo(
                responses=options["responses"],
                seed=options["seed"],
                email=options["email"],
                password=options["password"],
                reset=options["reset"],
            )
        except DemoConflictError as error:
            raise CommandError(str(error)) from None
        if not result.loaded:
            total = sum(result.responses.values())
            self.stdout.write(
                f"Demo data already loaded: organisation {DEMO_ORGANISATION!r} with {total:,} "
                "responses. Nothing changed; use --reset to wipe it and load it again."
            )
            return
        self._report(result, options["email"].strip().lower(), options["password"])

    def _report(self, result: LoadResult, email: str, password: str) -> None:
        total = sum(result.responses.values())
        self.stdout.write(
            f"Loaded demo organisation {DEMO_ORGANISATION!r} in {result.seconds:.1f} s: "
            f"{total:,} responses, {result.contacts:,} contacts, "
            f"{result.invitations:,} invitations."
        )
        for name, count in result.responses.items():
            self.stdout.write(f"  {name}: {count:,} responses")
        if result.owner_existed:
            self.stdout.write(f"Owner: {email} (existing account; its password was not changed).")
        else:
            self.stdout.write(f"Owner: {email} / {password}")
        colleagues = ", ".join(sorted({f"{member.email} ({member.role})" for member in MEMBERS}))
        self.stdout.write(f"Colleagues (new accounts get the same password): {colleagues}")
