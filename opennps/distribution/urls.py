from __future__ import annotations

from django.urls import path

from opennps.distribution import views

app_name = "distribution"

urlpatterns = [
    path("u/<str:token>", views.unsubscribe, name="unsubscribe"),
]
