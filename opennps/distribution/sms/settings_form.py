"""The workspace SMS settings form and the two actions behind the page: save, send a test.

The auth token is write-only, like the webhook secret of alerts: the form never shows it, and an
empty field keeps the saved one. Provider URLs must be http(s) and must not point inside our
network (opennps/work/outbound.py) unless OPENNPS_WEBHOOK_ALLOW_PRIVATE is true.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.utils.translation import gettext_lazy as _

from opennps.accounts.models import Workspace
from opennps.distribution.models import SmsSettings
from opennps.distribution.sms.providers import SmsError, provider_for
from opennps.work.outbound import ForbiddenDestination, check_destination

NO_PROVIDER = "none"
PROVIDER_CHOICES = [
    (NO_PROVIDER, _("None (use the server's OPENNPS_SMS_* settings, if any)")),
    ("twilio", _("Twilio-compatible REST API")),
    ("http", _("Generic HTTP request")),
]
METHOD_CHOICES = [("POST", "POST"), ("PUT", "PUT"), ("GET", "GET")]
CONTENT_TYPE_CHOICES = [
    ("application/json", "application/json"),
    ("application/x-www-form-urlencoded", "application/x-www-form-urlencoded"),
    ("text/plain", "text/plain"),
]


def _check_url(url: str) -> str | None:
    """A message saying what is wrong with a provider URL, or None when it may be used."""
    if urlsplit(url).scheme not in ("http", "https"):
        return str(_("The URL must start with https:// or http://."))
    try:
        check_destination(url)
    except ForbiddenDestination as error:
        return error.message
    return None


class SmsSettingsForm(forms.Form):
    provider = forms.ChoiceField(label=_("Provider"), choices=PROVIDER_CHOICES)
    sender = forms.CharField(
        label=_("Sender number or name"),
        required=False,
        max_length=32,
        help_text=_("The From of each message, e.g. +15550001 or an alphanumeric sender id."),
    )
    base_url = forms.URLField(
        label=_("API base URL"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("Twilio-compatible: empty means https://api.twilio.com."),
    )
    account_sid = forms.CharField(label=_("Account SID"), required=False, max_length=100)
    auth_token = forms.CharField(
        label=_("Auth token"),
        required=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Never shown again. Leave empty to keep the saved token."),
    )
    http_url = forms.URLField(
        label=_("Request URL"), required=False, max_length=200, assume_scheme="https"
    )
    http_method = forms.ChoiceField(label=_("Method"), choices=METHOD_CHOICES, initial="POST")
    http_body_template = forms.CharField(
        label=_("Body template"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "{to}, {text} and {sender} are filled in, escaped for the content type. "
            "For GET, put them in the URL instead."
        ),
    )
    http_content_type = forms.ChoiceField(
        label=_("Content type"), choices=CONTENT_TYPE_CHOICES, initial="application/json"
    )

    def __init__(self, *args: Any, saved: SmsSettings | None = None, **kwargs: Any) -> None:
        self.saved = saved
        if saved is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                name: getattr(saved, name)
                for name in self.base_fields
                if name != "auth_token" and hasattr(saved, name)
            }
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        provider = data.get("provider")
        if provider == "twilio":
            self._clean_twilio(data)
        elif provider == "http":
            self._clean_http(data)
        return data

    def _clean_twilio(self, data: dict[str, Any]) -> None:
        if not data.get("account_sid"):
            self.add_error("account_sid", _("A Twilio-compatible provider needs an account SID."))
        has_token = data.get("auth_token") or (
            self.saved is not None and self.saved.provider == "twilio" and self.saved.auth_token
        )
        if not has_token:
            self.add_error("auth_token", _("A Twilio-compatible provider needs an auth token."))
        if not data.get("sender"):
            self.add_error("sender", _("A Twilio-compatible provider needs a sender."))
        if data.get("base_url"):
            problem = _check_url(data["base_url"])
            if problem:
                self.add_error("base_url", problem)

    def _clean_http(self, data: dict[str, Any]) -> None:
        url = data.get("http_url") or ""
        if not url:
            self.add_error("http_url", _("A generic HTTP provider needs a request URL."))
        else:
            problem = _check_url(url)
            if problem:
                self.add_error("http_url", problem)
        # With GET the message travels in the URL; otherwise in the body.
        where = url if data.get("http_method") == "GET" else data.get("http_body_template", "")
        field = "http_url" if data.get("http_method") == "GET" else "http_body_template"
        missing = [name for name in ("{to}", "{text}") if name not in where]
        if url and missing:
            self.add_error(
                field,
                _("Must contain %(names)s, where the number and the message go.")
                % {"names": " ".join(missing)},
            )


def save_sms_settings(workspace: Workspace, data: dict[str, Any]) -> SmsSettings | None:
    """Store the workspace's provider (None when "none" removes it); an empty token keeps the old."""
    if data["provider"] == NO_PROVIDER:
        SmsSettings.objects.filter(workspace=workspace).delete()
        return None
    row = SmsSettings.objects.filter(workspace=workspace).first() or SmsSettings(
        workspace=workspace
    )
    token = data.get("auth_token") or (row.auth_token if row.provider == "twilio" else "")
    row.provider = data["provider"]
    row.sender = data.get("sender", "")
    row.base_url = data.get("base_url", "") if row.provider == "twilio" else ""
    row.account_sid = data.get("account_sid", "") if row.provider == "twilio" else ""
    row.auth_token = token if row.provider == "twilio" else ""
    row.http_url = data.get("http_url", "") if row.provider == "http" else ""
    row.http_method = data.get("http_method") or "POST"
    row.http_body_template = data.get("http_body_template", "") if row.provider == "http" else ""
    row.http_content_type = data.get("http_content_type") or "application/json"
    row.save()
    return row


def send_test_sms(workspace: Workspace, to: str, text: str) -> str:
    """Send one message through the provider the worker would use; the provider's message id.

    Raises SmsError (SmsRejected, SmsTemporaryError, SmsNotConfigured) with the provider's answer.
    """
    return provider_for(workspace.pk).send(to, text)


__all__ = ["SmsError", "SmsSettingsForm", "save_sms_settings", "send_test_sms"]
