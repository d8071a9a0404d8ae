"""Comments over 5,000 characters get a clear error, and the text is handed back, not lost."""

from __future__ import annotations

from opennps.responses.models import Response
from tests.responses.helpers import html_of


def test_a_comment_over_the_limit_is_returned_with_a_clear_error(client, survey):
    client.post(f"/s/{survey.public_id}", {"score": "3"})
    text = "Слишком долго ждали. " * 250  # 5,250 characters
    page = client.post(f"/s/{survey.public_id}/more", {"comment": text})
    assert page.status_code == 400
    html = html_of(page)
    assert "please shorten it to 5000 characters or fewer (it now has 5249)" in html
    assert text.strip() in html
    assert 'aria-invalid="true" aria-describedby="id_comment-error"' in html
    assert Response.objects.get().comment == ""


def test_a_comment_of_exactly_5000_characters_is_kept(client, survey):
    client.post(f"/s/{survey.public_id}", {"score": "3"})
    page = client.post(f"/s/{survey.public_id}/more", {"comment": "x" * 5000})
    assert page.status_code == 303
    assert len(Response.objects.get().comment) == 5000


def test_the_third_answer_has_the_same_limit(client, make_survey):
    survey = make_survey(ask_third_question=True)
    client.post(f"/s/{survey.public_id}", {"score": "3"})
    page = client.post(f"/s/{survey.public_id}/more", {"comment": "ok", "third_answer": "y" * 5001})
    assert page.status_code == 400
    assert "(it now has 5001)" in html_of(page)
    assert Response.objects.get().comment == ""


def test_the_text_box_has_no_maxlength_that_would_cut_a_paste(client, survey):
    client.post(f"/s/{survey.public_id}", {"score": "3"})
    html = html_of(client.get(f"/s/{survey.public_id}/more"))
    assert "maxlength" not in html
    assert 'data-limit="5000"' in html
