"""The scheduled report form: recipients are chosen among the workspace's members only."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from opennps.accounts.models import User, Workspace
from opennps.reports.models import Frequency, ScheduledReport
from opennps.surveys.models import Survey


class MemberChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.name} <{obj.email}>" if obj.name else obj.email


class ScheduledReportForm(forms.Form):
    survey = forms.ModelChoiceField(
        label=_("Survey"),
        queryset=Survey.objects.none(),
        required=False,
        empty_label=_("All surveys of the workspace"),
    )
    frequency = forms.ChoiceField(
        label=_("How often"), choices=Frequency.choices, initial=Frequency.MONTHLY
    )
    recipients = MemberChoiceField(
        label=_("Send to"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one member to send it to.")},
    )
    language = forms.ChoiceField(label=_("Language of the e-mail"), choices=settings.LANGUAGES)
    active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(
        self, *args: Any, workspace: Workspace, report: ScheduledReport | None = None, **kwargs: Any
    ) -> None:
        if report is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "survey": report.survey_id,
                "frequency": report.frequency,
                "recipients": list(report.recipients.values_list("pk", flat=True)),
                "language": report.language,
                "active": report.active,
            }
        super().__init__(*args, **kwargs)
        self.fields["survey"].queryset = Survey.objects.filter(workspace=workspace).order_by("name")
        self.fields["recipients"].queryset = User.objects.filter(
            memberships__workspace=workspace
        ).order_by("email")
        self.fields["language"].initial = workspace.default_language
        if report is None:
            self.fields["send_latest_now"] = forms.BooleanField(
                label=_("Also send the last finished period now"), required=False
            )

    def report_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "survey": data["survey"],
            "frequency": data["frequency"],
            "recipients": list(data["recipients"]),
            "language": data["language"],
            "active": data["active"],
        }
