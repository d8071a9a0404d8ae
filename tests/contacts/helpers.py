"""Small helpers for the contact import tests: write a CSV and run an import of it."""

from __future__ import annotations

from pathlib import Path

from opennps.accounts.models import Workspace
from opennps.contacts.import_writing import run_import
from opennps.contacts.importing import ImportReport, build_spec, read_table


def write_csv(folder: Path, text: str, name: str = "contacts.csv") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def import_file(
    workspace: Workspace,
    path: Path,
    mapping: dict[str, str] | None = None,
    types: dict[str, str] | None = None,
    id_column: str = "",
) -> ImportReport:
    frame = read_table(path)
    return run_import(workspace, frame, build_spec(frame.columns, mapping, id_column, types))
