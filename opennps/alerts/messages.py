"""What alerts and webhooks say about an answer.

An answer to an anonymous (eNPS) survey is described without anything that could identify the
person: no contact, no attributes, no invitation; and every message says so, so nobody wonders
whether it was left out by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from opennps.alerts.models import AlertRule
from opennps.comments.models import WatchedTheme
from opennps.comments.taxonomy import driver_labels
from opennps.responses.models import Response
from opennps.responses.serialising import response_json


@dataclass(frozen=True)
class AlertText:
    subject: str
    text: str


def response_payload(response: Response) -> dict[str, Any]:
    """The response as the API shows it (the same keys, and its workspace), for webhooks."""
    return {**response_json(response), "workspace_id": response.workspace_id}


def responses_link(response: Response) -> str:
    path = reverse("verbatims:responses", args=[response.workspace_id])
    return f"{settings.BASE_URL}{path}?{urlencode({'survey': response.survey_id})}"


def _contact_facts(response: Response) -> dict[str, Any] | None:
    contact = response.contact
    if contact is None:
        return None
    return {
        "id": contact.pk,
        "external_id": contact.external_id,
        "name": contact.name,
        "email": contact.email,
        "account": contact.account.name if contact.account_id else "",
    }


def matched_themes(rule: AlertRule, response: Response) -> list[WatchedTheme]:
    """The watched themes of the rule's conditions that the answer's comment is like."""
    wanted = rule.conditions.get("themes") or []
    if not wanted:
        return []
    return list(
        WatchedTheme.objects.filter(
            pk__in=wanted, workspace_id=rule.workspace_id, matches__analysis__response=response
        ).order_by("driver", "name")
    )


def alert_payload(rule: AlertRule, response: Response) -> dict[str, Any]:
    """The body of an alert webhook; for eNPS without contact or attributes. A rule on watched
    themes also names the themes the comment is like."""
    anonymous = response.survey.is_anonymous
    answer: dict[str, Any] = {
        "id": response.pk,
        "survey_id": response.survey_id,
        "survey": response.survey.name,
        "score": response.score,
        "nps_class": response.nps_class,
        "comment": response.comment,
        "created_at": response.created_at,
        "anonymous": anonymous,
    }
    if not anonymous:
        answer["contact"] = _contact_facts(response)
        answer["attributes"] = response.attributes
    payload: dict[str, Any] = {
        "event": "alert",
        "rule": {"id": rule.pk, "name": rule.name},
        "workspace_id": rule.workspace_id,
        "response": answer,
        "link": responses_link(response),
    }
    if "themes" in rule.conditions:
        payload["themes"] = [
            {"id": theme.pk, "driver": theme.driver, "name": theme.name}
            for theme in matched_themes(rule, response)
        ]
    return payload


def _class_name(nps_class: str) -> str:
    return {
        "detractor": _("detractor"),
        "passive": _("passive"),
        "promoter": _("promoter"),
    }.get(nps_class, nps_class)


def _answer_lines(response: Response) -> list[str]:
    lines = [
        _("Survey: %(survey)s") % {"survey": response.survey.name},
        _("Score: %(score)s (%(class)s)")
        % {"score": response.score, "class": _class_name(response.nps_class)},
        _("Comment: %(comment)s") % {"comment": response.comment or "–"},
    ]
    if response.survey.is_anonymous:
        lines.append(
            _(
                "This is an anonymous employee survey (eNPS): who answered is not shown, "
                "and cannot be."
            )
        )
        return lines
    contact = _contact_facts(response)
    if contact is not None:
        who = contact["name"] or contact["email"] or contact["external_id"] or f"#{contact['id']}"
        if contact["email"] and contact["email"] != who:
            who = f"{who} <{contact['email']}>"
        lines.append(_("Contact: %(who)s") % {"who": who})
        if contact["account"]:
            lines.append(_("Account: %(account)s") % {"account": contact["account"]})
    return lines


def _theme_lines(rule: AlertRule, response: Response) -> list[str]:
    """ "Theme: …" for each watched theme of the rule the comment is like (in the active language)."""
    themes = matched_themes(rule, response)
    if not themes:
        return []
    labels = driver_labels(rule.workspace_id, translation.get_language())
    return [
        _("Theme: %(theme)s (%(driver)s)")
        % {"theme": theme.name, "driver": labels.get(theme.driver, theme.driver)}
        for theme in themes
    ]


def alert_text(rule: AlertRule, response: Response, language: str) -> AlertText:
    """The e-mail (and chat message) for one matching answer, in `language`."""
    with translation.override(language):
        subject = _("%(rule)s: a %(class)s scored %(score)s on %(survey)s") % {
            "rule": rule.name,
            "class": _class_name(response.nps_class),
            "score": response.score,
            "survey": response.survey.name,
        }
        lines = [
            _("An answer matched the alert rule “%(rule)s”.") % {"rule": rule.name},
            "",
            *_answer_lines(response),
            *_theme_lines(rule, response),
            "",
            _("See the responses: %(link)s") % {"link": responses_link(response)},
        ]
        return AlertText(subject=subject, text="\n".join(lines))


def digest_text(rule: AlertRule, responses: list[Response], on: date, language: str) -> AlertText:
    """One e-mail listing every answer that matched `rule` on the day `on`."""
    with translation.override(language):
        day = date_format(on, "DATE_FORMAT")
        subject = _("%(rule)s: %(count)s answers matched on %(day)s") % {
            "rule": rule.name,
            "count": len(responses),
            "day": day,
        }
        lines = [
            _("Daily digest of the alert rule “%(rule)s” for %(day)s: %(count)s answers.")
            % {"rule": rule.name, "day": day, "count": len(responses)},
        ]
        for number, response in enumerate(responses, start=1):
            lines += ["", f"{number}.", *_answer_lines(response), *_theme_lines(rule, response)]
        if responses:
            lines += ["", _("See the responses: %(link)s") % {"link": responses_link(responses[0])}]
        return AlertText(subject=subject, text="\n".join(lines))
