"""A workspace's survey pages, under /w/<workspace id>/surveys/."""

from __future__ import annotations

from django.urls import path

from opennps.surveys import views, views_content

app_name = "surveys"

SURVEY = "w/<int:workspace_id>/surveys/<int:survey_id>/"
QUESTION = SURVEY + "questions/<int:question_id>/"

urlpatterns = [
    path("w/<int:workspace_id>/surveys/", views.survey_list, name="list"),
    path("w/<int:workspace_id>/surveys/new/", views.survey_create, name="create"),
    path(SURVEY, views.survey_detail, name="detail"),
    path(SURVEY + "edit/", views.survey_edit, name="edit"),
    path(SURVEY + "status/", views.survey_status, name="status"),
    path(SURVEY + "share/", views.survey_share, name="share"),
    path(SURVEY + "logo/", views.survey_logo, name="logo"),
    path(SURVEY + "texts/", views_content.survey_texts, name="texts"),
    path(SURVEY + "questions/", views_content.question_list, name="questions"),
    path(QUESTION, views_content.question_edit, name="question_edit"),
    path(QUESTION + "remove/", views_content.question_remove, name="question_remove"),
    path(QUESTION + "move/", views_content.question_move, name="question_move"),
]
