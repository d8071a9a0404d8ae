"""What other apps hear about comment analyses: alert rules on drivers and themes listen here,
and so does the matching of watched themes (opennps.comments.watching).

An analysis is stored by the worker some time after the answer (or at once by a correction), so
a rule that needs the comment's drivers cannot be decided when the response is written. A
listener is called inside the transaction that stores the analysis and must stay quick: queue
rows, or record small facts about this one comment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opennps.comments.models import CommentAnalysis


# listener(analysis); registered from an AppConfig.ready().
AnalysisListener = Callable[["CommentAnalysis"], None]
_listeners: list[AnalysisListener] = []


def listen_analysis(listener: AnalysisListener) -> AnalysisListener:
    """Register a listener (usable as a decorator); registering twice keeps one."""
    if listener not in _listeners:
        _listeners.append(listener)
    return listener


def announce_analysis(analysis: CommentAnalysis) -> None:
    """Tell every listener that ``analysis`` (with its driver rows) was just stored."""
    for listener in _listeners:
        listener(analysis)
