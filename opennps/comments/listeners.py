"""Queue comment analysis when an answer's comment appears or changes (never compute here)."""

from __future__ import annotations

from opennps.comments.analysis import queue_analysis
from opennps.comments.models import AnalysisTask, CommentAnalysis
from opennps.responses.events import ResponseEvent
from opennps.responses.models import Response


def on_response_event(response: Response, event: ResponseEvent, changed: frozenset[str]) -> None:
    """CREATED with a comment, or UPDATED with "comment" changed: queue an analysis. A comment
    emptied by an update loses its analysis at once. DELETED needs nothing: the analysis row
    cascades with the response."""
    if event == ResponseEvent.CREATED and response.comment.strip():
        # A new response has no task yet: one INSERT, without queue_analysis()'s lookup.
        AnalysisTask.objects.create(response_id=response.pk)
    elif event == ResponseEvent.UPDATED and "comment" in changed:
        if response.comment.strip():
            queue_analysis([response.pk])
        else:
            CommentAnalysis.objects.filter(response_id=response.pk).delete()
