"""Small forms of the dashboard: the goal, annotations, custom benchmarks and segment attributes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from opennps.analytics.dashboard_filters import ATTRIBUTE_NAME
from opennps.analytics.models import Annotation, CustomBenchmark, SegmentDimension
from opennps.analytics.rollups import BUILT_IN_DIMENSIONS
from opennps.surveys.models import Survey


class SurveyChoiceMixin:
    """A survey field limited to the workspace's surveys; empty means "every survey"."""

    def limit_surveys(self, workspace_id: int) -> None:
        field = self.fields["survey"]  # type: ignore[attr-defined]
        field.queryset = Survey.objects.filter(workspace_id=workspace_id).order_by("name")
        field.required = False
        field.empty_label = _("All surveys")


class GoalForm(SurveyChoiceMixin, forms.Form):
    nps = forms.IntegerField(
        label=_("Goal NPS"),
        min_value=-100,
        max_value=100,
        required=False,
        help_text=_("From −100 to 100. Leave empty to remove the goal."),
    )
    survey = forms.ModelChoiceField(queryset=Survey.objects.none(), label=_("For"))

    def __init__(self, *args: Any, workspace_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit_surveys(workspace_id)


class AnnotationForm(SurveyChoiceMixin, forms.ModelForm):
    class Meta:
        model = Annotation
        fields = ("day", "label", "survey")
        labels = {"survey": _("Shown on")}
        widgets = {"day": forms.DateInput(attrs={"type": "date"})}
        help_texts = {"label": _("A few words, e.g. “Price change” or “Spring campaign”.")}

    def __init__(self, *args: Any, workspace_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit_surveys(workspace_id)


class CustomBenchmarkForm(forms.ModelForm):
    class Meta:
        model = CustomBenchmark
        fields = ("label", "nps", "source", "year")
        help_texts = {
            "label": _("What the figure measures, e.g. “Competitor X, 2024 survey”."),
            "source": _("Where the figure comes from, so readers can check it."),
        }


class SegmentDimensionForm(forms.Form):
    key = forms.CharField(
        label=_("Attribute"),
        max_length=64,
        help_text=_("The attribute's name as answers carry it, e.g. region, plan or agent."),
    )
    label = forms.CharField(label=_("Label"), max_length=100, required=False)

    def __init__(self, *args: Any, workspace_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.workspace_id = workspace_id

    def clean_key(self) -> str:
        key = self.cleaned_data["key"].strip()
        if not ATTRIBUTE_NAME.match(key):
            raise forms.ValidationError(
                _("Use letters, digits, “-” or “_”, starting with a letter or digit.")
            )
        if key in BUILT_IN_DIMENSIONS or key in ("channel", "survey"):
            raise forms.ValidationError(
                _("“%(key)s” is always available as a segment.") % {"key": key}
            )
        if SegmentDimension.objects.filter(workspace_id=self.workspace_id, key=key).exists():
            raise forms.ValidationError(_("This attribute is a segment already."))
        return key
