"""What the comments say, per response, and how each workspace has taught the classifier.

- :class:`CommentAnalysis`: one per response with a comment (deleted with the response).
- :class:`AnalysedDriver`: one row per driver of an analysis, so the verbatim browser can filter
  by driver with a plain indexed join on SQLite and PostgreSQL alike.
- :class:`DriverSetting` and :class:`DriverExample`: the workspace's edits on top of the shipped
  taxonomy (renamed labels, added drivers, example sentences, corrections). The shipped taxonomy
  itself is not copied, so an upgrade of OpenNPS improves every workspace.
- :class:`AnalysisTask`: the work row the worker claims.
- :class:`WatchedTheme` and :class:`CommentThemeMatch`: themes a team watches, and the comments
  found like them (see opennps.comments.watching).
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opennps.accounts.models import Workspace
from opennps.responses.models import Response
from opennps.work.models import WorkItem


class Method(models.TextChoices):
    RULE = "rule", _("keyword rule")
    EMBEDDING = "embedding", _("nearest examples")
    CORRECTION = "correction", _("correction")


class Sentiment(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    NEUTRAL = "neutral", _("Neutral")
    NEGATIVE = "negative", _("Negative")


class CommentAnalysis(models.Model):
    response = models.OneToOneField(
        Response, on_delete=models.CASCADE, related_name="comment_analysis"
    )
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=10, blank=True)
    drivers = models.JSONField(default=list)  # driver keys, strongest first
    methods = models.JSONField(default=dict)  # driver key -> Method
    sentiment = models.CharField(max_length=10, choices=Sentiment.choices, blank=True)
    # float16 little-endian bytes of the comment's vector (384 dims = 768 bytes): computed once
    # by the worker, read back for themes without encoding again.
    embedding = models.BinaryField(null=True, blank=True)
    embedding_model = models.CharField(max_length=120, blank=True)
    taxonomy_fingerprint = models.CharField(max_length=32, blank=True)
    corrected = models.BooleanField(default=False)
    analysed_at = models.DateTimeField()

    class Meta:
        indexes: ClassVar = [models.Index(fields=["workspace", "analysed_at"])]

    def __str__(self) -> str:
        return f"analysis of response #{self.response_id}: {', '.join(self.drivers)}"


class AnalysedDriver(models.Model):
    analysis = models.ForeignKey(
        CommentAnalysis, on_delete=models.CASCADE, related_name="driver_rows"
    )
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="driver_rows")
    driver = models.CharField(max_length=40)
    method = models.CharField(max_length=12, choices=Method.choices)

    class Meta:
        indexes: ClassVar = [models.Index(fields=["workspace", "driver"])]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["analysis", "driver"], name="one_row_per_driver")
        ]

    def __str__(self) -> str:
        return f"{self.driver} ({self.method})"


class DriverSetting(models.Model):
    """A workspace's labels for a driver; ``custom`` drivers were added by the team."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=40)
    labels = models.JSONField(default=dict)  # language -> label
    custom = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["workspace", "key"], name="one_setting_per_driver")
        ]

    def __str__(self) -> str:
        return self.key


class ExampleSource(models.TextChoices):
    TEAM = "team", _("Example")
    CORRECTION = "correction", _("Correction")


class DriverExample(models.Model):
    """An example sentence the team gave, or a corrected comment (``drivers`` it is about)."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    drivers = models.JSONField(default=list)
    text = models.TextField(max_length=1000)
    language = models.CharField(max_length=10)
    sentiment = models.CharField(max_length=3, blank=True)  # pos / neu / neg, as in the taxonomy
    source = models.CharField(max_length=12, choices=ExampleSource.choices)
    response = models.ForeignKey(
        Response, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes: ClassVar = [models.Index(fields=["workspace", "created_at"])]

    def __str__(self) -> str:
        return f"{', '.join(self.drivers)}: {self.text[:40]}"


class AnalysisTask(WorkItem):
    """Analyse (again) the comment of one response."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta(WorkItem.Meta):
        indexes: ClassVar = [
            models.Index(fields=["status", "next_attempt_at"], name="comment_analysis_due")
        ]

    def __str__(self) -> str:
        return f"analyse response #{self.response_id} ({self.status})"


class WatchedTheme(models.Model):
    """A theme of the drivers page a team chose to watch: new comments like it are matched
    (:class:`CommentThemeMatch`) and alert rules may name it.

    The profile (see opennps.text.theme_profile) is frozen when the theme is watched: float32
    little-endian bytes of the centroid, of the reference means (one row per entry of
    ``reference_languages``, the first "*" for all languages) and the threshold. Vectors of
    another encoder are never compared with it (``embedding_model``).
    """

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    driver = models.CharField(max_length=40)
    name = models.CharField(max_length=200)
    centroid = models.BinaryField()
    reference_languages = models.JSONField(default=list)
    reference_means = models.BinaryField()
    threshold = models.FloatField()
    embedding_model = models.CharField(max_length=120)
    members = models.PositiveIntegerField()  # comments the theme was made of
    # When the worker finished matching the comments analysed before the theme was watched.
    past_matched_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["driver", "name", "pk"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["workspace", "driver", "name"], name="one_watched_theme_per_name"
            )
        ]

    def __str__(self) -> str:
        return f"{self.driver}: {self.name}"


class CommentThemeMatch(models.Model):
    """A comment's analysis is like a watched theme (cosine ``similarity`` ≥ its threshold)."""

    analysis = models.ForeignKey(
        CommentAnalysis, on_delete=models.CASCADE, related_name="theme_matches"
    )
    theme = models.ForeignKey(WatchedTheme, on_delete=models.CASCADE, related_name="matches")
    similarity = models.FloatField()

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["analysis", "theme"], name="one_match_per_theme")
        ]

    def __str__(self) -> str:
        return f"analysis #{self.analysis_id} is like theme #{self.theme_id}"
