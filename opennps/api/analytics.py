"""/api/v1/surveys/{id}/trend and /api/v1/surveys/{id}/segments: the dashboard's figures.

Each row has the summary's keys (n, promoters, passives, detractors, nps, ci_low, ci_high,
confidence, method) plus `period` or `value`, and takes the summary's filters. For employee
(eNPS) surveys a group of fewer than 5 answers is omitted, and so are the next smallest ones
when what is omitted would otherwise hold 1 to 4 answers (it could be worked out from the total).
"""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field, field_validator

from opennps.analytics import dashboard_queries
from opennps.analytics.dashboard_anonymity import shown_groups
from opennps.analytics.periods import period_label
from opennps.api.auth import READ
from opennps.api.queries import analytics_filters
from opennps.api.schemas.common import ATTRIBUTE_KEY
from opennps.api.schemas.filters import SummaryQuery
from opennps.api.schemas.surveys import SummaryOut
from opennps.api.surveys import survey_or_404
from opennps.stats import summarize

router = Router(tags=["analytics"])

PeriodName = Literal["day", "week", "month", "quarter"]


class TrendQuery(SummaryQuery):
    by: PeriodName = Field("month", description="Period of each row: day, week, month, quarter.")


class SegmentsQuery(SummaryQuery):
    by: str = Field(
        description="What to group by: an attribute name (region, agent, …), or language, "
        "channel or survey."
    )

    @field_validator("by")
    @classmethod
    def _known_grouping(cls, value: str) -> str:
        if not ATTRIBUTE_KEY.match(value):
            raise ValueError(
                _("%(value)s is not an attribute name; use letters, digits, '-' or '_'.")
                % {"value": repr(value)}
            )
        return value


class TrendRow(SummaryOut):
    period: str = Field(
        description="2025-03-14 (day), 2025-03-10 (week's Monday), 2025-03, 2025-Q1."
    )


class TrendOut(Schema):
    by: str
    items: list[TrendRow]
    periods_omitted: int = Field(description="eNPS periods left out to keep answers anonymous.")


class SegmentRow(SummaryOut):
    value: str = Field(description="The group's value; for `survey`, the survey's id.")


class SegmentsOut(Schema):
    by: str
    items: list[SegmentRow]
    groups_omitted: int = Field(description="eNPS groups left out to keep answers anonymous.")


@router.get(
    "/surveys/{int:survey_id}/trend", response=TrendOut, auth=READ, summary="NPS per period"
)
def trend(request: HttpRequest, survey_id: int, query: Query[TrendQuery]) -> dict[str, object]:
    """One row per day, week, month or quarter that has answers, oldest first. Accepts the
    summary's filters (`from`, `to`, `class`, `channel`, `attribute`, `confidence`, `method`)."""
    survey = survey_or_404(request, survey_id)
    filters = analytics_filters(survey, query.to_filters())
    periods = dashboard_queries.trend(filters, query.by)
    omitted = 0
    if survey.is_anonymous:
        periods, omitted = shown_groups(periods, dashboard_queries.headline(filters).n)
    items = [
        {"period": period_label(start, query.by), **_figures(histogram, query)}
        for start, histogram in periods
    ]
    return {"by": query.by, "items": items, "periods_omitted": omitted}


@router.get(
    "/surveys/{int:survey_id}/segments",
    response=SegmentsOut,
    auth=READ,
    summary="NPS per group",
)
def segments(
    request: HttpRequest, survey_id: int, query: Query[SegmentsQuery]
) -> dict[str, object]:
    """One row per value of `by` (answers without a value are in no row), by value. Accepts
    the summary's filters. An attribute the workspace marks as a segment is read from the
    rollup; any other attribute is counted from the responses (slower on large surveys)."""
    survey = survey_or_404(request, survey_id)
    filters = analytics_filters(survey, query.to_filters())
    groups = dashboard_queries.segments(filters, query.by)
    omitted = 0
    if survey.is_anonymous:
        groups, omitted = shown_groups(groups, dashboard_queries.headline(filters).n)
    items = [{"value": value, **_figures(histogram, query)} for value, histogram in groups]
    return {"by": query.by, "items": items, "groups_omitted": omitted}


def _figures(histogram, query: SummaryQuery) -> dict[str, object]:
    return summarize(histogram, query.confidence, query.method).to_dict()
