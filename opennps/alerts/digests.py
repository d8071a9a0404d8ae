"""Daily digests: one e-mail per digest rule per day, listing the day's matching answers.

Like scheduled reports, the queue row itself is the schedule: a (rule, day) row is created with
the day's first match and is due the next morning, so a quiet day costs nothing and a day is
never sent twice.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from opennps.alerts.evaluation import language_of, recipients_of
from opennps.alerts.messages import digest_text
from opennps.alerts.models import AlertDigest, WebhookEvent
from opennps.alerts.webhooks import queue_delivery
from opennps.responses.models import Response
from opennps.work.email import queue_email


def send_digest(digest: AlertDigest) -> None:
    """Handler of the "alert_digests" queue; safe to run twice for the same digest."""
    digest = AlertDigest.objects.select_related("rule__workspace").get(pk=digest.pk)
    rule = digest.rule
    if digest.sent_at is not None:
        return
    responses = list(
        Response.objects.filter(pk__in=digest.matches.values("response_id"))
        .select_related("survey", "contact__account")
        .order_by("created_at", "pk")
    )
    with transaction.atomic():
        # The conditional update is the once-only gate: a second worker finds sent_at set.
        if not AlertDigest.objects.filter(pk=digest.pk, sent_at__isnull=True).update(
            sent_at=timezone.now()
        ):
            return
        if not responses or not rule.enabled:  # all deleted meanwhile, or the rule was paused
            return
        for user in recipients_of(rule):
            message = digest_text(rule, responses, digest.day, language_of(user, rule))
            queue_email([user.email], message.subject, message.text)
        if rule.chat_webhook_url:
            message = digest_text(rule, responses, digest.day, rule.workspace.default_language)
            queue_delivery(
                rule.workspace_id,
                rule.chat_webhook_url,
                WebhookEvent.CHAT,
                {"text": f"{message.subject}\n\n{message.text}"},
                rule=rule,
                signed=False,
            )
