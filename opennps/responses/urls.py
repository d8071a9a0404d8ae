"""Public survey pages. Paths carry no trailing slash: links get typed from paper and QR codes."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from opennps.responses import views

app_name = "responses"

urlpatterns: list[URLPattern | URLResolver] = [
    path("s/<str:public_id>", views.open_question, name="open"),
    path("s/<str:public_id>/more", views.open_followup, name="open_more"),
    path("s/<str:public_id>/thanks", views.open_thanks, name="open_thanks"),
    path("s/<str:public_id>/logo", views.logo, name="logo"),
    path("r/<str:token>", views.personal_question, name="personal"),
    path("r/<str:token>/more", views.personal_followup, name="personal_more"),
    path("r/<str:token>/thanks", views.personal_thanks, name="personal_thanks"),
]
