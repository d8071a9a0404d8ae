from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_home_page_speaks_the_browser_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 200
    assert '<html lang="ru">' in response.content.decode()
