"""The worker's side of alert rules: check an answer against them and tell whom the rule names.

A match row per (rule, response) is written before anything is sent, in the same transaction as
the mail and webhook rows: a rule alerts about an answer once, however often it changes, and a
failing mail server or receiver is retried by its own row without re-sending the rest.
"""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from opennps.accounts.models import User
from opennps.alerts.conditions import matches, needs_analysis
from opennps.alerts.messages import alert_payload, alert_text
from opennps.alerts.models import (
    AlertCheck,
    AlertDigest,
    AlertMatch,
    AlertMode,
    AlertRule,
    WebhookEvent,
)
from opennps.alerts.webhooks import queue_delivery
from opennps.cases.opening import account_owner
from opennps.comments.models import AnalysisTask, CommentAnalysis, CommentThemeMatch
from opennps.responses.models import Response
from opennps.work.email import queue_email

# The hour (server time) at which yesterday's digests go out.
DIGEST_HOUR = 7


def answer_facts(response: Response, *, with_themes: bool = True) -> dict[str, object]:
    """What the conditions test. The watched themes the comment is like are looked up only
    `with_themes` (some rule names themes)."""
    analysis = CommentAnalysis.objects.filter(response=response).only("drivers").first()
    return {
        "nps_class": response.nps_class,
        "score": response.score,
        "survey_id": response.survey_id,
        "attributes": response.attributes,
        "comment": response.comment,
        "drivers": list(analysis.drivers) if analysis else [],
        "themes": list(
            CommentThemeMatch.objects.filter(analysis=analysis).values_list("theme_id", flat=True)
        )
        if analysis and with_themes
        else [],
        "analysed": analysis is not None
        and not AnalysisTask.objects.filter(response=response, status="pending").exists(),
    }


def decides(rule: AlertRule, check: AlertCheck, facts: dict[str, object]) -> bool:
    """Whether this check may decide `rule`. A rule on drivers or watched themes waits for the
    comment's analysis (the theme matches are stored with it): a check queued by the analysis
    decides it, and so does a check of a later change when the analysis is current. Other rules
    are decided when the answer is written, as before."""
    if not needs_analysis(rule.conditions):
        return not check.after_analysis
    return check.after_analysis or bool(facts["analysed"])


def recipients_of(rule: AlertRule) -> list[User]:
    """Chosen members who are still active members of the rule's workspace."""
    return list(
        User.objects.filter(
            pk__in=rule.email_recipients.values("pk"),
            memberships__workspace_id=rule.workspace_id,
            is_active=True,
        ).order_by("email")
    )


def account_owner_of(rule: AlertRule, response: Response) -> User | None:
    """The answering contact's account owner, when the rule asks for them and they are an active
    member of the rule's workspace; never for anonymous (eNPS) answers."""
    if not rule.email_account_owner or response.survey.is_anonymous:
        return None
    members = User.objects.filter(memberships__workspace_id=rule.workspace_id, is_active=True)
    return account_owner(response.contact, members)


def language_of(user: User, rule: AlertRule) -> str:
    return user.language or rule.workspace.default_language or settings.LANGUAGE_CODE


def digest_due_at(day: date) -> datetime:
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return datetime.combine(day + timedelta(days=1), time(DIGEST_HOUR), tzinfo=zone)


def digest_for(rule: AlertRule, day: date) -> AlertDigest:
    """The day's digest row of `rule`, created if needed (two workers at once: the unique
    (rule, day) row decides)."""
    try:
        with transaction.atomic():
            digest, _created = AlertDigest.objects.get_or_create(
                rule=rule, day=day, defaults={"next_attempt_at": digest_due_at(day)}
            )
    except IntegrityError:
        digest = AlertDigest.objects.get(rule=rule, day=day)
    return digest


def _tell_account_owner(rule: AlertRule, response: Response, told: list[User]) -> None:
    """The account owner hears of each answer of their account at once, also for digest rules:
    a digest lists every matching answer for the rule's members, not one account's. `told`: the
    members who get this match's message anyway."""
    owner = account_owner_of(rule, response)
    if owner is None:
        return
    if owner.pk in {user.pk for user in told}:
        return  # already told as a named recipient
    message = alert_text(rule, response, language_of(owner, rule))
    queue_email([owner.email], message.subject, message.text)


def _tell(rule: AlertRule, response: Response, recipients: list[User]) -> None:
    """Queue the immediate messages of one match."""
    for user in recipients:
        message = alert_text(rule, response, language_of(user, rule))
        queue_email([user.email], message.subject, message.text)
    if rule.chat_webhook_url:
        message = alert_text(rule, response, rule.workspace.default_language)
        chat = {"text": f"{message.subject}\n\n{message.text}"}
        queue_delivery(
            rule.workspace_id,
            rule.chat_webhook_url,
            WebhookEvent.CHAT,
            chat,
            rule=rule,
            signed=False,
        )


def record_match(rule: AlertRule, response: Response) -> AlertMatch | None:
    """Record that `response` met `rule` and queue what the rule does; None if it was recorded
    before (nothing is queued then)."""
    try:
        with transaction.atomic():
            match = AlertMatch.objects.create(rule=rule, response=response)
            if rule.webhook_url:
                # Machines get every match at once, also for digest rules.
                queue_delivery(
                    rule.workspace_id,
                    rule.webhook_url,
                    WebhookEvent.ALERT,
                    alert_payload(rule, response),
                    rule=rule,
                )
            immediate = rule.mode == AlertMode.IMMEDIATE
            recipients = recipients_of(rule) if immediate else []
            _tell_account_owner(rule, response, recipients)
            if immediate:
                _tell(rule, response, recipients)
            else:
                match.digest = digest_for(rule, timezone.localdate())
                match.save(update_fields=["digest"])
    except IntegrityError:
        return None
    return match


def check_response(check: AlertCheck) -> None:
    """Handler of the "alert_checks" queue: test the response against every enabled rule of its
    workspace as it is now (a comment added since the answer counts; rules on drivers and themes
    see the stored analysis, see `decides`). Safe to run twice."""
    response = (
        Response.objects.select_related("survey", "contact__account", "workspace")
        .filter(pk=check.response_id)
        .first()
    )
    if response is None:  # deleted meanwhile: nothing to tell
        return
    already = set(AlertMatch.objects.filter(response=response).values_list("rule_id", flat=True))
    rules = list(
        AlertRule.objects.filter(workspace_id=response.workspace_id, enabled=True)
        .select_related("workspace")
        .exclude(pk__in=already)
    )
    if not rules:
        return
    facts = answer_facts(response, with_themes=any("themes" in r.conditions for r in rules))
    for rule in rules:
        if decides(rule, check, facts) and matches(rule.conditions, facts):
            record_match(rule, response)
