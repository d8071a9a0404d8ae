"""`opennps import contacts FILE --workspace NAME`: import a CSV or XLSX of contacts.

Prints the validation report (one line per bad row and field) and exits 0 when every good row was
imported, 2 when the file cannot be read at all. (A module named `import` is fine: Django loads
commands by name with importlib, never with an import statement.)
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opennps.accounts.actions.setup import WorkspaceLookupError, workspace_named
from opennps.contacts.import_writing import run_import
from opennps.contacts.importing import ImportFileError, build_spec, read_table


def _pairs(values: list[str], option: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for value in values:
        column, sep, target = value.rpartition("=")
        if not sep or not column:
            raise CommandError(f"{option} takes COLUMN=VALUE, not {value!r}.", returncode=2)
        pairs[column] = target
    return pairs


class Command(BaseCommand):
    help = "Import contacts from a CSV or XLSX file: opennps import contacts FILE --workspace NAME"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("what", choices=["contacts"], help="what to import")
        parser.add_argument("file", help="a .csv or .xlsx file; the first row holds column names")
        parser.add_argument("--workspace", required=True, help="the workspace's name")
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="COLUMN=FIELD",
            help="map a file column to a field (external_id, email, phone, name, language, "
            "time_zone, account, account_id), an attribute name, account.NAME, or - to skip",
        )
        parser.add_argument("--id-column", default="", help="the column holding the external id")
        parser.add_argument(
            "--attribute-type",
            action="append",
            default=[],
            metavar="COLUMN=TYPE",
            help="text (default), number or date",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            workspace = workspace_named(options["workspace"])
        except WorkspaceLookupError as error:
            raise CommandError(str(error), returncode=2) from None
        try:
            frame = read_table(options["file"])
            spec = build_spec(
                frame.columns,
                _pairs(options["map"], "--map"),
                options["id_column"],
                _pairs(options["attribute_type"], "--attribute-type"),
            )
        except ImportFileError as error:
            raise CommandError(str(error), returncode=2) from None
        if sys.stderr.isatty():
            report = self._with_progress(workspace, frame, spec)
        else:
            report = run_import(workspace, frame, spec)
        self.stdout.write(report.text())

    def _with_progress(self, workspace: Any, frame: Any, spec: Any) -> Any:
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("Importing contacts", total=frame.height)
            return run_import(
                workspace,
                frame,
                spec,
                lambda done, total: bar.update(task, completed=done, total=total),
            )
