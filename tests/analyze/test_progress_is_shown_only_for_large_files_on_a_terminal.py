from __future__ import annotations

import sys

from opennps.analyze.progress import LARGE_FILE_BYTES, phase_spinner, wants_progress


def test_no_progress_for_a_small_file(monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert not wants_progress(1024)


def test_no_progress_when_stderr_is_not_a_terminal(monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert not wants_progress(LARGE_FILE_BYTES + 1)


def test_progress_for_a_large_file_on_a_terminal(monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert wants_progress(LARGE_FILE_BYTES + 1)


def test_the_spinner_accepts_phase_names():
    with phase_spinner(True) as on_phase:
        on_phase("reading and counting")
        on_phase("computing intervals")
    with phase_spinner(False) as on_phase:
        on_phase("nothing shown")
