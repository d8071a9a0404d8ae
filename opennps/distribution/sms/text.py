"""The invitation SMS: the friendliest localised wording that still fits one segment."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext

from opennps.distribution.messages import Composer
from opennps.distribution.models import Invitation
from opennps.distribution.sms.segments import shortest_fitting


def candidates(brand: str, link: str) -> list[str]:
    """Wordings in the active language, from the friendliest to the shortest."""
    values = {"brand": brand, "link": link}
    texts = []
    if brand:
        texts += [
            gettext(
                "%(brand)s: how likely are you to recommend us to a friend? Reply with a score "
                "from 0 to 10, or answer here: %(link)s"
            )
            % values,
            gettext("%(brand)s: would you recommend us? Reply 0-10 or tap %(link)s") % values,
        ]
    texts += [
        gettext(
            "How likely are you to recommend us to a friend? Reply with a score from 0 to 10, or "
            "answer here: %(link)s"
        )
        % values,
        gettext("Would you recommend us? Reply 0-10 or tap %(link)s") % values,
        gettext("Rate us 0-10: %(link)s") % values,
    ]
    return texts


def sms_text(invitation: Invitation, token: str, composer: Composer | None = None) -> str:
    """The message for the invitation's contact, in their language, with their personal link."""
    composer = composer or Composer()
    language = composer.language_for(invitation)
    content = composer.content(invitation)
    brand = content.get("brand") or invitation.survey.brand or ""
    link = composer.url("responses:personal", token)
    with translation.override(language):
        return shortest_fitting(candidates(brand, link))


def preview_sms(brand: str, link: str, language: str) -> str:
    with translation.override(language):
        return shortest_fitting(candidates(brand, link))
