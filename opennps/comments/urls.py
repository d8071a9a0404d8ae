"""The drivers page, the taxonomy pages and watched themes (namespace "comments")."""

from __future__ import annotations

from django.urls import path

from opennps.comments import views, views_taxonomy, views_themes

app_name = "comments"

WORKSPACE = "w/<int:workspace_id>/"

urlpatterns = [
    path(WORKSPACE + "dashboard/drivers/", views.drivers, name="drivers"),
    path(WORKSPACE + "drivers/", views_taxonomy.taxonomy, name="taxonomy"),
    path(WORKSPACE + "drivers/rename/", views_taxonomy.rename, name="rename"),
    path(WORKSPACE + "drivers/add/", views_taxonomy.add, name="add"),
    path(WORKSPACE + "drivers/example/", views_taxonomy.example, name="example"),
    path(WORKSPACE + "drivers/themes/", views_themes.watched_themes, name="watched_themes"),
    path(WORKSPACE + "drivers/themes/watch/", views_themes.watch, name="watch_theme"),
    path(
        WORKSPACE + "drivers/themes/<int:theme_id>/stop/",
        views_themes.stop,
        name="stop_watching",
    ),
    path(
        WORKSPACE + "responses/<int:response_id>/drivers/",
        views_taxonomy.correct,
        name="correct",
    ),
]
