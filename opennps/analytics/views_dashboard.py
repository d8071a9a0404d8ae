"""The dashboard page: /dashboard/ (the first workspace's) and /w/<id>/dashboard/?filters.

Thin: read the view from the query string, compute the figures (opennps.analytics.dashboard),
draw the charts, render. Every member may look; editors also get the small forms.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from opennps.accounts.scoping import membership_or_404, workspaces_for
from opennps.analytics.dashboard import build_dashboard
from opennps.analytics.dashboard_benchmarks import industry_choices
from opennps.analytics.dashboard_filters import CLASSES, industry_key, parse_dashboard_query
from opennps.analytics.dashboard_page import (
    active_filters,
    charts_for,
    editor_forms,
    form_state,
    group_choices,
    period_names,
    range_presets,
    sort_links,
    trend_titles,
)
from opennps.analytics.models import SegmentDimension
from opennps.analytics.periods import PERIODS
from opennps.analytics.rollups import local_day
from opennps.distribution.models import Channel
from opennps.responses.models import NpsClassChoices
from opennps.surveys.models import Survey, SurveyKind


@login_required
@require_safe
def dashboard_home(request: HttpRequest) -> HttpResponse:
    """/dashboard/: the dashboard of the first workspace the person belongs to."""
    workspace = workspaces_for(request.user).first()
    if workspace is None:
        return redirect("web:home")
    return redirect("analytics:dashboard", workspace_id=workspace.pk)


@login_required
@require_safe
def dashboard(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "view")
    workspace = membership.workspace
    surveys = list(Survey.objects.filter(workspace_id=workspace_id).order_by("name"))
    dimensions = list(SegmentDimension.objects.filter(workspace_id=workspace_id).order_by("key"))
    groups = group_choices(dimensions)
    today = local_day(timezone.now())
    query = parse_dashboard_query(
        request.GET,
        workspace_id=workspace_id,
        survey_ids={survey.pk for survey in surveys},
        segment_groups=tuple(key for key, _label in groups),
        default_industry=industry_key(workspace.industry),
        today=today,
    )
    chosen = [
        s for s in surveys if not query.filters.survey_ids or s.pk in query.filters.survey_ids
    ]
    kinds = {survey.kind for survey in chosen}
    context: dict[str, Any] = {
        "membership": membership,
        "workspace": workspace,
        "nav_section": "dashboard",
        "query": query,
        "surveys": surveys,
        "groups": groups,
        "group_label": dict(groups).get(query.segment, query.segment),
        "trend_title": trend_titles()[query.by],
        "periods": [(key, period_names()[key]) for key in PERIODS],
        "channels": Channel.choices,
        "classes": [(key, label) for key, label in NpsClassChoices.choices if key in CLASSES],
        "industries": industry_choices(),
        "can_edit": membership.can("edit"),
        "can_manage": membership.can("manage"),
        "enps": SurveyKind.EMPLOYEE in kinds,
        "mixed_kinds": len(kinds) > 1,
        "has_surveys": bool(surveys),
        "chips": active_filters(query, surveys),
        "form_first": form_state(query)[0],
        "form_hidden": form_state(query)[1],
        "attribute_filters": [value for key, value in query.params if key == "attribute"],
        "presets": range_presets(query, today),
        "sort_links": sort_links(query),
        "segment_keys": [d.key for d in dimensions],
    }
    if query.errors:
        return render(request, "analytics/dashboard.html", context, status=400)
    result = build_dashboard(
        query,
        enps=context["enps"],
        survey_names={survey.pk: survey.name for survey in surveys},
    )
    context.update(
        dashboard=result,
        charts=charts_for(result, query),
        **editor_forms(membership, query),
    )
    return render(request, "analytics/dashboard.html", context)
