"""The campaign pages under /w/<workspace id>/campaigns/: list, create, preview, test, progress.

They call the same functions as `opennps campaign send|show|cancel` (campaigns.py). Any member
sees the list and the progress; analysts, admins and owners create, test and cancel (viewers get
404 for those, as for every page they cannot use). Another workspace's campaign is 404.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.mail import get_connection
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from opennps.accounts.scoping import membership_or_404
from opennps.contacts.models import Contact
from opennps.distribution.campaigns import CampaignError, cancel_campaign, progress, queue_campaign
from opennps.distribution.forms import CampaignForm
from opennps.distribution.messages import build_message
from opennps.distribution.models import (
    Campaign,
    CampaignStatus,
    Channel,
    Invitation,
    InvitationStatus,
)
from opennps.distribution.sms.segments import sms_length
from opennps.distribution.sms.text import preview_sms
from opennps.surveys.models import Survey

SHOWN_STATUSES = ("queued", "sent", "opened", "responded", "bounced", "throttled", "failed")
REACHED = ("sent", "delivered", "opened", "responded")


def _context(membership: Any, **extra: Any) -> dict[str, Any]:
    return {
        "membership": membership,
        "workspace": membership.workspace,
        "nav_section": "campaigns",
        "can_edit": membership.can("edit"),
        "can_manage": membership.can("manage"),
        **extra,
    }


def summary(campaign: Campaign) -> dict[str, Any]:
    """Progress counts and the response rate (responded / reached, with its n)."""
    counts = progress(campaign)
    reached = sum(counts.get(status, 0) for status in REACHED)
    rate = round(100 * counts["responded"] / reached, 1) if reached else None
    return {
        "counts": [
            (status, InvitationStatus(status).label, counts.get(status, 0))
            for status in SHOWN_STATUSES
        ],
        "pending": counts["pending"],
        "total": counts["total"],
        "reached": reached,
        "rate": rate,
    }


@login_required
def campaign_list(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "view")
    campaigns = list(
        Campaign.objects.filter(workspace_id=workspace_id)
        .select_related("survey")
        .order_by("-created_at")[:100]
    )
    rows = [(campaign, summary(campaign)) for campaign in campaigns]
    surveys = Survey.objects.filter(workspace_id=workspace_id).order_by("name")
    return render(
        request,
        "distribution/campaigns/list.html",
        _context(membership, rows=rows, surveys=surveys if membership.can("edit") else []),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def campaign_create(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "edit")
    form = CampaignForm(request.POST or None, workspace_id=workspace_id)
    error = ""
    if request.method == "POST" and form.is_valid():
        send_at = form.cleaned_data["send_at"]
        try:
            campaign = queue_campaign(
                form.cleaned_data["survey"],
                form.cleaned_data["channel"],
                form.cleaned_data["segment"],
                created_by=request.user,
                scheduled_at=send_at if send_at and send_at > timezone.now() else None,
            )
        except CampaignError as problem:
            error = str(problem)
        else:
            return redirect(
                "distribution:campaign", workspace_id=workspace_id, campaign_id=campaign.pk
            )
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "distribution/campaigns/new.html",
        _context(membership, form=form, error=error),
        status=status,
    )


def _sample_invitation(
    survey: Survey, language: str, email: str = "", name: str = ""
) -> Invitation:
    """An unsaved invitation to render a preview or a test message with (nothing is stored)."""
    contact = Contact(workspace=survey.workspace, email=email, name=name, language=language)
    return Invitation(workspace=survey.workspace, survey=survey, contact=contact, channel="email")


def _survey_or_404(workspace_id: int, survey_id: Any) -> Survey:
    try:
        return get_object_or_404(Survey, workspace_id=workspace_id, pk=int(survey_id))
    except (TypeError, ValueError):
        raise Http404 from None


@login_required
def campaign_preview(request: HttpRequest, workspace_id: int) -> HttpResponse:
    """The message in each of the survey's languages (?survey=ID&channel=email|sms)."""
    membership = membership_or_404(request.user, workspace_id, "edit")
    survey = _survey_or_404(workspace_id, request.GET.get("survey"))
    channel = request.GET.get("channel", Channel.EMAIL)
    example_token = "x" * 32  # as long as a real token, so SMS lengths are true
    previews = []
    for language in survey.all_languages:
        if channel == Channel.SMS:
            link = settings.BASE_URL + f"/r/{example_token}"
            text = preview_sms(survey.brand, link, language)
            previews.append({"language": language, "text": text, "length": sms_length(text)})
        else:
            message = build_message(_sample_invitation(survey, language), example_token)
            html = next((body for body, kind in message.alternatives if kind == "text/html"), "")
            previews.append(
                {
                    "language": language,
                    "subject": message.subject,
                    "text": message.body,
                    "html": html,
                }
            )
    return render(
        request,
        "distribution/campaigns/preview.html",
        _context(membership, survey=survey, channel=channel, previews=previews),
    )


@login_required
@require_POST
def campaign_test_send(request: HttpRequest, workspace_id: int) -> HttpResponse:
    """Mail the invitation to the signed-in person, in the chosen language, right now.

    Its links carry a random token that belongs to no invitation, so answering it records nothing.
    """
    membership = membership_or_404(request.user, workspace_id, "edit")
    survey = _survey_or_404(workspace_id, request.POST.get("survey"))
    language = request.POST.get("language") or survey.default_language
    if language not in survey.all_languages:
        language = survey.default_language
    user: Any = request.user
    invitation = _sample_invitation(survey, language, user.email, getattr(user, "name", ""))
    message = build_message(invitation, secrets.token_urlsafe(24))
    message.subject = _("[Test] %(subject)s") % {"subject": message.subject}
    message.extra_headers.pop("Message-ID", None)
    try:
        message.connection = get_connection(fail_silently=False)
        message.send()
    except Exception as problem:  # the page says what the mail server answered
        return render(
            request,
            "distribution/campaigns/test_sent.html",
            _context(membership, survey=survey, error=str(problem), email=user.email),
            status=502,
        )
    return render(
        request,
        "distribution/campaigns/test_sent.html",
        _context(membership, survey=survey, error="", email=user.email),
    )


def _campaign_or_404(workspace_id: int, campaign_id: int) -> Campaign:
    return get_object_or_404(
        Campaign.objects.select_related("survey"), workspace_id=workspace_id, pk=campaign_id
    )


@login_required
def campaign_detail(request: HttpRequest, workspace_id: int, campaign_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "view")
    campaign = _campaign_or_404(workspace_id, campaign_id)
    info = summary(campaign)
    cancellable = campaign.status in (CampaignStatus.SCHEDULED, CampaignStatus.SENDING)
    return render(
        request,
        "distribution/campaigns/detail.html",
        _context(membership, campaign=campaign, info=info, cancellable=cancellable),
    )


@login_required
@require_POST
def campaign_cancel(request: HttpRequest, workspace_id: int, campaign_id: int) -> HttpResponse:
    membership_or_404(request.user, workspace_id, "edit")
    campaign = _campaign_or_404(workspace_id, campaign_id)
    if campaign.status in (CampaignStatus.SCHEDULED, CampaignStatus.SENDING):
        cancel_campaign(campaign)
    return redirect("distribution:campaign", workspace_id=workspace_id, campaign_id=campaign.pk)
