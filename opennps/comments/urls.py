"""The drivers page and the taxonomy pages (namespace "comments")."""

from __future__ import annotations

from django.urls import path

from opennps.comments import views, views_taxonomy

app_name = "comments"

WORKSPACE = "w/<int:workspace_id>/"

urlpatterns = [
    path(WORKSPACE + "dashboard/drivers/", views.drivers, name="drivers"),
    path(WORKSPACE + "drivers/", views_taxonomy.taxonomy, name="taxonomy"),
    path(WORKSPACE + "drivers/rename/", views_taxonomy.rename, name="rename"),
    path(WORKSPACE + "drivers/add/", views_taxonomy.add, name="add"),
    path(WORKSPACE + "drivers/example/", views_taxonomy.example, name="example"),
    path(
        WORKSPACE + "responses/<int:response_id>/drivers/",
        views_taxonomy.correct,
        name="correct",
    ),
]
