"""The rollup: counts of each score 0..10 per (survey, day, channel, dimension, value).

Every NPS figure is a function of an 11-bin histogram, so the dashboard sums rollup rows instead of
reading responses: its cost grows with days × segments shown, not with the number of answers.
The row with dimension "" is the survey's total for that day and channel.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from opennps.accounts.models import Workspace
from opennps.surveys.models import Survey

SCORE_COLUMNS = tuple(f"s{score}" for score in range(11))


class ScoreCell(models.Model):
    """Counts of each score 0..10 for one (survey, channel, dimension, value) and period."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="+")
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
        abstract = True

    @property
    def counts(self) -> tuple[int, ...]:
        return tuple(getattr(self, column) for column in SCORE_COLUMNS)


class Rollup(ScoreCell):
    day = models.DateField()

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


NPS_RANGE = (MinValueValidator(-100), MaxValueValidator(100))


class DashboardGoal(models.Model):
    """The NPS the team aims for: one for the whole workspace (survey empty) and one per survey."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, null=True, blank=True)
    nps = models.SmallIntegerField(_("goal NPS"), validators=NPS_RANGE)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["workspace", "survey"], name="goal_per_survey"),
            models.UniqueConstraint(
                fields=["workspace"], condition=Q(survey=None), name="goal_per_workspace"
            ),
        ]

    def __str__(self) -> str:
        return f"goal {self.nps} for {self.survey or self.workspace}"


class Annotation(models.Model):
    """Something that happened on a day (a campaign, a price change), drawn on the trend."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    # Empty: shown on every survey's trend.
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, null=True, blank=True)
    day = models.DateField(_("date"))
    label = models.CharField(_("label"), max_length=80)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes: ClassVar = [models.Index(fields=["workspace", "day"], name="annotation_day")]

    def __str__(self) -> str:
        return f"{self.day}: {self.label}"


class CustomBenchmark(models.Model):
    """A figure the team compares itself with (a competitor's published NPS, last year's goal)."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    label = models.CharField(_("what it measures"), max_length=100)
    nps = models.FloatField(_("NPS"), validators=NPS_RANGE)
    source = models.CharField(_("source"), max_length=200)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=[MinValueValidator(1990)]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.label}: {self.nps}"


class RollupMonth(ScoreCell):
    """The rollup of one closed calendar month, summed from its days: a cache for long ranges.

    A year of segment table then reads 12 cells per group and channel instead of 365. Built on
    first read for months before the current one (dashboard_queries); a write to a closed month
    deletes that month's cells (rollups.apply_change), and so does a rebuild, so a cell here is
    always the sum of the day cells below it.
    """

    month = models.DateField()  # its first day

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["survey", "month", "channel", "dimension", "value"],
                name="rollup_month_cell",
            )
        ]
        indexes: ClassVar = [
            models.Index(fields=["workspace", "dimension", "month"], name="rollup_month_workspace"),
        ]

    def __str__(self) -> str:
        return f"{self.survey_id} {self.month:%Y-%m} {self.channel} {self.dimension}={self.value}"
