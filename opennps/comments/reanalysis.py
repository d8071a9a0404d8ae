"""Re-analysis after a taxonomy edit or a model change: queue it for the worker, or run it now."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet

from opennps.comments.analysis import analyse_responses, analyser_for, queue_analysis
from opennps.comments.models import CommentAnalysis
from opennps.responses.models import Response


def responses_to_reanalyse(workspace_id: int, everything: bool) -> QuerySet[Response]:
    """Responses with a comment whose analysis is missing or stale (``everything``: all).

    Stale means made with another taxonomy or encoder than the workspace's current ones.
    Corrected analyses are kept unless ``everything`` is asked for: a person decided them.
    """
    with_comment = Response.objects.filter(workspace_id=workspace_id).exclude(comment="")
    if everything:
        return with_comment.order_by("pk")
    analyser = analyser_for(workspace_id)
    current = CommentAnalysis.objects.filter(
        workspace_id=workspace_id,
        taxonomy_fingerprint=analyser.taxonomy_fingerprint,
        embedding_model=analyser.encoder_name or "",
    ).values("response_id")
    corrected = CommentAnalysis.objects.filter(workspace_id=workspace_id, corrected=True).values(
        "response_id"
    )
    return with_comment.exclude(pk__in=current).exclude(pk__in=corrected).order_by("pk")


def reanalyse(
    workspace_id: int,
    *,
    everything: bool = False,
    now: bool = False,
    on_progress: Callable[[int], None] | None = None,
) -> int:
    """Queue (or, with ``now``, run) the analysis of every stale comment; how many there were."""
    responses = responses_to_reanalyse(workspace_id, everything)
    if now:
        return analyse_responses(responses.iterator(chunk_size=500), workspace_id, on_progress)
    return queue_analysis(responses.values_list("pk", flat=True))
