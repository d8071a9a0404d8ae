"""Who hears about the demo's answers: alert rules, a response webhook and a monthly report.

Everything is created with the apps' own actions (opennps.alerts.actions, opennps.reports.actions)
after the answers are stored, so no answer of the history is checked against a rule: loading
queues no alert, digest or webhook. In the running demo a new answer (from a kiosk link, say) is
checked like any other; alerts go to the demo's members (console e-mail unless OPENNPS_SMTP_URL
is set).

Nothing here can make the worker post to the internet: the webhook endpoint and the webhook rule
point at `.invalid` hosts (a name that never resolves, RFC 2606) and are switched off; their log
rows are finished work, which no worker claims again.
"""

from __future__ import annotations

import random
import secrets
from datetime import datetime, timedelta

from opennps.accounts.models import User, Workspace
from opennps.alerts.actions import RuleSpec, create_endpoint, create_rule
from opennps.alerts.messages import response_payload
from opennps.alerts.models import AlertMode, AlertRule, WebhookDelivery, WebhookEndpoint
from opennps.alerts.webhooks import serialise
from opennps.demo.timestamps import explicit_timestamps
from opennps.reports.actions import create_report
from opennps.reports.models import Frequency, ReportDelivery, ScheduledReport
from opennps.reports.schedule import due_at, latest_due_period, preceding, recent_periods
from opennps.responses.models import Response
from opennps.surveys.models import Survey
from opennps.work.models import WorkStatus

# Phrases of the demo's churn comments in each of its languages (whole words, as rules match).
CHURN_WORDS = [
    "switching to another operator",
    "I will leave",
    "другому оператору",
    "уйду",
    "басқа операторға",
    "кетемін",
    "друг оператор",
    "ще си тръгна",
    "我在考虑换别的运营商",
]
CRM_WEBHOOK = "https://crm.aurora.invalid/webhooks/opennps"
CRM_ALERT_WEBHOOK = "https://crm.aurora.invalid/webhooks/opennps-alerts"
# The CRM trial: connected for three days, a fortnight ago, then switched off.
CRM_TRIAL_START = timedelta(days=17)
CRM_TRIAL_LENGTH = timedelta(days=3)
# Every so many deliveries the CRM first answered 503, and took the retry.
CRM_BUSY_EVERY = 12
REPORT_HISTORY = 6  # monthly reports sent before the load
REPORT_SENDING_TIME = timedelta(minutes=2)


def create_alert_rules(
    workspace: Workspace, surveys: list[Survey], owner: User, analyst: User, now: datetime
) -> list[AlertRule]:
    """The customer workspace's rules, created "now": no earlier answer was alerted about."""
    customer_surveys = sorted(survey.pk for survey in surveys)
    specs = [
        RuleSpec(
            name="Detractor — e-mail the account owner immediately",
            conditions={"class": ["detractor"], "survey": customer_surveys},
            recipients=[owner],
            email_account_owner=True,
        ),
        RuleSpec(
            name="Price complaints (driver price) — daily digest",
            conditions={"class": ["detractor", "passive"], "drivers": ["price"]},
            mode=AlertMode.DIGEST,
            recipients=[analyst],
        ),
        RuleSpec(
            name="Churn words — tell the retention team at once",
            conditions={"words": CHURN_WORDS, "survey": customer_surveys},
            recipients=[owner, analyst],
        ),
        RuleSpec(
            name="High spenders who detract — to the CRM",
            conditions={"class": ["detractor"], "attributes": {"spend_band": "high"}},
            enabled=False,
            webhook_url=CRM_ALERT_WEBHOOK,
            webhook_secret=secrets.token_urlsafe(24),
        ),
    ]
    rules = [create_rule(workspace, owner, spec) for spec in specs]
    AlertRule.objects.filter(pk__in=[rule.pk for rule in rules]).update(
        created_at=now, updated_at=now
    )
    return rules


def connect_crm_trial(workspace: Workspace, now: datetime, seed: int) -> WebhookEndpoint:
    """A response webhook that ran for a three-day CRM trial, with its delivery log, now off."""
    started = now - CRM_TRIAL_START
    ended = started + CRM_TRIAL_LENGTH
    endpoint = create_endpoint(
        workspace,
        url=CRM_WEBHOOK,
        secret=secrets.token_urlsafe(24),
        events=["response.created"],
        enabled=False,
    )
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(created_at=started)
    rng = random.Random(f"{seed}:webhooks")
    answers = (
        Response.objects.filter(workspace=workspace, created_at__gte=started, created_at__lt=ended)
        .select_related("contact", "version")
        .order_by("created_at", "pk")
    )
    deliveries = [
        _delivered(endpoint, answer, rng, busy=index % CRM_BUSY_EVERY == CRM_BUSY_EVERY // 4)
        for index, answer in enumerate(answers)
    ]
    with explicit_timestamps(WebhookDelivery):
        WebhookDelivery.objects.bulk_create(deliveries)
    return endpoint


def _delivered(
    endpoint: WebhookEndpoint, answer: Response, rng: random.Random, *, busy: bool
) -> WebhookDelivery:
    """The finished delivery of one answer, with the attempts the worker would have logged."""
    queued = answer.created_at
    attempts = [(queued + timedelta(seconds=rng.uniform(1, 4)), 200, '{"received": true}')]
    if busy:
        attempts.insert(0, (attempts[0][0], 503, "Service Unavailable"))
        attempts[1] = (attempts[0][0] + timedelta(seconds=rng.uniform(30, 90)), 200, attempts[1][2])
    last_at, status, excerpt = attempts[-1]
    return WebhookDelivery(
        workspace_id=endpoint.workspace_id,
        endpoint=endpoint,
        event="response.created",
        url=endpoint.url,
        body=serialise({"event": "response.created", "response": response_payload(answer)}),
        status=WorkStatus.DONE,
        attempts=len(attempts),
        next_attempt_at=attempts[0][0],
        finished_at=last_at,
        status_code=status,
        response_excerpt=excerpt,
        attempt_log=[
            {"at": at.isoformat(), "status": code, "excerpt": text} for at, code, text in attempts
        ],
        created_at=queued,
        delivered_at=last_at,
    )


def schedule_monthly_report(
    workspace: Workspace, recipients: list[User], owner: User, now: datetime
) -> ScheduledReport:
    """A monthly report of the whole workspace, its last months sent and the next one queued."""
    report = create_report(
        workspace, owner, frequency=Frequency.MONTHLY, recipients=recipients, language="en"
    )
    periods = recent_periods(
        latest_due_period(Frequency.MONTHLY, now), Frequency.MONTHLY, REPORT_HISTORY
    )
    # Each period's delivery was queued when the one before it went out.
    queued = [due_at(preceding(periods[0], Frequency.MONTHLY)), *map(due_at, periods[:-1])]
    sent = [
        ReportDelivery(
            report=report,
            period_start=period.start,
            period_end=period.end,
            status=WorkStatus.DONE,
            attempts=1,
            next_attempt_at=due_at(period),
            finished_at=due_at(period) + REPORT_SENDING_TIME,
            sent_at=due_at(period) + REPORT_SENDING_TIME,
            recipient_count=len(recipients),
            created_at=queued_at,
        )
        for period, queued_at in zip(periods, queued, strict=True)
    ]
    with explicit_timestamps(ReportDelivery):
        ReportDelivery.objects.bulk_create(sent)
    ScheduledReport.objects.filter(pk=report.pk).update(
        created_at=queued[0], last_sent_at=sent[-1].sent_at
    )
    return report
