"""Logos: PNG, JPEG or WebP up to 512 KB, recognised by their first bytes, never by their name."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from opennps.surveys.actions import create_survey
from opennps.surveys.models import Survey

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 64
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def settings_with_logo(upload: SimpleUploadedFile) -> dict[str, object]:
    return {
        "name": "NPS",
        "kind": "customer",
        "brand": "Shop",
        "default_language": "en",
        "accent_colour": "#0b5cad",
        "repeat_days_per_browser": "30",
        "daily_answers_per_ip": "50",
        "logo": upload,
    }


def edit(team, survey, upload: SimpleUploadedFile):
    return team.client_for(team.alice).post(
        f"/w/{team.workspace.id}/surveys/{survey.id}/edit/", settings_with_logo(upload)
    )


@pytest.mark.parametrize(
    ("content", "name", "extension"),
    [
        (PNG, "logo.png", "png"),
        (JPEG, "photo.JPEG", "jpg"),
        (WEBP, "logo.webp", "webp"),
        (PNG, "logo.svg", "png"),
    ],
)
def test_a_real_image_is_stored_under_a_name_of_our_own(team, content, name, extension):
    survey = create_survey(team.workspace, name="NPS", brand="Shop")
    response = edit(team, survey, SimpleUploadedFile(name, content))
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.logo.name.startswith(f"logos/{survey.public_id}-")
    assert survey.logo.name.endswith(f".{extension}")
    with survey.logo.open("rb") as stored:
        assert stored.read() == content


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (SVG, "logo.svg"),
        (SVG, "logo.png"),
        (b"GIF89a" + b"\x00" * 32, "logo.png"),
        (b"just text pretending", "logo.png"),
        (b"", "empty.png"),
    ],
)
def test_anything_but_png_jpeg_or_webp_is_refused(team, content, name):
    survey = create_survey(team.workspace, name="NPS", brand="Shop")
    response = edit(team, survey, SimpleUploadedFile(name, content))
    assert response.status_code == 400
    assert 'id="id_logo_error"' in response.content.decode()
    survey.refresh_from_db()
    assert not survey.logo


def test_a_logo_over_512_kb_is_refused_with_its_size(team):
    survey = create_survey(team.workspace, name="NPS", brand="Shop")
    big = SimpleUploadedFile("big.png", PNG + b"\x00" * (512 * 1024))
    response = edit(team, survey, big)
    assert response.status_code == 400
    assert "The logo has 513 KB; at most 512 KB are allowed." in response.content.decode()


def test_the_team_sees_the_logo_and_can_remove_it(team, django_capture_on_commit_callbacks):
    survey = create_survey(team.workspace, name="NPS", brand="Shop")
    edit(team, survey, SimpleUploadedFile("logo.png", PNG))
    survey.refresh_from_db()
    stored_name = survey.logo.name
    logo_url = f"/w/{team.workspace.id}/surveys/{survey.id}/logo/"
    served = team.client_for(team.bob).get(logo_url)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    assert b"".join(served.streaming_content) == PNG
    assert team.client_for(team.charlie).get(logo_url).status_code == 404

    data = settings_with_logo(SimpleUploadedFile("x.png", b""))
    del data["logo"]
    data["remove_logo"] = "on"
    with django_capture_on_commit_callbacks(execute=True):
        response = team.client_for(team.alice).post(
            f"/w/{team.workspace.id}/surveys/{survey.id}/edit/", data
        )
    assert response.status_code == 302
    assert not Survey.objects.get().logo
    assert not survey.logo.storage.exists(stored_name)
    assert team.client_for(team.alice).get(logo_url).status_code == 404
