"""The page frame every page shares: workspace switcher, navigation, user menu; languages below."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings

import opennps
from opennps.accounts.scoping import workspaces_for

register = template.Library()


@register.inclusion_tag("web/header.html", takes_context=True)
def site_header(context: template.Context) -> dict[str, Any]:
    """Views of a workspace put its `membership` in the context; that decides the menu shown."""
    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    membership = context.get("membership")
    return {
        "request": request,
        "user": user,
        "signed_in": signed_in,
        "membership": membership,
        "workspace": membership.workspace if membership else None,
        "workspaces": list(workspaces_for(user)) if signed_in else [],
        # Pages name their section ("dashboard") so the menu can mark where the reader is.
        "nav_section": context.get("nav_section", ""),
    }


@register.inclusion_tag("web/footer.html", takes_context=True)
def site_footer(context: template.Context) -> dict[str, Any]:
    return {
        "request": context.get("request"),
        "version": opennps.__version__,
        "languages": settings.LANGUAGES,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE),
    }


@register.filter
def language_name(code: str) -> str:
    """The language's own name (Русский, 简体中文): a reader finds their language in any UI language."""
    return dict(settings.LANGUAGES).get(code, code)
