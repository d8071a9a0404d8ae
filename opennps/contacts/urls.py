"""A workspace's contact pages, under /w/<workspace id>/contacts/."""

from __future__ import annotations

from django.urls import path

from opennps.contacts import views_import

app_name = "contacts"

IMPORT = "w/<int:workspace_id>/contacts/import/"

urlpatterns = [
    path(IMPORT, views_import.import_upload, name="import"),
    path(IMPORT + "<str:token>/", views_import.import_map, name="import_map"),
]
