"""The `opennps` console script.

Commands that work on files (`analyze`) run without Django so an analyst needs no database; every
other command is a Django management command (`serve`, `migrate`, `createadmin`, `worker`, …).
"""

from __future__ import annotations

import importlib
import os
import sys

import opennps

# name -> (module, click command attribute, one-line help)
FILE_COMMANDS: dict[str, tuple[str, str, str]] = {
    "analyze": ("opennps.analyze.command", "analyze", "NPS of a CSV/TSV/XLSX/Parquet/JSONL file"),
    "text": (
        "opennps.text.command",
        "text",
        "language, drivers and sentiment of comments in a file",
    ),
}

WEB_COMMANDS: dict[str, str] = {
    "serve": "run the web app (applies pending migrations first)",
    "worker": "run background work (e-mail and other queued jobs); --until-idle to exit",
    "migrate": "create or update the database tables",
    "createadmin": "create the organisation, a workspace and its owner",
    "apikey": "create an API key for a workspace and print it once",
    "rollups": "rollups rebuild: recompute the dashboard's counts from raw responses",
    "demo_data": "load the demo organisation with 20,000 realistic responses",
    "import": "import contacts FILE --workspace NAME: CSV/XLSX with a validation report",
    "campaign": "campaign send --survey ID --channel email: queue invitations to a segment",
    "reanalyse": "reanalyse [--workspace NAME] [--all] [--now]: analyse comments again",
}


def _usage() -> str:
    lines = [
        f"OpenNPS {opennps.__version__}",
        "",
        "usage: opennps COMMAND [options]   (opennps COMMAND --help for details)",
        "",
        "Working with files (no database needed):",
    ]
    lines += [f"  {name:<12} {help_text}" for name, (_, _, help_text) in FILE_COMMANDS.items()]
    lines += ["", "Running the service:"]
    lines += [f"  {name:<12} {help_text}" for name, help_text in WEB_COMMANDS.items()]
    lines += ["", "Every Django management command works too: opennps help --commands"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or arguments[0] in {"-h", "--help"}:
        print(_usage())
        return
    if arguments[0] == "--version":
        print(opennps.__version__)
        return
    if arguments[0] in FILE_COMMANDS:
        module_name, attribute, _ = FILE_COMMANDS[arguments[0]]
        command = getattr(importlib.import_module(module_name), attribute)
        command.main(args=arguments[1:], prog_name=f"opennps {arguments[0]}")
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opennps.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["opennps", *arguments])


if __name__ == "__main__":
    main()
