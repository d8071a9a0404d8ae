"""Forms of the taxonomy pages; the actions in opennps.comments.taxonomy check the content."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

LANGUAGE_CHOICES = [
    ("en", "English"),
    ("ru", "Русский"),
    ("kk", "Қазақша"),
    ("bg", "Български"),
    ("zh-hans", "中文"),
    ("fr", "Français"),
]


class RenameForm(forms.Form):
    key = forms.CharField(max_length=40)
    label = forms.CharField(label=_("New name"), max_length=80)
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES, initial="en")


class AddDriverForm(forms.Form):
    key = forms.RegexField(
        label=_("Key"),
        regex=r"^[a-z][a-z0-9_-]{0,39}$",
        help_text=_("Lower-case letters, digits, - or _, e.g. parking."),
    )
    label = forms.CharField(label=_("Name"), max_length=80)
    language = forms.ChoiceField(
        label=_("Language of the examples"), choices=LANGUAGE_CHOICES, initial="en"
    )
    examples = forms.CharField(
        label=_("Example sentences"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line, in any language; at least one."),
    )

    def example_lines(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["examples"].splitlines() if line.strip()]


class ExampleForm(forms.Form):
    key = forms.CharField(max_length=40)
    text = forms.CharField(label=_("Example sentence"), max_length=1000)
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES, initial="en")


class CorrectionForm(forms.Form):
    drivers = forms.MultipleChoiceField(label=_("Drivers"), choices=())

    def __init__(self, *args: object, choices: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["drivers"].choices = choices
