from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

import opennps


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
    return render(request, "web/home.html", {"version": opennps.__version__})
