"""The rollup: counts of each score 0..10 per (survey, day, channel, dimension, value).

Every NPS figure is a function of an 11-bin histogram, so the dashboard sums rollup rows instead of
reading responses: its cost grows with days × segments shown, not with the number of answers.
The row with dimension "" is the survey's total for that day and channel.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from opennps.accounts.models import Workspace
from opennps.surveys.models import Survey

SCORE_COLUMNS = tuple(f"s{score}" for score in range(11))


class Rollup(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    channel = models.CharField(max_length=10)
    dimension = models.CharField(max_length=64, default="", blank=True)
    value = models.CharField(max_length=200, default="", blank=True)
    s0 = models.IntegerField(default=0)
    s1 = models.IntegerField(default=0)
    s2 = models.IntegerField(default=0)
    s3 = models.IntegerField(default=0)
    s4 = models.IntegerField(default=0)
    s5 = models.IntegerField(default=0)
    s6 = models.IntegerField(default=0)
    s7 = models.IntegerField(default=0)
    s8 = models.IntegerField(default=0)
    s9 = models.IntegerField(default=0)
    s10 = models.IntegerField(default=0)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["survey", "day", "channel", "dimension", "value"], name="rollup_cell"
            )
        ]
        indexes: ClassVar = [
            models.Index(fields=["workspace", "dimension", "day"], name="rollup_workspace_day"),
            models.Index(fields=["survey", "dimension", "day"], name="rollup_survey_day"),
        ]

    def __str__(self) -> str:
        return f"{self.survey_id} {self.day} {self.channel} {self.dimension}={self.value}"

    @property
    def counts(self) -> tuple[int, ...]:
        return tuple(getattr(self, column) for column in SCORE_COLUMNS)


class SegmentDimension(models.Model):
    """A response attribute the team wants to compare groups by (region, plan, agent, …)."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(_("attribute"), max_length=64)
    label = models.CharField(_("label"), max_length=100, blank=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["workspace", "key"], name="segment_dimension_unique")
        ]

    def __str__(self) -> str:
        return self.label or self.key
