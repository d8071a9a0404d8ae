"""Watched themes: freezing a theme of the drivers page, and matching comments against it.

- :func:`watch_theme` profiles a theme from the comments it was shown with (see
  opennps.text.theme_profile), centred on the workspace's newest :data:`REFERENCE_COMMENTS`
  analysed comments outside the theme. It queues a job that matches the comments analysed
  before.
- :func:`match_analysis` listens to every stored analysis (the worker's, a re-analysis, a
  correction) and records which watched themes the comment is like: same driver, same encoder,
  cosine at or above the theme's threshold. It runs inside the analysis's transaction, so an
  alert rule on themes (decided after the analysis) sees the matches.
- :func:`match_past_comments` is that job: it streams the workspace's earlier analyses of the
  driver in chunks of :data:`PAST_CHUNK` and records their matches, without alerting about them.
- :func:`stop_watching` refuses while an alert rule names the theme: silently dropping the
  condition would turn "detractors about late couriers" into "every detractor".
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opennps.alerts.models import AlertRule
from opennps.comments.analysis import embedding_vector
from opennps.comments.models import CommentAnalysis, CommentThemeMatch, WatchedTheme
from opennps.comments.page import THEME_COMMENTS_MAX
from opennps.comments.taxonomy import driver_labels
from opennps.text.theme_profile import (
    MIN_LANGUAGE_COMMENTS,
    MIN_MEMBERS,
    CentringFrame,
    ProfileError,
    ThemeProfile,
    profile_theme,
)
from opennps.work.models import Job
from opennps.work.registry import enqueue

PAST_MATCH_JOB = "watched_theme_past_matches"
MAX_MEMBERS = THEME_COMMENTS_MAX  # the drivers page clusters no more, so no theme is larger
REFERENCE_COMMENTS = 2000
PAST_CHUNK = 500
NAME_LENGTH = 200


class WatchError(ValueError):
    """A theme cannot be watched or unwatched; ``str(error)`` says why, for the person."""


def vector_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def profile_of(theme: WatchedTheme) -> ThemeProfile:
    """The stored profile of ``theme`` as opennps.text works with it."""
    centroid = np.frombuffer(bytes(theme.centroid), dtype="<f4").astype(np.float32)
    means = np.frombuffer(bytes(theme.reference_means), dtype="<f4").astype(np.float32)
    frame = CentringFrame(
        tuple(theme.reference_languages), means.reshape(len(theme.reference_languages), -1)
    )
    return ThemeProfile(frame, centroid, theme.threshold)


def parse_members(text: str) -> list[int]:
    """Response ids as the drivers page sends them ("12,15,40"); WatchError if not."""
    parts = [part.strip() for part in text.replace(" ", ",").split(",") if part.strip()]
    if not all(part.isdigit() for part in parts):
        raise WatchError(_("The theme's comments could not be read; reload the drivers page."))
    return list(dict.fromkeys(int(part) for part in parts))


def _rows(records: Sequence[tuple[str, bytes]]) -> tuple[np.ndarray, list[str]]:
    vectors = [embedding_vector(embedding) for _language, embedding in records]
    return np.stack(vectors), [language for language, _embedding in records]


@transaction.atomic
def watch_theme(
    workspace_id: int,
    driver: str,
    name: str,
    response_ids: Sequence[int],
    user: object | None = None,
) -> WatchedTheme:
    """Watch the theme made of these responses' comments about ``driver``; WatchError if not.

    Comments without a vector, of another workspace or without the driver are left out; when
    vectors of two encoders are mixed, the more common encoder's are kept.
    """
    name = " ".join(name.split())[:NAME_LENGTH]
    if not name:
        raise WatchError(_("A watched theme needs a name."))
    if driver not in driver_labels(workspace_id):
        raise WatchError(_("%(driver)s is not a driver of this workspace.") % {"driver": driver})
    if len(response_ids) > MAX_MEMBERS:
        raise WatchError(
            _("A theme can be made of at most %(count)s comments.") % {"count": MAX_MEMBERS}
        )
    if WatchedTheme.objects.filter(workspace_id=workspace_id, driver=driver, name=name).exists():
        raise WatchError(_("The theme “%(name)s” is already watched.") % {"name": name})
    found = list(
        CommentAnalysis.objects.filter(
            workspace_id=workspace_id,
            response_id__in=list(response_ids),
            driver_rows__driver=driver,
            embedding__isnull=False,
        )
        .exclude(embedding_model="")
        .values_list("pk", "language", "embedding", "embedding_model")
    )
    models = Counter(model for *_rest, model in found)
    model = models.most_common(1)[0][0] if models else ""
    members = [record for record in found if record[3] == model]
    if len(members) < MIN_MEMBERS:
        raise WatchError(
            _(
                "A theme needs at least %(count)s analysed comments with sentence vectors; "
                "is the sentence encoder installed?"
            )
            % {"count": MIN_MEMBERS}
        )
    member_vectors, member_languages = _rows([(lang, vec) for _pk, lang, vec, _m in members])
    reference = list(
        CommentAnalysis.objects.filter(
            workspace_id=workspace_id, embedding_model=model, embedding__isnull=False
        )
        .exclude(pk__in=[record[0] for record in members])
        .order_by("-response__created_at", "-pk")
        .values_list("language", "embedding")[:REFERENCE_COMMENTS]
    )
    if len(reference) >= MIN_LANGUAGE_COMMENTS:
        frame = CentringFrame.from_vectors(*_rows(reference))
    else:  # a workspace of hardly more than this theme: centre on its own comments
        frame = CentringFrame.from_vectors(member_vectors, member_languages)
    try:
        profile = profile_theme(member_vectors, member_languages, frame)
    except ProfileError as error:
        raise WatchError(str(error)) from error
    theme = WatchedTheme.objects.create(
        workspace_id=workspace_id,
        driver=driver,
        name=name,
        centroid=vector_bytes(profile.centroid),
        reference_languages=list(profile.frame.languages),
        reference_means=vector_bytes(profile.frame.means),
        threshold=profile.threshold,
        embedding_model=model,
        members=len(members),
        created_by=user if getattr(user, "pk", None) else None,
    )
    enqueue(PAST_MATCH_JOB, {"theme_id": theme.pk})
    return theme


def rules_by_theme(workspace_id: int) -> dict[int, list[AlertRule]]:
    """Watched theme id -> the workspace's alert rules with it in their conditions (by name).
    Conditions are JSON, which SQLite cannot search inside; a workspace has few rules."""
    found: dict[int, list[AlertRule]] = {}
    for rule in AlertRule.objects.filter(workspace_id=workspace_id).order_by("name", "pk"):
        for theme_id in rule.conditions.get("themes") or []:
            found.setdefault(theme_id, []).append(rule)
    return found


def rules_naming(theme: WatchedTheme) -> list[AlertRule]:
    """The workspace's alert rules with ``theme`` in their conditions."""
    return rules_by_theme(theme.workspace_id).get(theme.pk, [])


def stop_watching(theme: WatchedTheme) -> None:
    """Forget the theme and its matches; WatchError while an alert rule names it."""
    rules = rules_naming(theme)
    if rules:
        raise WatchError(
            _(
                "The alert rules %(rules)s have this theme as a condition; remove it from them "
                "(or delete them) first, so that they do not start alerting about every answer."
            )
            % {"rules": ", ".join(f"“{rule.name}”" for rule in rules)}
        )
    theme.delete()


def _matches(
    themes: Iterable[WatchedTheme], records: Sequence[tuple[int, str, bytes]]
) -> list[CommentThemeMatch]:
    """Match rows for the (analysis id, language, embedding) records like each theme."""
    if not records:
        return []
    vectors, languages = _rows([(language, embedding) for _pk, language, embedding in records])
    found = []
    for theme in themes:
        similarities = profile_of(theme).similarities(vectors, languages)
        found += [
            CommentThemeMatch(analysis_id=records[i][0], theme=theme, similarity=float(value))
            for i, value in enumerate(similarities)
            if value >= theme.threshold
        ]
    return found


def match_analysis(analysis: CommentAnalysis) -> None:
    """Record the watched themes the just-stored ``analysis`` is like (listener of
    opennps.comments.events; its earlier matches are replaced)."""
    themes = list(WatchedTheme.objects.filter(workspace_id=analysis.workspace_id))
    if not themes:
        return  # no theme, hence no earlier match either
    CommentThemeMatch.objects.filter(analysis=analysis).delete()
    if not analysis.embedding:
        return
    candidates = [
        theme
        for theme in themes
        if theme.driver in (analysis.drivers or [])
        and theme.embedding_model == analysis.embedding_model
    ]
    record = (analysis.pk, analysis.language, analysis.embedding)
    CommentThemeMatch.objects.bulk_create(_matches(candidates, [record]))


def match_past_comments(job: Job) -> None:
    """Handler of the past-matches job: match the comments analysed before the theme was
    watched, in chunks; they are only counted, never alerted about."""
    theme = WatchedTheme.objects.filter(pk=job.payload.get("theme_id")).first()
    if theme is None:
        return  # no longer watched
    analyses = (
        CommentAnalysis.objects.filter(
            workspace_id=theme.workspace_id,
            embedding_model=theme.embedding_model,
            driver_rows__driver=theme.driver,
            embedding__isnull=False,
        )
        .order_by("pk")
        .values_list("pk", "language", "embedding")
        .iterator(chunk_size=PAST_CHUNK)
    )
    while chunk := list(itertools.islice(analyses, PAST_CHUNK)):
        # A comment analysed meanwhile was matched by match_analysis already: keep that row.
        CommentThemeMatch.objects.bulk_create(_matches([theme], chunk), ignore_conflicts=True)
    theme.past_matched_at = timezone.now()
    theme.save(update_fields=["past_matched_at"])
