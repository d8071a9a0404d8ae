"""Watched themes: everyone who may view reads the list; analysts, admins and owners watch a theme
from the drivers page and stop watching one (opennps.comments.watching does the work)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from opennps.accounts.scoping import membership_or_404
from opennps.comments import watching
from opennps.comments.models import WatchedTheme
from opennps.comments.taxonomy import driver_labels


def _list_url(workspace_id: int) -> str:
    return reverse("comments:watched_themes", args=[workspace_id])


@login_required
@require_safe
def watched_themes(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "view")
    themes = list(
        WatchedTheme.objects.filter(workspace_id=workspace_id)
        .annotate(matched=Count("matches"))
        .select_related("created_by")
    )
    labels = driver_labels(workspace_id, get_language() or "en")
    rules = watching.rules_by_theme(workspace_id)
    return render(
        request,
        "comments/watched_themes.html",
        {
            "membership": membership,
            "workspace": membership.workspace,
            "nav_section": "drivers",
            "themes": [
                {
                    "theme": theme,
                    "driver_label": labels.get(theme.driver, theme.driver),
                    "rules": rules.get(theme.pk, []),
                }
                for theme in themes
            ],
            "can_edit": membership.can("edit"),
        },
    )


@login_required
@require_POST
def watch(request: HttpRequest, workspace_id: int) -> HttpResponse:
    """Watch the theme the drivers page sent (driver, name, its responses' ids)."""
    membership_or_404(request.user, workspace_id, "edit")
    try:
        theme = watching.watch_theme(
            workspace_id,
            request.POST.get("driver", ""),
            request.POST.get("name", ""),
            watching.parse_members(request.POST.get("members", "")),
            request.user,
        )
    except watching.WatchError as error:
        messages.error(request, str(error))
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
            target = reverse("comments:drivers", args=[workspace_id])
        return HttpResponseRedirect(target)
    messages.success(
        request,
        _(
            "The theme “%(name)s” is watched: new comments like it are recognised, and alert "
            "rules can name it. Earlier comments are being counted."
        )
        % {"name": theme.name},
    )
    return HttpResponseRedirect(f"{_list_url(workspace_id)}#theme-{theme.pk}")


@login_required
@require_POST
def stop(request: HttpRequest, workspace_id: int, theme_id: int) -> HttpResponse:
    membership_or_404(request.user, workspace_id, "edit")
    theme = get_object_or_404(WatchedTheme, pk=theme_id, workspace_id=workspace_id)
    try:
        watching.stop_watching(theme)
    except watching.WatchError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("The theme “%(name)s” is no longer watched.") % {"name": theme.name}
        )
    return HttpResponseRedirect(_list_url(workspace_id))
