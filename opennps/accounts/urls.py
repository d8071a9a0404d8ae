"""Accounts pages under /accounts/, and a workspace's members and API keys under /w/<id>/.

`workspace_urlpatterns` is included by opennps.web.urls (namespace web:team), beside the surveys.
"""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from opennps.accounts import views, views_team

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
]

workspace_urlpatterns = [
    path("members/", views_team.members, name="members"),
    path("members/invite/", views_team.invite, name="invite"),
    path("members/<int:member_id>/role/", views_team.member_role, name="member_role"),
    path("members/<int:member_id>/remove/", views_team.member_remove, name="member_remove"),
    path(
        "invitations/<int:invitation_id>/cancel/",
        views_team.invitation_cancel,
        name="invitation_cancel",
    ),
    path("api-keys/", views_team.api_keys, name="api_keys"),
    path("api-keys/<int:key_id>/revoke/", views_team.api_key_revoke, name="api_key_revoke"),
]
