"""Forms of the campaign, trigger rule and relationship schedule pages."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from opennps.distribution.models import Channel, TriggerRule
from opennps.distribution.segments import SegmentError, parse_segment
from opennps.distribution.triggers import TriggerError, conditions_text, parse_conditions
from opennps.surveys.models import Survey

EVENT_NAME = re.compile(r"^[A-Za-z0-9_.:\-]{1,100}$")  # as POST /api/v1/events accepts
CHANNEL_CHOICES = [
    (Channel.EMAIL.value, Channel.EMAIL.label),
    (Channel.SMS.value, Channel.SMS.label),
]


class SegmentField(forms.CharField):
    """`attr=value, attr=value, language=ru|kk` (segments.py), cleaned to the stored JSON."""

    def clean(self, value: Any) -> dict[str, Any]:  # type: ignore[override]
        text = super().clean(value)
        try:
            return parse_segment(text)
        except SegmentError as error:
            raise forms.ValidationError(str(error)) from error


class CampaignForm(forms.Form):
    survey = forms.ModelChoiceField(queryset=Survey.objects.none(), label=_("Survey"))
    channel = forms.ChoiceField(choices=CHANNEL_CHOICES, label=_("Channel"))
    segment = SegmentField(
        required=False,
        label=_("Segment"),
        help_text=_("Empty asks every contact. Example: plan=pro, language=ru|kk"),
    )
    send_at = forms.DateTimeField(
        required=False,
        label=_("Send at (UTC)"),
        help_text=_("Empty sends now."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )

    def __init__(self, *args: Any, workspace_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["survey"].queryset = Survey.objects.filter(  # type: ignore[attr-defined]
            workspace_id=workspace_id, status="active"
        ).order_by("name")


class ChannelListField(forms.CharField):
    """`email, sms`: the channel preference order."""

    def clean(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().clean(value)
        channels = [part.strip().lower() for part in text.split(",") if part.strip()]
        known = {choice for choice, _label in CHANNEL_CHOICES}
        unknown = [channel for channel in channels if channel not in known]
        if unknown or not channels:
            raise forms.ValidationError(
                _("List channels in order of preference, from: %(known)s.")
                % {"known": ", ".join(sorted(known))}
            )
        return list(dict.fromkeys(channels))


class ConditionsField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 3})

    def clean(self, value: Any) -> list[dict[str, Any]]:  # type: ignore[override]
        text = super().clean(value)
        try:
            return parse_conditions(text)
        except TriggerError as error:
            raise forms.ValidationError(error.message) from error

    def prepare_value(self, value: Any) -> Any:
        return conditions_text(value) if isinstance(value, list) else value


class TriggerRuleForm(forms.ModelForm):
    channels = ChannelListField(
        label=_("Channels"), initial="email", help_text=_("In order of preference: email, sms")
    )
    conditions = ConditionsField(
        required=False,
        label=_("Conditions on the event's properties"),
        help_text=_("One per line: plan = pro, country in DE|AT, ticket_id exists"),
    )

    class Meta:
        model = TriggerRule
        fields = (
            "event_name",
            "conditions",
            "delay_days",
            "delay_hours",
            "channels",
            "expires_after_days",
            "active",
        )

    def clean_event_name(self) -> str:
        name = self.cleaned_data["event_name"].strip()
        if not EVENT_NAME.match(name):
            raise forms.ValidationError(
                _("Use letters, digits and _ . : - only, as the events you send do.")
            )
        return name

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["channels"] = ", ".join(self.instance.channels)


class ScheduleForm(forms.Form):
    every_months = forms.IntegerField(
        min_value=1, max_value=24, initial=6, label=_("Every N months")
    )
    channel = forms.ChoiceField(choices=CHANNEL_CHOICES, label=_("Channel"))
    segment = SegmentField(required=False, label=_("Segment"))
    start_at = forms.DateTimeField(
        required=False,
        label=_("First period starts (UTC)"),
        help_text=_("Empty starts now."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
