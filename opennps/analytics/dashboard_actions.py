"""Writes behind the dashboard: goal, annotations, custom benchmarks and segment attributes.

Views call these after validating a form; each takes the acting user's workspace, so an object of
another workspace is never touched (it is "not found", exactly as one that does not exist).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from opennps.accounts.models import User, Workspace
from opennps.analytics.models import Annotation, CustomBenchmark, DashboardGoal, SegmentDimension
from opennps.analytics.rollups import rebuild
from opennps.surveys.models import Survey


def set_goal(workspace: Workspace, survey: Survey | None, nps: int | None, by: User) -> None:
    """Set the workspace's goal (survey None) or one survey's; `nps` None removes it."""
    goals = DashboardGoal.objects.filter(workspace=workspace, survey=survey)
    if nps is None:
        goals.delete()
        return
    updated = goals.update(nps=nps, updated_by=by)
    if not updated:
        DashboardGoal.objects.create(workspace=workspace, survey=survey, nps=nps, updated_by=by)


def add_annotation(
    workspace: Workspace, day: date, label: str, survey: Survey | None, by: User
) -> Annotation:
    return Annotation.objects.create(
        workspace=workspace, survey=survey, day=day, label=label.strip(), created_by=by
    )


def remove_annotation(workspace: Workspace, annotation_id: int) -> bool:
    deleted, _ = Annotation.objects.filter(workspace=workspace, pk=annotation_id).delete()
    return bool(deleted)


def add_benchmark(workspace: Workspace, fields: dict, by: User) -> CustomBenchmark:
    return CustomBenchmark.objects.create(workspace=workspace, created_by=by, **fields)


def remove_benchmark(workspace: Workspace, benchmark_id: int) -> bool:
    deleted, _ = CustomBenchmark.objects.filter(workspace=workspace, pk=benchmark_id).delete()
    return bool(deleted)


@transaction.atomic
def add_segment(workspace: Workspace, key: str, label: str = "") -> SegmentDimension:
    """Mark an attribute as a segment and rebuild the workspace's rollup so it has the cells.

    Synchronous for now: a rebuild reads every response of the workspace (seconds for 100,000).
    """
    dimension = SegmentDimension.objects.create(workspace=workspace, key=key, label=label.strip())
    rebuild([workspace.pk])
    return dimension


@transaction.atomic
def remove_segment(workspace: Workspace, dimension_id: int) -> bool:
    deleted, _ = SegmentDimension.objects.filter(workspace=workspace, pk=dimension_id).delete()
    if deleted:
        rebuild([workspace.pk])
    return bool(deleted)
