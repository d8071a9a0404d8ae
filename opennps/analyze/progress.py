"""A spinner with the current phase and the elapsed time, on stderr, for large files.

Polars reads and groups a file in one call that reports no progress, so an honest bar (percent
done) is not possible; a spinner that names the phase and counts the seconds is what we show.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from opennps.analyze.i18n import _

LARGE_FILE_BYTES = 50 * 1024 * 1024


def wants_progress(size_bytes: int) -> bool:
    """Show progress only for a large file and when stderr is a terminal (not a log or pipe)."""
    return size_bytes > LARGE_FILE_BYTES and sys.stderr.isatty()


@contextmanager
def phase_spinner(enabled: bool) -> Iterator[Callable[[str], None]]:
    """Yield a callback taking a phase name; a no-op unless ``enabled``."""
    if not enabled:
        yield lambda name: None
        return
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with progress:
        task = progress.add_task(_("starting"), total=None)

        def on_phase(name: str) -> None:
            progress.update(task, description=name)

        yield on_phase
