"""The one exception type the analysis raises for problems the user can fix."""

from __future__ import annotations


class AnalyzeError(Exception):
    """A problem with the input or the options; ``str(error)`` is one sentence for the user.

    The command prints that sentence on stderr and exits with status 2; it never shows a traceback
    for an ``AnalyzeError``.
    """

    exit_code = 2

    def __init__(self, sentence: str) -> None:
        super().__init__(sentence)
        self.sentence = sentence


class InvalidValuesError(AnalyzeError):
    """Scores (or dates) that are neither valid nor blank, found while ``skip_invalid`` is off."""

    def __init__(self, sentence: str, *, count: int, first_rows: list[int]) -> None:
        super().__init__(sentence)
        self.count = count
        self.first_rows = first_rows
