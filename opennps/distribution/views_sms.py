"""The workspace SMS settings page: /w/<workspace id>/sms/ (admins and owners; others 404).

It chooses the provider, sends a test message through the real provider code, and shows the
inbound webhook URLs to give the provider so replies like "9" record a score.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from opennps.accounts.scoping import membership_or_404
from opennps.distribution.models import SmsSettings
from opennps.distribution.sms.inbound import PROVIDERS, inbound_token
from opennps.distribution.sms.providers import sms_configured
from opennps.distribution.sms.settings_form import (
    NO_PROVIDER,
    SmsError,
    SmsSettingsForm,
    save_sms_settings,
    send_test_sms,
)

PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{4,30}$")


def inbound_urls(workspace_id: int) -> list[tuple[str, str]]:
    """(provider, the full URL the provider posts replies to)."""
    token = inbound_token(workspace_id)
    return [
        (
            provider,
            settings.BASE_URL.rstrip("/")
            + reverse("distribution:sms_inbound", args=[provider, token]),
        )
        for provider in PROVIDERS
    ]


def _page(
    request: HttpRequest, membership: Any, form: SmsSettingsForm, status: int = 200, **extra: Any
) -> HttpResponse:
    saved = SmsSettings.objects.filter(workspace_id=membership.workspace_id).first()
    context = {
        "membership": membership,
        "workspace": membership.workspace,
        "nav_section": "campaigns",
        "form": form,
        "saved": saved,
        "token_saved": bool(saved and saved.auth_token),
        "configured": sms_configured(membership.workspace_id),
        "inbound_urls": inbound_urls(membership.workspace_id),
        "test_number": "",
        "test_error": "",
        "test_sent": False,
        **extra,
    }
    return render(request, "distribution/sms_settings.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def sms_settings(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "manage")
    saved = SmsSettings.objects.filter(workspace_id=workspace_id).first()
    initial = None if saved else {"provider": NO_PROVIDER}
    if request.method == "POST":
        form = SmsSettingsForm(request.POST, saved=saved)
        if form.is_valid():
            save_sms_settings(membership.workspace, form.cleaned_data)
            return redirect(reverse("distribution:sms_settings", args=[workspace_id]) + "?saved=1")
        return _page(request, membership, form, status=400)
    form = SmsSettingsForm(saved=saved, **({"initial": initial} if initial else {}))
    return _page(request, membership, form, just_saved=request.GET.get("saved") == "1")


@login_required
@require_POST
def sms_test(request: HttpRequest, workspace_id: int) -> HttpResponse:
    """Send one test message to the number typed in, through the saved provider, right now."""
    membership = membership_or_404(request.user, workspace_id, "manage")
    saved = SmsSettings.objects.filter(workspace_id=workspace_id).first()
    form = SmsSettingsForm(saved=saved, initial=None if saved else {"provider": NO_PROVIDER})
    number = request.POST.get("to", "").strip()
    if not PHONE.match(number):
        return _page(
            request,
            membership,
            form,
            test_number=number[:40],
            test_error=_("Enter a phone number, e.g. +15551234567."),
            status=400,
        )
    text = _("Test message from OpenNPS (%(workspace)s): SMS sending works.") % {
        "workspace": membership.workspace.name
    }
    try:
        send_test_sms(membership.workspace, number, text)
    except SmsError as problem:
        return _page(
            request, membership, form, test_number=number, test_error=str(problem), status=502
        )
    return _page(request, membership, form, test_number=number, test_sent=True)
