"""The drivers page of the dashboard: where comments say NPS is lost, and what to act on first."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from opennps.accounts.scoping import membership_or_404
from opennps.comments.analysis import encoder_missing_reason
from opennps.comments.models import WatchedTheme
from opennps.comments.page import DriversPage, drivers_page
from opennps.comments.taxonomy import driver_labels
from opennps.reports.anonymity import Disclosure
from opennps.reports.browse import matching_responses
from opennps.reports.filters import parse_filters


@login_required
@require_safe
def drivers(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "view")
    view = parse_filters(request.GET, workspace_id)
    responses = matching_responses(view.filters)
    withheld = Disclosure.for_filters(view.filters).withheld_surveys
    if withheld:
        responses = responses.exclude(survey_id__in=withheld)
    labels = driver_labels(workspace_id, get_language() or "en")
    page = drivers_page(responses, labels)
    _mark_watched(page, workspace_id)
    return render(
        request,
        "comments/drivers.html",
        {
            "membership": membership,
            "workspace": membership.workspace,
            "nav_section": "drivers",
            "view": view,
            "errors": view.errors,
            "page": page,
            "encoder_missing": encoder_missing_reason(),
            "can_edit": membership.can("edit"),
        },
        status=400 if view.errors else 200,
    )


def _mark_watched(page: DriversPage, workspace_id: int) -> None:
    """Themes already watched (same driver and name) show that instead of the watch button."""
    watched = {
        (driver, name): pk
        for pk, driver, name in WatchedTheme.objects.filter(workspace_id=workspace_id).values_list(
            "pk", "driver", "name"
        )
    }
    for row in page.rows:
        for entry in row.themes:
            entry.watched_id = watched.get((entry.theme.driver, entry.theme.name))
