"""Hearing about answers: queue a check of the alert rules and the response webhooks.

Rules on drivers or watched themes are checked again when the comment's analysis is stored
(on_comment_analysed).

Called inside the transaction that writes the response (opennps/responses/events.py), so this
only queues rows; the worker evaluates and sends. A deleted response's webhook body is written
now, while the row still exists.
"""

from __future__ import annotations

from django.db import connection

from opennps.alerts.conditions import needs_analysis
from opennps.alerts.messages import response_payload
from opennps.alerts.models import AlertCheck, AlertRule, WebhookEndpoint
from opennps.alerts.webhooks import queue_delivery
from opennps.comments.models import CommentAnalysis
from opennps.responses.events import ResponseEvent
from opennps.responses.models import Response

# Only these changes can turn an answer into a match (class follows the score).
ALERTING_FIELDS = frozenset({"score", "comment"})


def on_response_event(response: Response, event: ResponseEvent, changed: frozenset[str]) -> None:
    may_match = event == ResponseEvent.CREATED or (
        event == ResponseEvent.UPDATED and bool(changed & ALERTING_FIELDS)
    )
    has_rules, has_endpoints = _what_workspace_uses(response.workspace_id)
    if may_match and has_rules:
        AlertCheck.objects.create(response=response)
    if has_endpoints:
        queue_response_webhooks(response, event)


def _what_workspace_uses(workspace_id: int) -> tuple[bool, bool]:
    """(any enabled alert rule, any enabled webhook endpoint), in one query: it runs for every
    answer, inside the answer's transaction, and most workspaces have neither. Plain SQL: the
    ORM spends longer building this statement than the database spends running it."""
    rules, endpoints = AlertRule._meta.db_table, WebhookEndpoint._meta.db_table
    # Table names come from the models; the workspace id travels as a parameter.
    sql = (
        f"SELECT EXISTS(SELECT 1 FROM {rules} WHERE workspace_id = %s AND enabled), "  # noqa: S608
        f"EXISTS(SELECT 1 FROM {endpoints} WHERE workspace_id = %s AND enabled)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [workspace_id, workspace_id])
        has_rules, has_endpoints = cursor.fetchone()
    return bool(has_rules), bool(has_endpoints)


def queue_response_webhooks(response: Response, event: ResponseEvent) -> None:
    name = f"response.{event.value}"
    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(
            workspace_id=response.workspace_id, enabled=True
        )
        if name in endpoint.events
    ]
    if not endpoints:
        return
    payload = {"event": name, "response": response_payload(response)}
    for endpoint in endpoints:
        queue_delivery(response.workspace_id, endpoint.url, name, payload, endpoint=endpoint)


def on_comment_analysed(analysis: CommentAnalysis) -> None:
    """The comment's drivers and theme matches are known now: queue a check of the rules that
    need them."""
    rules = AlertRule.objects.filter(workspace_id=analysis.workspace_id, enabled=True)
    if any(needs_analysis(conditions) for conditions in rules.values_list("conditions", flat=True)):
        AlertCheck.objects.create(response_id=analysis.response_id, after_analysis=True)
