"""The demo's closed loop and comment analysis, written after the bulk load.

The loader inserts responses in bulk, which skips the response listeners, so nothing would open
cases or analyse comments. This module does both with the apps' own functions, so the case inbox,
the loop page and the drivers page are filled:

- cases for the customer workspace's recent detractors (opennps.cases.opening.open_case and the
  case actions), aged into a realistic mix: the oldest resolved, won back or unreachable, recent
  ones contacted or in progress, the newest still new; some carry notes;
- every comment analysed with the keyword rules (no encoder, so loading stays fast); run
  `opennps text reanalyse` later to use the sentence encoder.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from types import SimpleNamespace

from django.utils import timezone

from opennps.accounts.models import User, Workspace
from opennps.cases.actions import add_note, set_status
from opennps.cases.models import Case, CaseActivity, CaseStatus
from opennps.cases.opening import open_case, settings_for
from opennps.comments.analysis import SENTIMENT_NAMES, embedding_bytes, method_of
from opennps.comments.models import AnalysedDriver, CommentAnalysis
from opennps.comments.taxonomy import workspace_taxonomy
from opennps.responses.models import Response
from opennps.text import Comment, TextAnalyser
from opennps.text.pipeline import Analysis

# Detractors of the last this-many days have cases (older ones were handled before OpenNPS).
CASE_WINDOW = timedelta(days=30)
MAX_CASES = 300
ANALYSIS_BATCH = 2000
NOTES = (
    "Called the customer: the bill doubled after the promotion ended. Offered the old tariff.",
    "Left a voicemail; will try again tomorrow morning.",
    "Customer says the connection drops every evening. Opened a ticket with the network team.",
    "Apologised for the wait at the store; a 10% discount on the next bill was accepted.",
    "Sent the playbook e-mail; no answer yet.",
)


def _final_status(age: timedelta, rng: random.Random) -> str:
    if age > timedelta(days=10):
        return rng.choices(
            [CaseStatus.RESOLVED, CaseStatus.WON_BACK, CaseStatus.UNREACHABLE], [6, 3, 1]
        )[0]
    if age > timedelta(days=3):
        return rng.choices(
            [CaseStatus.CONTACTED, CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED], [4, 3, 3]
        )[0]
    return rng.choices([CaseStatus.NEW, CaseStatus.IN_PROGRESS], [3, 1])[0]


def open_demo_cases(workspace: Workspace, now: datetime, seed: int) -> int:
    """Open cases for the workspace's recent detractors and work them; the number opened."""
    rng = random.Random(seed)
    rules = settings_for(workspace.pk)
    detractors = list(
        Response.objects.filter(
            workspace=workspace,
            nps_class="detractor",
            created_at__gte=now - CASE_WINDOW,
            survey__kind="customer",
        )
        .select_related("survey", "contact__account")
        .order_by("-created_at")[:MAX_CASES]
    )
    for response in reversed(detractors):  # oldest first, so the round-robin runs in time order
        case = open_case(response, rules)
        age = now - response.created_at
        status = _final_status(age, rng)
        actor: User | None = case.assignee
        if status != CaseStatus.NEW and rng.random() < 0.5:
            add_note(case, rng.choice(NOTES), actor)
        if status not in (CaseStatus.NEW, case.status):
            if status in (CaseStatus.RESOLVED, CaseStatus.WON_BACK):
                set_status(case, CaseStatus.CONTACTED, actor)  # the loop's usual path
            set_status(case, status, actor)
        _age(case, response.created_at, now, rng, rules.sla_hours)
    return len(detractors)


def _age(case: Case, answered_at: datetime, now: datetime, rng: random.Random, sla: int) -> None:
    """Move the case's times from "now" to when they would have happened."""
    opened = answered_at + timedelta(minutes=rng.randint(1, 5))
    case.refresh_from_db()
    span = max(now - opened, timedelta(minutes=10))
    first_contact = opened + min(span / 2, timedelta(hours=rng.randint(2, 72)))
    changes: dict[str, object] = {
        "opened_at": opened,
        "due_at": opened + timedelta(hours=sla),
    }
    if case.first_contacted_at:
        changes["first_contacted_at"] = first_contact
    if case.resolved_at:
        changes["resolved_at"] = min(first_contact + timedelta(hours=rng.randint(1, 96)), now)
    Case.objects.filter(pk=case.pk).update(**changes)
    CaseActivity.objects.filter(case=case).update(at=first_contact)
    CaseActivity.objects.filter(case=case, kind="opened").update(at=opened)


class _KnownLanguage:
    """The demo's generator wrote each comment in the response's language: no need to detect it
    (and to build the detector's models, seconds of the load)."""

    def detect(self, text: str) -> SimpleNamespace:
        return SimpleNamespace(language=None)  # the pipeline then takes the response's language


def analyse_demo_comments(workspace: Workspace, now: datetime | None = None) -> int:
    """Analyse every comment of the workspace with the keyword rules, in bulk; the number
    analysed. The rows are the ones opennps.comments stores (drivers, methods, sentiment)."""
    now = now or timezone.now()
    taxonomy = workspace_taxonomy(workspace.pk)
    analyser = TextAnalyser(taxonomy, encoder=None, detector=_KnownLanguage())  # type: ignore[arg-type]
    # The phrase bank repeats itself: each (text, score, language) is analysed once.
    known: dict[tuple[str, int, str], Analysis] = {}
    rows = (
        Response.objects.filter(workspace=workspace)
        .exclude(comment="")
        .order_by("pk")
        .values_list("pk", "comment", "score", "language")
    )
    done = 0
    batch: list[tuple[int, str, int, str]] = []
    for row in [*rows.iterator(chunk_size=ANALYSIS_BATCH), None]:
        if row is not None:
            batch.append(row)
            if len(batch) < ANALYSIS_BATCH:
                continue
        if not batch:
            break
        fresh = list(
            dict.fromkeys((c, s, lang) for _pk, c, s, lang in batch if (c, s, lang) not in known)
        )
        for key, result in zip(
            fresh,
            analyser.analyse([Comment(c, s, lang or None) for c, s, lang in fresh]),
            strict=True,
        ):
            known[key] = result
        results = [known[(c, s, lang)] for _pk, c, s, lang in batch]
        analyses = CommentAnalysis.objects.bulk_create(
            CommentAnalysis(
                response_id=pk,
                workspace=workspace,
                language=result.language or "",
                drivers=list(result.drivers),
                methods=dict.fromkeys(result.drivers, method_of(result)),
                sentiment=SENTIMENT_NAMES.get(result.sentiment or "", result.sentiment or ""),
                embedding=embedding_bytes(None),
                taxonomy_fingerprint=analyser.taxonomy_fingerprint,
                analysed_at=now,
            )
            for (pk, *_rest), result in zip(batch, results, strict=True)
        )
        AnalysedDriver.objects.bulk_create(
            AnalysedDriver(
                analysis_id=analysis.pk,
                workspace=workspace,
                response_id=analysis.response_id,
                driver=key,
                method=analysis.methods[key],
            )
            for analysis in analyses
            for key in analysis.drivers
        )
        done += len(batch)
        batch = []
    return done
