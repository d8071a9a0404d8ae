"""Which playbook a case follows: the workspace's own text, else the shipped one, in a language."""

from __future__ import annotations

from opennps.cases.models import Case, PlaybookGroup, PlaybookOverride
from opennps.cases.playbook_texts import SHIPPED, Playbook

FALLBACK_LANGUAGE = "en"


def playbook_language(language: str) -> str:
    """A shipped language for `language` ("ru-RU" → "ru", "zh-Hans" → "zh-hans", else English)."""
    code = (language or "").lower().replace("_", "-")
    if code in SHIPPED:
        return code
    if code.startswith("zh"):
        return "zh-hans"
    base = code.split("-")[0]
    return base if base in SHIPPED else FALLBACK_LANGUAGE


def shipped_playbook(group: str, language: str) -> Playbook:
    return SHIPPED[playbook_language(language)][group]


def playbook_for(workspace_id: int, group: str, language: str) -> Playbook:
    """The workspace's override for (group, language) when it has one, else the shipped text.

    A blank field of an override falls back to the shipped text, so an edit of only the steps
    keeps the shipped reply.
    """
    language = playbook_language(language)
    shipped = shipped_playbook(group, language)
    override = PlaybookOverride.objects.filter(
        workspace_id=workspace_id, group=group, language=language
    ).first()
    if override is None:
        return shipped
    return {
        "steps": list(override.steps) or shipped["steps"],
        "reply_subject": override.reply_subject or shipped["reply_subject"],
        "reply_body": override.reply_body or shipped["reply_body"],
    }


def save_playbook(
    workspace_id: int, group: str, language: str, steps: list[str], subject: str, body: str
) -> PlaybookOverride:
    """Store the workspace's text for (group, language); empty steps keep the shipped steps."""
    if group not in PlaybookGroup.values:
        raise ValueError(f"unknown playbook group {group!r}")
    override, _created = PlaybookOverride.objects.update_or_create(
        workspace_id=workspace_id,
        group=group,
        language=playbook_language(language),
        defaults={
            "steps": [step.strip() for step in steps if step.strip()],
            "reply_subject": subject.strip(),
            "reply_body": body.strip(),
        },
    )
    return override


def reset_playbook(workspace_id: int, group: str, language: str) -> None:
    PlaybookOverride.objects.filter(
        workspace_id=workspace_id, group=group, language=playbook_language(language)
    ).delete()


def case_language(case: Case) -> str:
    """The language to write to this customer in: the contact's, else the answer's."""
    contact_language = case.contact.language if case.contact else ""
    return playbook_language(contact_language or case.response.language)


def fill(text: str, case: Case) -> str:
    # Plain replacement, not str.format: an edited text with a stray brace must not break a reply.
    name = (case.contact.name or case.contact.email) if case.contact else ""
    return text.replace("{name}", name).replace("{brand}", case.survey.brand)


def draft_reply(case: Case) -> tuple[str, str]:
    """The playbook's reply for this case, filled in: (subject, body)."""
    playbook = playbook_for(case.workspace_id, case.nps_class, case_language(case))
    return fill(playbook["reply_subject"], case), fill(playbook["reply_body"], case)
