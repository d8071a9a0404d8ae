from __future__ import annotations

from django.urls import include, path

urlpatterns = [
    path("", include("opennps.web.urls")),
    path("accounts/", include("opennps.accounts.urls")),
    path("", include("opennps.surveys.urls")),  # team pages under /w/<workspace id>/surveys/
    path("", include("opennps.responses.urls")),  # public pages: /s/<public id>, /r/<token>
    path("api/", include("opennps.api.urls")),
    path("", include("opennps.contacts.urls")),  # contacts and imports under /w/<id>/contacts/
    path("", include("opennps.distribution.urls")),  # public: /u/<token> (unsubscribe)
]
