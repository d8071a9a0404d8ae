from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    """Comment analysis in the database: drivers, sentiment, embeddings, the team's taxonomy."""

    name = "opennps.comments"
    verbose_name = _("Comments")

    def ready(self) -> None:
        from opennps.comments.analysis import run_task
        from opennps.comments.events import listen_analysis
        from opennps.comments.listeners import on_response_event
        from opennps.comments.models import AnalysisTask
        from opennps.comments.watching import PAST_MATCH_JOB, match_analysis, match_past_comments
        from opennps.responses.events import listen
        from opennps.work.registry import register_job, register_queue

        listen(on_response_event)
        listen_analysis(match_analysis)
        register_queue("comment_analysis", AnalysisTask, run_task, batch=20)
        register_job(PAST_MATCH_JOB, match_past_comments)
