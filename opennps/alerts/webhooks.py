"""Outgoing webhooks: signed JSON bodies, posted by the worker with retries and a log of attempts.

Receivers check `X-OpenNPS-Signature: sha256=<hex>`, the HMAC-SHA256 of the raw body with the
shared secret (docs/alerts.md shows how). Only http(s) URLs are accepted, redirects are not
followed (a redirect could lead the signed body elsewhere), hosts inside our own network are
refused unless OPENNPS_WEBHOOK_ALLOW_PRIVATE is true (opennps/work/outbound.py), and every
request gives up after 10 seconds.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext as _

from opennps.accounts.models import Workspace
from opennps.alerts.conditions import RuleError
from opennps.alerts.models import AlertRule, WebhookDelivery, WebhookEndpoint
from opennps.work.outbound import ForbiddenDestination, check_destination, guarded_opener
from opennps.work.registry import PermanentFailure

TIMEOUT_SECONDS = 10
SIGNATURE_HEADER = "X-OpenNPS-Signature"
EXCERPT_LENGTH = 500
MAX_LOGGED_ATTEMPTS = 20


def check_webhook_url(url: str, field: str) -> str:
    """`url` if it is an http(s) URL whose host is not inside our network (see
    opennps.work.outbound); else RuleError naming `field`."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RuleError(field, _("Must be a full URL starting with https:// or http://."))
    try:
        check_destination(url.strip())
    except ForbiddenDestination as error:
        raise RuleError(field, error.message) from error
    return url.strip()


def sign(secret: str, body: bytes) -> str:
    """The signature header value for `body`: "sha256=" and the hex HMAC-SHA256."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def serialise(payload: dict[str, Any]) -> str:
    return json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=True)


def queue_delivery(
    workspace: Workspace | int,
    url: str,
    event: str,
    payload: dict[str, Any] | str,
    *,
    endpoint: WebhookEndpoint | None = None,
    rule: AlertRule | None = None,
    signed: bool = True,
    resent_from: WebhookDelivery | None = None,
) -> WebhookDelivery:
    """Queue one POST; the body is fixed now (a dict is serialised, a str is kept as it is)."""
    workspace_id = workspace if isinstance(workspace, int) else workspace.pk
    return WebhookDelivery.objects.create(
        workspace_id=workspace_id,
        endpoint=endpoint,
        rule=rule,
        event=event,
        url=url,
        body=payload if isinstance(payload, str) else serialise(payload),
        signed=signed,
        resent_from=resent_from,
    )


def resend(delivery: WebhookDelivery) -> WebhookDelivery:
    """A new delivery of the same body to the same place; the original keeps its log."""
    return queue_delivery(
        delivery.workspace_id,
        delivery.url,
        delivery.event,
        delivery.body,
        endpoint=delivery.endpoint,
        rule=delivery.rule,
        signed=delivery.signed,
        resent_from=delivery,
    )


def _secret_of(delivery: WebhookDelivery) -> str:
    if delivery.endpoint_id:
        return delivery.endpoint.secret
    if delivery.rule_id:
        return delivery.rule.webhook_secret
    return ""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # the 3xx comes back as an HTTPError and is logged like any failure


# Every connection is checked against private addresses, whatever the name resolved to.
_opener = guarded_opener(_NoRedirects)


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    """POST `body`; (status code, start of the response body). Raises OSError when no HTTP
    answer came (refused, timed out, DNS)."""
    check_webhook_url(url, "url")  # rows written before a check existed are refused too
    # The scheme was checked just above: only http(s) reaches urllib.
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
    try:
        with _opener.open(request, timeout=TIMEOUT_SECONDS) as answer:
            return answer.status, answer.read(EXCERPT_LENGTH).decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read(EXCERPT_LENGTH).decode("utf-8", "replace")


def _record(delivery: WebhookDelivery, status: int | None, excerpt: str, error: str = "") -> None:
    entry = {"at": timezone.now().isoformat(), "status": status, "excerpt": excerpt[:200]}
    if error:
        entry["error"] = error[:200]
    log = [*delivery.attempt_log, entry][-MAX_LOGGED_ATTEMPTS:]
    changes: dict[str, Any] = {
        "status_code": status,
        "response_excerpt": excerpt[:EXCERPT_LENGTH],
        "attempt_log": log,
    }
    if status is not None and 200 <= status < 300:
        changes["delivered_at"] = timezone.now()
    WebhookDelivery.objects.filter(pk=delivery.pk).update(**changes)


def deliver_webhook(delivery: WebhookDelivery) -> None:
    """Handler of the "webhook_deliveries" queue: 2xx is success; anything else is retried with
    the worker's backoff until max_attempts, with each attempt's outcome logged on the row."""
    delivery = WebhookDelivery.objects.select_related("endpoint", "rule").get(pk=delivery.pk)
    body = delivery.body.encode()
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "OpenNPS-Webhook/1",
        "X-OpenNPS-Event": delivery.event,
        "X-OpenNPS-Delivery": str(delivery.pk),
    }
    if delivery.signed:
        secret = _secret_of(delivery)
        if not secret:
            _record(delivery, None, "", "no secret")
            raise PermanentFailure("the webhook has no secret to sign with")
        headers[SIGNATURE_HEADER] = sign(secret, body)
    try:
        status, excerpt = post(delivery.url, body, headers)
    except (RuleError, ForbiddenDestination) as error:
        _record(delivery, None, "", error.message)
        raise PermanentFailure(error.message) from error
    except (OSError, ValueError) as error:
        _record(delivery, None, "", repr(error))
        raise
    _record(delivery, status, excerpt)
    if not 200 <= status < 300:
        raise RuntimeError(f"the receiver answered HTTP {status}: {excerpt[:200]}")
