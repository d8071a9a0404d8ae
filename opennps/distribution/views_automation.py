"""A survey's automation page: trigger rules, relationship schedules and the events received.

Under /w/<workspace id>/surveys/<survey id>/automation/; analysts, admins and owners only (others
get 404, as does another workspace's survey).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from opennps.accounts.scoping import membership_or_404
from opennps.distribution.forms import ScheduleForm, TriggerRuleForm
from opennps.distribution.models import Event, Invitation, RelationshipSchedule, TriggerRule
from opennps.distribution.models_automation import EventOutcome
from opennps.distribution.relationship import create_schedule, pause_schedule
from opennps.distribution.sms.inbound import inbound_token
from opennps.surveys.models import Survey

RECENT_EVENTS = 50


def _survey(request: HttpRequest, workspace_id: int, survey_id: int) -> tuple[Any, Survey]:
    membership = membership_or_404(request.user, workspace_id, "edit")
    survey = get_object_or_404(Survey, workspace_id=workspace_id, pk=survey_id)
    return membership, survey


def recent_events(survey: Survey) -> list[dict[str, Any]]:
    """The latest events named by this survey's rules, each with what happened and why."""
    names = set(TriggerRule.objects.filter(survey=survey).values_list("event_name", flat=True))
    events = list(
        Event.objects.filter(workspace_id=survey.workspace_id, name__in=names)
        .select_related("contact")
        .order_by("-received_at")[:RECENT_EVENTS]
    )
    invitation_ids = {
        outcome.get("invitation")
        for event in events
        for outcome in event.outcomes
        if outcome.get("invitation")
    }
    invitations = Invitation.objects.in_bulk(list(invitation_ids))
    rows = []
    for event in events:
        outcomes = []
        for outcome in event.outcomes:
            if outcome.get("survey") not in (None, survey.pk):
                continue
            invitation = invitations.get(outcome.get("invitation"))
            outcomes.append(
                {
                    "label": EventOutcome(outcome["outcome"]).label,
                    "channel": outcome.get("channel", ""),
                    "due_at": outcome.get("due_at", ""),
                    "invitation": invitation,
                }
            )
        rows.append({"event": event, "outcomes": outcomes})
    return rows


def sms_inbound_urls(membership: Any) -> list[str]:
    """The workspace's inbound SMS webhook URLs; shown to admins and owners only (the URL lets
    its holder post replies for the workspace's contacts)."""
    if not membership.can("manage"):
        return []
    token = inbound_token(membership.workspace_id)
    return [
        settings.BASE_URL + reverse("distribution:sms_inbound", args=[provider, token])
        for provider in ("twilio", "http")
    ]


@login_required
def automation(request: HttpRequest, workspace_id: int, survey_id: int) -> HttpResponse:
    membership, survey = _survey(request, workspace_id, survey_id)
    return render(
        request,
        "distribution/automation.html",
        {
            "membership": membership,
            "workspace": membership.workspace,
            "survey": survey,
            "rules": TriggerRule.objects.filter(survey=survey).order_by("pk"),
            "schedules": RelationshipSchedule.objects.filter(survey=survey).order_by("pk"),
            "schedule_form": ScheduleForm(),
            "events": recent_events(survey),
            "sms_inbound_urls": sms_inbound_urls(membership),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def rule_edit(
    request: HttpRequest, workspace_id: int, survey_id: int, rule_id: int | None = None
) -> HttpResponse:
    membership, survey = _survey(request, workspace_id, survey_id)
    rule = get_object_or_404(TriggerRule, survey=survey, pk=rule_id) if rule_id else None
    form = TriggerRuleForm(request.POST or None, instance=rule)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.workspace_id, saved.survey = workspace_id, survey
        if saved.created_by_id is None:
            saved.created_by = request.user
        saved.save()
        return redirect("distribution:automation", workspace_id=workspace_id, survey_id=survey.pk)
    return render(
        request,
        "distribution/rule_form.html",
        {
            "membership": membership,
            "workspace": membership.workspace,
            "survey": survey,
            "form": form,
            "rule": rule,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def rule_delete(
    request: HttpRequest, workspace_id: int, survey_id: int, rule_id: int
) -> HttpResponse:
    _membership, survey = _survey(request, workspace_id, survey_id)
    get_object_or_404(TriggerRule, survey=survey, pk=rule_id).delete()
    return redirect("distribution:automation", workspace_id=workspace_id, survey_id=survey.pk)


@login_required
@require_POST
def schedule_create(request: HttpRequest, workspace_id: int, survey_id: int) -> HttpResponse:
    membership, survey = _survey(request, workspace_id, survey_id)
    form = ScheduleForm(request.POST)
    if form.is_valid():
        create_schedule(
            survey,
            every_months=form.cleaned_data["every_months"],
            segment=form.cleaned_data["segment"],
            channel=form.cleaned_data["channel"],
            start_at=form.cleaned_data["start_at"],
            created_by=request.user,
        )
        return redirect("distribution:automation", workspace_id=workspace_id, survey_id=survey.pk)
    return render(
        request,
        "distribution/automation.html",
        {
            "membership": membership,
            "workspace": membership.workspace,
            "survey": survey,
            "rules": TriggerRule.objects.filter(survey=survey).order_by("pk"),
            "schedules": RelationshipSchedule.objects.filter(survey=survey).order_by("pk"),
            "schedule_form": form,
            "events": recent_events(survey),
        },
        status=400,
    )


@login_required
@require_POST
def schedule_pause(
    request: HttpRequest, workspace_id: int, survey_id: int, schedule_id: int
) -> HttpResponse:
    _membership, survey = _survey(request, workspace_id, survey_id)
    pause_schedule(get_object_or_404(RelationshipSchedule, survey=survey, pk=schedule_id))
    return redirect("distribution:automation", workspace_id=workspace_id, survey_id=survey.pk)
