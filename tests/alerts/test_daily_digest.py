"""A digest rule sends one e-mail per day listing that day's matches, the morning after."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from opennps.alerts.actions import RuleSpec, create_rule
from opennps.alerts.evaluation import DIGEST_HOUR
from opennps.alerts.models import AlertDigest
from opennps.work.email import EMAIL_JOB
from opennps.work.models import Job
from tests.alerts.conftest import run_worker


def test_a_digest_groups_the_days_matches_in_one_mail(team, survey, answer, smtp_server):
    rule = create_rule(
        team.workspace,
        team.alice,
        RuleSpec(
            name="Daily detractors",
            mode="digest",
            conditions={"class": ["detractor"]},
            recipients=[team.alice],
        ),
    )
    answer(survey, 1, "Broken on arrival")
    answer(survey, 5, "Late")
    answer(survey, 9, "Fine")  # a promoter: not listed
    answer(survey, 3, "Rude support")

    run_worker()

    assert not Job.objects.filter(kind=EMAIL_JOB).exists()  # nothing before the morning after
    digest = AlertDigest.objects.get(rule=rule)
    assert digest.matches.count() == 3
    local_due = timezone.localtime(digest.next_attempt_at)
    assert local_due.date() == timezone.localdate() + timedelta(days=1)
    assert local_due.hour == DIGEST_HOUR

    AlertDigest.objects.filter(pk=digest.pk).update(next_attempt_at=timezone.now())
    run_worker()

    [mail] = smtp_server.inbox.wait_for(1)
    assert mail["To"] == "alice@example.com"
    assert "3" in mail["Subject"] and "Daily detractors" in mail["Subject"]
    text = mail.get_content()
    for comment in ("Broken on arrival", "Late", "Rude support"):
        assert comment in text
    assert "Fine" not in text

    digest.refresh_from_db()
    assert digest.sent_at is not None
    run_worker()
    assert len(smtp_server.inbox.messages) == 1
