"""The forms of the alert pages. They only parse; opennps.alerts.actions checks and saves."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from opennps.accounts.models import User, Workspace
from opennps.alerts.actions import RuleSpec
from opennps.alerts.conditions import NPS_CLASSES, RuleError
from opennps.alerts.models import RESPONSE_EVENTS, AlertMode, AlertRule, WebhookEvent
from opennps.comments.models import WatchedTheme
from opennps.comments.taxonomy import driver_labels
from opennps.surveys.models import Survey

CLASS_CHOICES = [
    ("detractor", _("Detractors (0–6)")),
    ("passive", _("Passives (7–8)")),
    ("promoter", _("Promoters (9–10)")),
]
SCORES = [("", "–")] + [(str(n), str(n)) for n in range(11)]

# Errors of the actions name API-style fields; this maps them onto the form's fields.
FORM_FIELDS = {
    "conditions.class": "classes",
    "conditions.score_min": "score_min",
    "conditions.score_max": "score_max",
    "conditions.survey": "surveys",
    "conditions.attributes": "attributes",
    "conditions.words": "words",
    "conditions.drivers": "drivers",
    "conditions.themes": "themes",
    "actions.email": "recipients",
    "actions.email.account_owner": "email_account_owner",
    "actions.webhook.url": "webhook_url",
    "actions.webhook.secret": "webhook_secret",
    "actions.chat.url": "chat_webhook_url",
    "actions": None,
}


class MemberChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.name} <{obj.email}>" if obj.name else obj.email


def _parse_attributes(text: str) -> dict[str, str]:
    attributes: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        name, equals, value = line.partition("=")
        if not equals or not name.strip():
            raise forms.ValidationError(
                _("Line %(number)s: write one attribute per line as name=value."),
                params={"number": number},
            )
        attributes[name.strip()] = value.strip()
    return attributes


class AlertRuleForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    enabled = forms.BooleanField(label=_("Enabled"), required=False, initial=True)
    mode = forms.ChoiceField(label=_("When"), choices=AlertMode.choices)
    classes = forms.MultipleChoiceField(
        label=_("Groups"),
        choices=CLASS_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: every group."),
    )
    score_min = forms.TypedChoiceField(
        label=_("Score at least"), choices=SCORES, coerce=int, empty_value=None, required=False
    )
    score_max = forms.TypedChoiceField(
        label=_("Score at most"), choices=SCORES, coerce=int, empty_value=None, required=False
    )
    surveys = forms.ModelMultipleChoiceField(
        label=_("Surveys"),
        queryset=Survey.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: every survey."),
    )
    attributes = forms.CharField(
        label=_("Segment attributes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line, as name=value, e.g. plan=enterprise. All must match."),
    )
    words = forms.CharField(
        label=_("Words in the comment"),
        required=False,
        max_length=2000,
        help_text=_("Comma-separated; any of them matches, whatever the case."),
    )
    drivers = forms.MultipleChoiceField(
        label=_("Drivers in the comment"),
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Any of them matches. Decided once the comment has been analysed, usually within a "
            "minute of the answer. None chosen: any comment, or none."
        ),
    )
    themes = forms.TypedMultipleChoiceField(
        label=_("Watched themes in the comment"),
        choices=[],
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Any of them matches: the comment is about the theme's driver and as similar to the "
            "theme as its own comments were. Watch a theme on the drivers page to list it here. "
            "Decided once the comment has been analysed."
        ),
    )
    recipients = MemberChoiceField(
        label=_("E-mail to"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    email_account_owner = forms.BooleanField(
        label=_("E-mail the contact's account owner"),
        required=False,
        help_text=_(
            "The member named in the account's owner, account_owner or owner_email attribute; "
            "told about each answer at once, also for a daily digest rule."
        ),
    )
    webhook_url = forms.URLField(
        label=_("Signed webhook URL"), required=False, max_length=500, assume_scheme="https"
    )
    webhook_secret = forms.CharField(
        label=_("Webhook secret"),
        required=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("At least 16 characters. Leave empty to keep the saved secret."),
    )
    chat_webhook_url = forms.URLField(
        label=_("Slack or Teams incoming-webhook URL"),
        required=False,
        max_length=500,
        assume_scheme="https",
    )

    def __init__(
        self, *args: Any, workspace: Workspace, rule: AlertRule | None = None, **kwargs: Any
    ) -> None:
        if rule is not None and "initial" not in kwargs:
            conditions = rule.conditions
            kwargs["initial"] = {
                "name": rule.name,
                "enabled": rule.enabled,
                "mode": rule.mode,
                "classes": conditions.get("class", []),
                "score_min": conditions.get("score_min"),
                "score_max": conditions.get("score_max"),
                "surveys": conditions.get("survey", []),
                "attributes": "\n".join(
                    f"{k}={v}" for k, v in conditions.get("attributes", {}).items()
                ),
                "words": ", ".join(conditions.get("words", [])),
                "drivers": conditions.get("drivers", []),
                "themes": conditions.get("themes", []),
                "recipients": list(rule.email_recipients.values_list("pk", flat=True)),
                "email_account_owner": rule.email_account_owner,
                "webhook_url": rule.webhook_url,
                "chat_webhook_url": rule.chat_webhook_url,
            }
        super().__init__(*args, **kwargs)
        self.fields["surveys"].queryset = Survey.objects.filter(workspace=workspace).order_by(
            "name"
        )
        language = get_language() or "en"
        labels = driver_labels(workspace.pk, language)
        self.fields["drivers"].choices = list(labels.items())
        self.fields["themes"].choices = [
            (theme.pk, f"{labels.get(theme.driver, theme.driver)}: {theme.name}")
            for theme in WatchedTheme.objects.filter(workspace=workspace)
        ]
        self.fields["recipients"].queryset = User.objects.filter(
            memberships__workspace=workspace
        ).order_by("email")

    def clean_attributes(self) -> dict[str, str]:
        return _parse_attributes(self.cleaned_data.get("attributes") or "")

    def spec(self) -> RuleSpec:
        data = self.cleaned_data
        conditions: dict[str, Any] = {
            "class": [c for c in NPS_CLASSES if c in data["classes"]],
            "score_min": data["score_min"],
            "score_max": data["score_max"],
            "survey": [survey.pk for survey in data["surveys"]],
            "attributes": data["attributes"],
            "words": [w.strip() for w in (data["words"] or "").split(",") if w.strip()],
            "drivers": list(data["drivers"]),
            "themes": list(data["themes"]),
        }
        return RuleSpec(
            name=data["name"],
            enabled=data["enabled"],
            mode=data["mode"],
            conditions=conditions,
            recipients=list(data["recipients"]),
            email_account_owner=data["email_account_owner"],
            webhook_url=data["webhook_url"] or "",
            webhook_secret=data["webhook_secret"] or None,
            chat_webhook_url=data["chat_webhook_url"] or "",
        )

    def add_rule_error(self, error: RuleError) -> None:
        self.add_error(
            FORM_FIELDS.get(error.field, error.field if error.field in self.fields else None),
            error.message,
        )


class WebhookEndpointForm(forms.Form):
    url = forms.URLField(label=_("URL"), max_length=500, assume_scheme="https")
    secret = forms.CharField(
        label=_("Secret"),
        required=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("At least 16 characters; signs every body. Leave empty to keep the saved one."),
    )
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=[(e.value, e.label) for e in WebhookEvent if e in RESPONSE_EVENTS],
        widget=forms.CheckboxSelectMultiple,
        initial=list(RESPONSE_EVENTS),
    )
    enabled = forms.BooleanField(label=_("Enabled"), required=False, initial=True)

    def add_rule_error(self, error: RuleError) -> None:
        self.add_error(error.field if error.field in self.fields else None, error.message)
