"""The Loop page (metrics), the non-respondents list, and the loop's settings and playbooks.

Loop and non-respondents: any member. Settings and playbook edits: owners and admins (`manage`);
everyone else gets 404, like every settings page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from opennps.accounts.scoping import membership_or_404
from opennps.cases.forms import CaseSettingsForm, PlaybookForm
from opennps.cases.metrics import loop_metrics
from opennps.cases.models import CaseSettings, CaseStatus, PlaybookGroup
from opennps.cases.playbook_texts import SHIPPED
from opennps.cases.playbooks import playbook_for, reset_playbook, save_playbook
from opennps.distribution.models import Invitation, InvitationStatus
from opennps.surveys.models import SurveyKind

PERIODS = (30, 90, 365)
NON_RESPONDENT_LIMIT = 200


@login_required
@require_GET
def loop(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "view")
    try:
        days = int(request.GET.get("days", "90"))
    except ValueError:
        days = 90
    days = days if days in PERIODS else 90
    metrics = loop_metrics(workspace_id, days)
    outcomes = [(label, metrics.outcomes[value]) for value, label in CaseStatus.choices]
    return render(
        request,
        "cases/loop.html",
        {
            "workspace": membership.workspace,
            "membership": membership,
            "nav_section": "cases",
            "metrics": metrics,
            "outcomes": outcomes,
            "days": days,
            "periods": PERIODS,
        },
    )


@login_required
@require_GET
def non_respondents(request: HttpRequest, workspace_id: int) -> HttpResponse:
    """Contacts invited to a customer survey who have not answered (eNPS is never listed: who
    did not answer would tell who did)."""
    membership = membership_or_404(request.user, workspace_id, "view")
    invitations = (
        Invitation.objects.filter(
            workspace_id=workspace_id,
            responded=False,
            status__in=[InvitationStatus.SENT, InvitationStatus.DELIVERED, InvitationStatus.OPENED],
        )
        .exclude(survey__kind=SurveyKind.EMPLOYEE)
        .select_related("contact", "survey")
        .order_by("sent_at", "pk")
    )
    language = membership.workspace.default_language
    return render(
        request,
        "cases/non_respondents.html",
        {
            "workspace": membership.workspace,
            "membership": membership,
            "nav_section": "cases",
            "total": invitations.count(),
            "invitations": invitations[:NON_RESPONDENT_LIMIT],
            "limit": NON_RESPONDENT_LIMIT,
            "playbook": playbook_for(workspace_id, PlaybookGroup.NON_RESPONDENT, language),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def loop_settings(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "manage")
    instance = CaseSettings.objects.filter(workspace_id=workspace_id).first() or CaseSettings(
        workspace_id=workspace_id
    )
    form = CaseSettingsForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Loop settings saved."))
        return redirect("cases:settings", workspace_id=workspace_id)
    playbooks = [
        (value, label, [(code, code) for code in SHIPPED]) for value, label in PlaybookGroup.choices
    ]
    return render(
        request,
        "cases/settings.html",
        {
            "workspace": membership.workspace,
            "membership": membership,
            "nav_section": "cases",
            "form": form,
            "playbooks": playbooks,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_playbook(
    request: HttpRequest, workspace_id: int, group: str, language: str
) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "manage")
    if group not in PlaybookGroup.values or language not in SHIPPED:
        raise Http404
    if request.method == "POST" and request.POST.get("reset"):
        reset_playbook(workspace_id, group, language)
        messages.success(request, _("The shipped playbook is back."))
        return redirect("cases:playbook", workspace_id=workspace_id, group=group, language=language)
    current = playbook_for(workspace_id, group, language)
    initial = {
        "steps": "\n".join(current["steps"]),
        "reply_subject": current["reply_subject"],
        "reply_body": current["reply_body"],
    }
    form = PlaybookForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        save_playbook(
            workspace_id,
            group,
            language,
            form.step_list(),
            form.cleaned_data["reply_subject"],
            form.cleaned_data["reply_body"],
        )
        messages.success(request, _("Playbook saved."))
        return redirect("cases:playbook", workspace_id=workspace_id, group=group, language=language)
    return render(
        request,
        "cases/playbook_edit.html",
        {
            "workspace": membership.workspace,
            "membership": membership,
            "nav_section": "cases",
            "form": form,
            "group_label": PlaybookGroup(group).label,
            "language": language,
        },
        status=400 if form.errors else 200,
    )
