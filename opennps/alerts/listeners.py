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
from opennps.responses.prefetch import load_with_survey, loaded_with_survey

# Only these changes can turn an answer into a match (class follows the score).
ALERTING_FIELDS = frozenset({"score", "comment"})
# What load_what_workspaces_use_with_surveys() has loaded with each survey written to.
RULES_IN_USE, ENDPOINTS_IN_USE = "alerts_rules_in_use", "alerts_endpoints_in_use"


def on_response_event(response: Response, event: ResponseEvent, changed: frozenset[str]) -> None:
    may_match = event == ResponseEvent.CREATED or (
        event == ResponseEvent.UPDATED and bool(changed & ALERTING_FIELDS)
    )
    has_rules, has_endpoints = _what_workspace_uses(response)
    if may_match and has_rules:
        AlertCheck.objects.create(response=response)
    if has_endpoints:
        queue_response_webhooks(response, event)


def _any_enabled(table: str, workspace: str) -> str:
    # `table` is a model's table name and `workspace` a column or a placeholder, never input.
    return f"EXISTS(SELECT 1 FROM {table} WHERE workspace_id = {workspace} AND enabled)"  # noqa: S608


def load_what_workspaces_use_with_surveys() -> None:
    """Answers from the survey page and the API find what _what_workspace_uses() needs in the
    query that loads their survey, read a moment before their transaction: one round trip less
    per answer, and as fresh (a rule enabled a moment ago reaches the next answer)."""
    # Table names come from the models; `s` is the survey row of survey_for_writing().
    load_with_survey(RULES_IN_USE, _any_enabled(AlertRule._meta.db_table, "s.workspace_id"))
    load_with_survey(
        ENDPOINTS_IN_USE, _any_enabled(WebhookEndpoint._meta.db_table, "s.workspace_id")
    )


def _what_workspace_uses(response: Response) -> tuple[bool, bool]:
    """(any enabled alert rule, any enabled webhook endpoint) in the response's workspace: it is
    asked for every answer, inside the answer's transaction, and most workspaces have neither.
    Loaded with the survey when it can be; else one plain-SQL query (the ORM spends longer
    building this statement than the database spends running it)."""
    has_rules = loaded_with_survey(response, RULES_IN_USE)
    has_endpoints = loaded_with_survey(response, ENDPOINTS_IN_USE)
    if has_rules is None or has_endpoints is None:
        rules, endpoints = AlertRule._meta.db_table, WebhookEndpoint._meta.db_table
        # Table names come from the models; the workspace id travels as a parameter.
        sql = f"SELECT {_any_enabled(rules, '%s')}, {_any_enabled(endpoints, '%s')}"
        with connection.cursor() as cursor:
            cursor.execute(sql, [response.workspace_id, response.workspace_id])
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
