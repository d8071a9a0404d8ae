"""Forms of the team pages: widget settings, a new kiosk, a phone interview."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from opennps.accounts.models import Workspace
from opennps.channels_web.models import Kiosk, WidgetSettings, normalise_origin
from opennps.contacts.models import Contact
from opennps.responses.models import COMMENT_MAX_LENGTH
from opennps.surveys.models import Survey, SurveyKind, SurveyStatus


class WidgetSettingsForm(forms.ModelForm):
    origins = forms.CharField(
        label=_("Websites allowed to show the widget"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One origin per line, e.g. https://shop.example. Other websites are refused."),
    )

    class Meta:
        model = WidgetSettings
        fields = ("enabled", "trigger", "delay_seconds", "url_patterns", "position")
        widgets = {"url_patterns": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["origins"].initial = "\n".join(self.instance.allowed_origins or [])

    def clean_origins(self) -> list[str]:
        origins = []
        for line in self.cleaned_data["origins"].splitlines():
            if not line.strip():
                continue
            try:
                origins.append(normalise_origin(line))
            except ValueError:
                raise forms.ValidationError(
                    _("%(value)s is not an origin like https://shop.example."),
                    params={"value": line.strip()},
                ) from None
        return list(dict.fromkeys(origins))

    def save(self, commit: bool = True) -> WidgetSettings:
        self.instance.allowed_origins = self.cleaned_data["origins"]
        return super().save(commit)


class KioskForm(forms.ModelForm):
    class Meta:
        model = Kiosk
        fields = ("survey", "location", "reset_seconds")
        labels = {"survey": _("Survey")}  # the model field's own name is not translated
        help_texts = {
            "location": _("Kept with every answer from this tablet, e.g. Store 12 — entrance.")
        }

    def __init__(self, *args: Any, workspace: Workspace, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["survey"].queryset = Survey.objects.filter(workspace=workspace).exclude(
            status=SurveyStatus.CLOSED
        )
        self.fields["reset_seconds"].min_value = 2
        self.fields["reset_seconds"].max_value = 60


SCORE_CHOICES = [(str(value), str(value)) for value in range(11)]


class PhoneInterviewForm(forms.Form):
    survey = forms.ModelChoiceField(label=_("Survey"), queryset=Survey.objects.none())
    contact = forms.ModelChoiceField(
        label=_("Contact"),
        queryset=Contact.objects.none(),
        required=False,
        widget=forms.HiddenInput,
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=32, required=False)
    external_id = forms.CharField(label=_("External id"), max_length=200, required=False)
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    score = forms.TypedChoiceField(
        label=_("Score (0–10)"), choices=SCORE_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Reason for the score"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    third_answer = forms.CharField(
        label=_("Answer to the third question"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, workspace: Workspace, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # eNPS is anonymous by design; an interviewer knows who they are talking to.
        self.fields["survey"].queryset = Survey.objects.filter(
            workspace=workspace, kind=SurveyKind.CUSTOMER, status=SurveyStatus.ACTIVE
        )
        self.fields["contact"].queryset = Contact.objects.filter(workspace=workspace)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        typed = any(data.get(key) for key in ("email", "phone", "external_id"))
        if data.get("contact") is None and not typed:
            raise forms.ValidationError(
                _(
                    "Choose a contact from the search, or type an e-mail, a phone number or an external id."
                )
            )
        return data

    def new_contact_fields(self) -> dict[str, str]:
        return {
            key: self.cleaned_data.get(key, "") for key in ("email", "phone", "external_id", "name")
        }
