"""The dashboard's small writes: goal, annotations, custom benchmarks (editors) and segment
attributes (owners and admins). Each form posts here and comes back to the view it was sent from.
"""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from opennps.accounts.scoping import membership_or_404
from opennps.analytics import dashboard_actions as actions
from opennps.analytics.forms import (
    AnnotationForm,
    CustomBenchmarkForm,
    GoalForm,
    SegmentDimensionForm,
)
from opennps.analytics.models import SegmentDimension
from opennps.responses.models import Response
from opennps.surveys.models import Survey

# How many recent answers the settings page reads to suggest attribute names.
RECENT_ANSWERS = 2000


def back_to_dashboard(request: HttpRequest, workspace_id: int, anchor: str) -> HttpResponseRedirect:
    """The dashboard with the view the form was sent from (`view`, a query string).

    Re-encoding the query string keeps only parameters: the address itself is always ours.
    """
    view = QueryDict(request.POST.get("view", "")).urlencode()
    url = reverse("analytics:dashboard", args=[workspace_id])
    return HttpResponseRedirect(f"{url}{'?' + view if view else ''}#{anchor}")


def _report_errors(request: HttpRequest, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


@login_required
@require_POST
def goal(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "edit")
    form = GoalForm(request.POST, workspace_id=workspace_id)
    if form.is_valid():
        nps = form.cleaned_data["nps"]
        actions.set_goal(membership.workspace, form.cleaned_data["survey"], nps, request.user)
        messages.success(
            request, _("The goal was removed.") if nps is None else _("The goal was saved.")
        )
    else:
        _report_errors(request, form)
    return back_to_dashboard(request, workspace_id, "headline")


@login_required
@require_POST
def annotation_add(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "edit")
    form = AnnotationForm(request.POST, workspace_id=workspace_id)
    if form.is_valid():
        data = form.cleaned_data
        actions.add_annotation(
            membership.workspace, data["day"], data["label"], data["survey"], request.user
        )
        messages.success(request, _("The annotation was added to the timeline."))
    else:
        _report_errors(request, form)
    return back_to_dashboard(request, workspace_id, "trend")


@login_required
@require_POST
def annotation_remove(request: HttpRequest, workspace_id: int, annotation_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "edit")
    if actions.remove_annotation(membership.workspace, annotation_id):
        messages.success(request, _("The annotation was removed."))
    return back_to_dashboard(request, workspace_id, "trend")


@login_required
@require_POST
def benchmark_add(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "edit")
    form = CustomBenchmarkForm(request.POST)
    if form.is_valid():
        actions.add_benchmark(membership.workspace, form.cleaned_data, request.user)
        messages.success(request, _("The benchmark was added."))
    else:
        _report_errors(request, form)
    return back_to_dashboard(request, workspace_id, "benchmarks")


@login_required
@require_POST
def benchmark_remove(request: HttpRequest, workspace_id: int, benchmark_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "edit")
    if actions.remove_benchmark(membership.workspace, benchmark_id):
        messages.success(request, _("The benchmark was removed."))
    return back_to_dashboard(request, workspace_id, "benchmarks")


def attribute_names_seen(workspace_id: int) -> list[tuple[str, int]]:
    """Attribute names in recent answers (and allowed in survey links), most common first."""
    seen: Counter[str] = Counter()
    recent = (
        Response.objects.filter(workspace_id=workspace_id)
        .order_by("-created_at")
        .values_list("attributes", flat=True)[:RECENT_ANSWERS]
    )
    for attributes in recent:
        seen.update(key for key in (attributes or {}) if isinstance(key, str))
    for names in Survey.objects.filter(workspace_id=workspace_id).values_list(
        "hidden_attributes", flat=True
    ):
        for name in names or []:
            seen.setdefault(name, 0)
    return sorted(seen.items(), key=lambda item: (-item[1], item[0]))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def segments(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "manage")
    form = SegmentDimensionForm(request.POST or None, workspace_id=workspace_id)
    if request.method == "POST" and form.is_valid():
        dimension = actions.add_segment(
            membership.workspace, form.cleaned_data["key"], form.cleaned_data["label"]
        )
        messages.success(
            request,
            _("“%(key)s” is now a segment; its figures were computed from every answer.")
            % {"key": dimension.key},
        )
        return HttpResponseRedirect(reverse("analytics:segments", args=[workspace_id]))
    dimensions = list(SegmentDimension.objects.filter(workspace_id=workspace_id).order_by("key"))
    marked = {dimension.key for dimension in dimensions}
    suggestions = [(n, c) for n, c in attribute_names_seen(workspace_id) if n not in marked]
    return render(
        request,
        "analytics/dashboard_segment_settings.html",
        {
            "membership": membership,
            "workspace": membership.workspace,
            "nav_section": "dashboard",
            "form": form,
            "dimensions": dimensions,
            "suggestions": suggestions,
            "recent": RECENT_ANSWERS,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def segment_remove(request: HttpRequest, workspace_id: int, dimension_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "manage")
    if actions.remove_segment(membership.workspace, dimension_id):
        messages.success(request, _("The attribute is no longer a segment."))
    return HttpResponseRedirect(reverse("analytics:segments", args=[workspace_id]))
