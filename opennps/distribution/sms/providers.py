"""SMS providers: one interface, two real implementations, chosen per workspace or by settings.

- `TwilioProvider` POSTs a form to {base}/2010-04-01/Accounts/{sid}/Messages.json with HTTP basic
  auth (Twilio, and the many providers that copy its API). The base URL is configurable.
- `HttpProvider` makes one request of any shape: URL, method, a body template with {to}, {text}
  and {sender} filled in (JSON-escaped for a JSON body, URL-encoded for a form).

A workspace's own provider URL (SmsSettings) may not point inside our network unless
OPENNPS_WEBHOOK_ALLOW_PRIVATE is true (opennps/work/outbound.py); the operator's OPENNPS_SMS_*
settings are trusted. A 4xx answer means the provider refused this message (bad number, blocked): `SmsRejected`, not
retried. Anything else that is not 2xx, and network errors, raise `SmsTemporaryError` (retried).
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Protocol

from django.conf import settings

from opennps.work.outbound import ForbiddenDestination, check_destination, guarded_opener

TIMEOUT_SECONDS = 15
_guarded = guarded_opener()


class SmsError(Exception):
    """A message the provider did not accept."""


class SmsRejected(SmsError):
    """The provider refused the message for good (4xx)."""


class SmsTemporaryError(SmsError):
    """The provider could not be reached or failed (5xx); a retry may succeed."""


class SmsNotConfigured(SmsError):
    """The workspace has no SMS provider and the settings name none."""


class Provider(Protocol):
    name: str

    def send(self, to: str, text: str) -> str:
        """Send one message; return the provider's message id (or "")."""


def _request(request: urllib.request.Request, guarded: bool = False) -> bytes:
    """Send ``request``. ``guarded`` (a URL a workspace admin typed in) refuses hosts inside our
    network unless OPENNPS_WEBHOOK_ALLOW_PRIVATE is true: SmsRejected, never retried."""
    open_ = _guarded.open if guarded else urllib.request.urlopen
    try:
        if guarded:
            check_destination(request.full_url)
        with open_(request, timeout=TIMEOUT_SECONDS) as answer:
            return answer.read()
    except ForbiddenDestination as error:
        raise SmsRejected(error.message) from error
    except urllib.error.HTTPError as error:
        detail = error.read()[:300].decode("utf-8", "replace")
        if 400 <= error.code < 500 and error.code != 429:
            raise SmsRejected(f"provider answered {error.code}: {detail}") from error
        raise SmsTemporaryError(f"provider answered {error.code}: {detail}") from error
    except (urllib.error.URLError, OSError) as error:
        raise SmsTemporaryError(f"provider unreachable: {error}") from error


@dataclass
class TwilioProvider:
    account_sid: str
    auth_token: str
    sender: str
    base_url: str = "https://api.twilio.com"
    name: str = "twilio"
    guarded: bool = False  # True for a workspace's own settings (see _request)

    def send(self, to: str, text: str) -> str:
        sid = urllib.parse.quote(self.account_sid, safe="")
        url = f"{self.base_url.rstrip('/')}/2010-04-01/Accounts/{sid}/Messages.json"
        body = urllib.parse.urlencode({"To": to, "From": self.sender, "Body": text}).encode()
        credentials = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        request = urllib.request.Request(  # noqa: S310 (the URL comes from the admin's settings)
            url,
            data=body,
            method="POST",
            headers={
                "Authorization": f"Basic {credentials}",
                "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                "Accept": "application/json",
            },
        )
        answer = _request(request, self.guarded)
        try:
            return str(json.loads(answer).get("sid", ""))
        except (ValueError, AttributeError):
            return ""


def fill_template(template: str, values: dict[str, str], content_type: str) -> str:
    """The body with {name} replaced, each value escaped for the body's format."""
    body = template
    for name, value in values.items():
        if "json" in content_type:
            escaped = json.dumps(value, ensure_ascii=False)[1:-1]
        elif "x-www-form-urlencoded" in content_type:
            escaped = urllib.parse.quote_plus(value)
        else:
            escaped = value
        body = body.replace("{" + name + "}", escaped)
    return body


@dataclass
class HttpProvider:
    url: str
    body_template: str
    method: str = "POST"
    content_type: str = "application/json"
    sender: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    name: str = "http"
    guarded: bool = False  # True for a workspace's own settings (see _request)

    def send(self, to: str, text: str) -> str:
        values = {"to": to, "text": text, "sender": self.sender}
        method = (self.method or "POST").upper()
        url = self.url
        data = None
        if method == "GET":
            url = fill_template(url, values, "application/x-www-form-urlencoded")
        else:
            data = fill_template(self.body_template, values, self.content_type).encode()
        request = urllib.request.Request(  # noqa: S310 (the URL comes from the admin's settings)
            url,
            data=data,
            method=method,
            headers={"Content-Type": f"{self.content_type}; charset=utf-8", **self.headers},
        )
        _request(request, self.guarded)
        return ""


def provider_for(workspace_id: int) -> Provider:
    """The workspace's provider (SmsSettings), else the one the OPENNPS_SMS_* settings name."""
    from opennps.distribution.models import SmsSettings

    row = SmsSettings.objects.filter(workspace_id=workspace_id).first()
    if row is not None:
        if row.provider == "twilio":
            return TwilioProvider(
                row.account_sid,
                row.auth_token,
                row.sender,
                row.base_url or "https://api.twilio.com",
                guarded=True,
            )
        return HttpProvider(
            row.http_url,
            row.http_body_template,
            row.http_method,
            row.http_content_type,
            row.sender,
            dict(row.http_headers or {}),
            guarded=True,
        )
    kind = getattr(settings, "OPENNPS_SMS_PROVIDER", "")
    sender = getattr(settings, "OPENNPS_SMS_SENDER", "")
    if kind == "twilio":
        return TwilioProvider(
            settings.OPENNPS_SMS_ACCOUNT_SID,
            settings.OPENNPS_SMS_AUTH_TOKEN,
            sender,
            settings.OPENNPS_SMS_BASE_URL,
        )
    if kind == "http":
        return HttpProvider(
            settings.OPENNPS_SMS_HTTP_URL,
            settings.OPENNPS_SMS_HTTP_BODY,
            settings.OPENNPS_SMS_HTTP_METHOD,
            settings.OPENNPS_SMS_HTTP_CONTENT_TYPE,
            sender,
        )
    raise SmsNotConfigured(
        "no SMS provider: set OPENNPS_SMS_PROVIDER or the workspace's SMS settings"
    )


def sms_configured(workspace_id: int) -> bool:
    from opennps.distribution.models import SmsSettings

    return bool(
        getattr(settings, "OPENNPS_SMS_PROVIDER", "")
        or SmsSettings.objects.filter(workspace_id=workspace_id).exists()
    )
