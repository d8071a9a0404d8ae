"""The loop's settings form (SLA, passives, re-survey, priority rules) and the playbook editor."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from opennps.cases.models import CaseSettings, Priority


class CaseSettingsForm(forms.ModelForm):
    priority_segments_text = forms.CharField(
        label=_("Priority by segment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One rule a line, e.g. plan=enterprise: high"),
    )

    class Meta:
        model = CaseSettings
        fields = (
            "open_for_passives",
            "sla_hours",
            "resurvey_after_days",
            "priority_attribute",
            "high_value_from",
            "urgent_value_from",
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sla_hours"].min_value = 1
        self.fields["sla_hours"].widget.attrs["min"] = 1
        segments = self.instance.priority_segments or {}
        self.initial["priority_segments_text"] = "\n".join(
            f"{rule}: {priority}" for rule, priority in segments.items()
        )

    def clean_sla_hours(self) -> int:
        hours = self.cleaned_data["sla_hours"]
        if hours < 1:
            raise forms.ValidationError(_("The SLA must be at least one hour."))
        return hours

    def clean_priority_segments_text(self) -> dict[str, str]:
        rules: dict[str, str] = {}
        for number, line in enumerate(self.cleaned_data["priority_segments_text"].splitlines(), 1):
            if not line.strip():
                continue
            rule, _sep, priority = line.rpartition(":")
            priority = priority.strip().lower()
            if "=" not in rule or priority not in Priority.values:
                raise forms.ValidationError(
                    _(
                        "Line %(number)s: write attribute=value: priority (low, normal, high, urgent)."
                    )
                    % {"number": number}
                )
            rules[rule.strip()] = priority
        return rules

    def save(self, commit: bool = True) -> CaseSettings:
        self.instance.priority_segments = self.cleaned_data["priority_segments_text"]
        return super().save(commit)


class PlaybookForm(forms.Form):
    steps = forms.CharField(
        label=_("Steps, one a line"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000
    )
    reply_subject = forms.CharField(label=_("Reply subject"), max_length=200)
    reply_body = forms.CharField(
        label=_("Reply"),
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=20_000,
        help_text=_("{name} and {brand} are filled in when a reply is drafted."),
    )

    def step_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["steps"].splitlines() if line.strip()]
