"""The team's pages for these channels: widget settings, kiosks, phone entry, QR codes.

Scoped by membership: other workspaces' objects answer 404. Creating kiosks, changing the widget
and recording interviews need the `edit` ability (owners, admins, analysts); QR codes of an open
link only `view`.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from opennps.accounts.scoping import membership_or_404
from opennps.channels_web.forms import KioskForm, PhoneInterviewForm, WidgetSettingsForm
from opennps.channels_web.models import Kiosk, WidgetSettings
from opennps.channels_web.phone import contact_from_entry, record_phone_interview, search_contacts
from opennps.channels_web.qr import CONTENT_TYPES, qr_code
from opennps.contacts.actions import ContactError
from opennps.distribution.models import Channel
from opennps.responses.models import Response
from opennps.surveys.models import Survey

EDIT_OR_VIEW = ("GET", "HEAD", "POST")


def _qr_response(url: str, fmt: str, name: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404
    response = HttpResponse(qr_code(url, fmt), content_type=CONTENT_TYPES[fmt])
    response.headers["Content-Disposition"] = f'inline; filename="{name}.{fmt}"'
    return response


@login_required
@require_safe
def survey_qr(request: HttpRequest, workspace_id: int, survey_id: int, fmt: str) -> HttpResponse:
    """The QR code of the survey's open link."""
    membership_or_404(request.user, workspace_id, "view")
    survey = get_object_or_404(Survey, pk=survey_id, workspace_id=workspace_id)
    return _qr_response(f"{settings.BASE_URL}/s/{survey.public_id}", fmt, f"survey-{survey.pk}")


def kiosk_url(kiosk: Kiosk) -> str:
    return settings.BASE_URL + reverse("channels_web:kiosk", args=[kiosk.token])


@login_required
@require_safe
def kiosk_qr(request: HttpRequest, workspace_id: int, kiosk_id: int, fmt: str) -> HttpResponse:
    """The QR code of a kiosk's address, to open it on the tablet without typing the token."""
    membership_or_404(request.user, workspace_id, "edit")
    kiosk = get_object_or_404(Kiosk, pk=kiosk_id, workspace_id=workspace_id)
    return _qr_response(kiosk_url(kiosk), fmt, f"kiosk-{kiosk.pk}")


@login_required
@require_http_methods(EDIT_OR_VIEW)
def kiosk_list(request: HttpRequest, workspace_id: int) -> HttpResponse:
    """The workspace's kiosks and a form to add one."""
    membership = membership_or_404(request.user, workspace_id, "edit")
    workspace = membership.workspace
    form = KioskForm(request.POST or None, workspace=workspace)
    if request.method == "POST" and form.is_valid():
        kiosk = form.save(commit=False)
        kiosk.workspace = workspace
        kiosk.save()
        messages.success(request, _("Kiosk %(location)s created.") % {"location": kiosk.location})
        return redirect("channels_web:kiosks", workspace_id)
    kiosks = [
        {"kiosk": kiosk, "url": kiosk_url(kiosk)}
        for kiosk in Kiosk.objects.filter(workspace=workspace).select_related("survey")
    ]
    return render(
        request,
        "channels_web/kiosks.html",
        {"workspace": workspace, "membership": membership, "form": form, "kiosks": kiosks},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def kiosk_toggle(request: HttpRequest, workspace_id: int, kiosk_id: int) -> HttpResponse:
    """Switch a kiosk off (its link stops working at once) or on again."""
    membership_or_404(request.user, workspace_id, "edit")
    kiosk = get_object_or_404(Kiosk, pk=kiosk_id, workspace_id=workspace_id)
    kiosk.active = not kiosk.active
    kiosk.save(update_fields=["active"])
    return redirect("channels_web:kiosks", workspace_id)


def widget_snippet(survey: Survey) -> str:
    return f'<script async src="{settings.BASE_URL}/w/{survey.public_id}.js"></script>'


@login_required
@require_http_methods(EDIT_OR_VIEW)
def widget_settings(request: HttpRequest, workspace_id: int, survey_id: int) -> HttpResponse:
    """Where the survey may appear as a widget, and when it asks; shows the snippet to paste."""
    membership = membership_or_404(request.user, workspace_id, "edit")
    survey = get_object_or_404(Survey, pk=survey_id, workspace_id=workspace_id)
    widget = WidgetSettings.objects.filter(survey=survey).first() or WidgetSettings(
        survey=survey, enabled=False
    )
    form = WidgetSettingsForm(request.POST or None, instance=widget)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Widget settings saved."))
        return redirect("channels_web:widget_settings", workspace_id, survey_id)
    return render(
        request,
        "channels_web/widget_settings.html",
        {
            "workspace": membership.workspace,
            "membership": membership,
            "survey": survey,
            "form": form,
            "snippet": widget_snippet(survey),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(EDIT_OR_VIEW)
def phone_entry(request: HttpRequest, workspace_id: int) -> HttpResponse:
    """Record a phone interview: find or type the contact, the score and the answers."""
    membership = membership_or_404(request.user, workspace_id, "edit")
    workspace = membership.workspace
    query = request.GET.get("q", "")[:200]
    form = PhoneInterviewForm(
        request.POST or None,
        workspace=workspace,
        initial={"contact": request.GET.get("contact") or None},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            contact = data["contact"] or contact_from_entry(workspace, form.new_contact_fields())
        except ContactError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            record_phone_interview(
                data["survey"],
                contact,
                score=data["score"],
                interviewer=request.user,
                comment=data["comment"],
                third_answer=data["third_answer"],
            )
            messages.success(request, _("Interview with %(contact)s saved.") % {"contact": contact})
            return redirect("channels_web:phone", workspace_id)
    chosen_id = form["contact"].value()
    chosen = (
        workspace.contacts.filter(pk=chosen_id).first() if str(chosen_id or "").isdigit() else None
    )
    recent = (
        Response.objects.filter(
            workspace=workspace, channel=Channel.PHONE, interviewer=request.user
        )
        .select_related("contact", "survey")
        .order_by("-created_at")[:10]
    )
    return render(
        request,
        "channels_web/phone.html",
        {
            "workspace": workspace,
            "membership": membership,
            "form": form,
            "query": query,
            "results": search_contacts(workspace, query) if query else [],
            "chosen": chosen,
            "recent": recent,
        },
        status=400 if form.errors else 200,
    )
