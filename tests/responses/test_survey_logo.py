"""The survey's logo is shown at the top and served from the survey's own URL."""

from __future__ import annotations

from django.core.files.base import ContentFile

from tests.responses.helpers import html_of

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def test_the_logo_is_shown_with_the_brand_as_its_text(client, make_survey):
    survey = make_survey(brand="Shop & Co")
    survey.logo.save("shop.png", ContentFile(PNG))
    html = html_of(client.get(f"/s/{survey.public_id}"))
    assert f'<img class="logo" src="/s/{survey.public_id}/logo" alt="Shop &amp; Co">' in html
    logo = client.get(f"/s/{survey.public_id}/logo")
    assert logo.status_code == 200
    assert logo.headers["Content-Type"] == "image/png"
    assert b"".join(logo.streaming_content) == PNG


def test_without_a_logo_the_brand_name_is_shown(client, survey):
    html = html_of(client.get(f"/s/{survey.public_id}"))
    assert '<p class="brand">Shop</p>' in html
    assert client.get(f"/s/{survey.public_id}/logo").status_code == 404


def test_only_image_files_are_served(client, make_survey):
    survey = make_survey()
    survey.logo.save("evil.svg", ContentFile(b"<svg onload='alert(1)'/>"))
    assert client.get(f"/s/{survey.public_id}/logo").status_code == 404


def test_a_draft_survey_logo_is_not_served(client, make_survey):
    survey = make_survey(status="draft")
    survey.logo.save("shop.png", ContentFile(PNG))
    assert client.get(f"/s/{survey.public_id}/logo").status_code == 404
