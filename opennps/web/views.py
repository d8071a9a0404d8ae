from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

import opennps
from opennps.accounts.scoping import membership_or_404, workspaces_for
from opennps.surveys.models import Survey


@require_safe
@never_cache
def ping(request: HttpRequest) -> HttpResponse:
    """Liveness without touching the database: the process answers requests."""
    return HttpResponse("ok", content_type="text/plain")


@require_safe
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """Liveness and database reachability, for load balancers and `make demo`."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return JsonResponse(
            {"status": "error", "database": connection.vendor, "error": str(error)}, status=503
        )
    return JsonResponse(
        {"status": "ok", "database": connection.vendor, "version": opennps.__version__}
    )


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """A signed-in member goes straight to their first workspace; everyone else sees the landing page."""
    workspace = workspaces_for(request.user).first()
    if workspace is not None:
        return redirect(landing_page(workspace.id))
    return render(request, "web/home.html", {"version": opennps.__version__})


@require_safe
@login_required
def workspace_home(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership_or_404(request.user, workspace_id, "view")
    return redirect(landing_page(workspace_id))


def landing_page(workspace_id: int) -> str:
    """The dashboard once the workspace has a survey; before that, the surveys page makes one."""
    if Survey.objects.filter(workspace_id=workspace_id).exists():
        return reverse("analytics:dashboard", kwargs={"workspace_id": workspace_id})
    return reverse("surveys:list", kwargs={"workspace_id": workspace_id})
