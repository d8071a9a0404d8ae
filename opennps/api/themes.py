"""/api/v1/watched-themes: the themes a workspace watches, whose ids alert rules may name."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Count
from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field

from opennps.api.auth import READ, workspace_id
from opennps.comments.models import WatchedTheme

router = Router(tags=["alerts"])


class WatchedThemeOut(Schema):
    id: int
    driver: str = Field(description="The driver key the theme belongs to, e.g. delivery.")
    name: str = Field(description="The theme's top terms, as the drivers page showed them.")
    threshold: float = Field(description="Cosine similarity a comment needs to match (0.30–0.60).")
    comments: int = Field(description="Comments the theme was made of.")
    matches: int = Field(description="Analysed comments found like it so far.")
    counting_past_comments: bool = Field(
        description="True while the worker still matches comments analysed before it was watched."
    )
    created_at: datetime


class WatchedThemeListOut(Schema):
    items: list[WatchedThemeOut]


def theme_json(theme: WatchedTheme) -> dict[str, Any]:
    return {
        "id": theme.pk,
        "driver": theme.driver,
        "name": theme.name,
        "threshold": round(theme.threshold, 4),
        "comments": theme.members,
        "matches": theme.matched,
        "counting_past_comments": theme.past_matched_at is None,
        "created_at": theme.created_at,
    }


@router.get("", response=WatchedThemeListOut, auth=READ, summary="List watched themes")
def list_themes(request: HttpRequest) -> dict[str, Any]:
    """Themes are watched from the drivers page; use their ids in an alert rule's
    `conditions.themes`."""
    themes = WatchedTheme.objects.filter(workspace_id=workspace_id(request)).annotate(
        matched=Count("matches")
    )
    return {"items": [theme_json(theme) for theme in themes]}
