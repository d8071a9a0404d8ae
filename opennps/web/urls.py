from __future__ import annotations

from django.urls import include, path

from opennps.accounts.urls import workspace_urlpatterns
from opennps.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("ping/", views.ping, name="ping"),
    path("health/", views.health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("w/<int:workspace_id>/", views.workspace_home, name="workspace"),
    # Members and API keys live beside the surveys under /w/<id>/, named web:team:members, web:team:api_keys.
    path("w/<int:workspace_id>/", include((workspace_urlpatterns, "team"))),
]
