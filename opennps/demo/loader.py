"""Writes the demo organisation to the database: accounts, surveys, then the generated rows in bulk.

The whole load is one transaction, so an interrupted load leaves nothing behind. The organisation's
name (`DEMO_ORGANISATION`) marks demo data: loading again finds it and changes nothing, and a reset
deletes that organisation only.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import models, transaction
from django.utils import timezone

from opennps.accounts.actions.setup import create_admin
from opennps.accounts.models import Membership, Organisation, Role, User, Workspace, hash_secret
from opennps.analytics.models import SegmentDimension
from opennps.analytics.rollups import rebuild
from opennps.contacts.models import Contact
from opennps.demo.alerting import connect_crm_trial, create_alert_rules, schedule_monthly_report
from opennps.demo.channels import set_up_kiosks, set_up_widget
from opennps.demo.company import (
    CUSTOMER_WORKSPACE,
    DEMO_EMAIL,
    DEMO_ORGANISATION,
    DEMO_PASSWORD,
    EMPLOYEE_WORKSPACE,
    MEMBERS,
    PURCHASE,
    RELATIONSHIP,
    SURVEYS,
    SurveyPlan,
)
from opennps.demo.generator import DemoData, generate
from opennps.demo.loop import analyse_demo_comments, open_demo_cases
from opennps.demo.outreach import (
    finish_campaigns,
    plan_relationship_campaigns,
    record_purchase_triggers,
)
from opennps.demo.timestamps import explicit_timestamps
from opennps.demo.timing import DAY, HISTORY
from opennps.distribution.models import Channel, Event, Invitation
from opennps.responses.models import IdempotencyKey, Response
from opennps.stats.classify import classify
from opennps.surveys.models import ExtraQuestion, QuestionKind, Survey, SurveyStatus, SurveyVersion
from opennps.surveys.versions import publish_version

BATCH_SIZE = 1000
# The organisation was set up a fortnight before the first answers came in.
SETUP_LEAD = timedelta(days=14)


class DemoConflictError(Exception):
    """Something outside the demo organisation would be changed by loading it."""


@dataclass(frozen=True)
class LoadResult:
    loaded: bool  # False when the demo organisation was already there and nothing changed
    organisation: Organisation
    responses: dict[str, int]  # survey name -> responses
    contacts: int = 0
    invitations: int = 0
    seconds: float = 0.0
    owner_existed: bool = False  # an existing account keeps its password


def demo_organisation() -> Organisation | None:
    return Organisation.objects.filter(name=DEMO_ORGANISATION).order_by("pk").first()


def responses_by_survey(organisation: Organisation) -> dict[str, int]:
    counts = (
        Response.objects.filter(workspace__organisation=organisation)
        .values("survey__name")
        .annotate(count=models.Count("pk"))
        .order_by("survey__name")
    )
    return {row["survey__name"]: row["count"] for row in counts}


def wipe_demo(organisation: Organisation) -> None:
    """Delete the demo organisation and everything in it; user accounts stay."""
    rows = {"workspace__organisation": organisation}
    # The big tables first, children before parents, loading only ids: deleting through the
    # organisation would load every response whole.
    for model_class in (IdempotencyKey, Response, Event, Invitation, Contact):
        model_class.objects.filter(**rows).only("pk").delete()
    organisation.delete()


@transaction.atomic
def load_demo(
    *,
    responses: int = 20_000,
    seed: int = 7,
    email: str = DEMO_EMAIL,
    password: str = DEMO_PASSWORD,
    reset: bool = False,
    now: datetime | None = None,
) -> LoadResult:
    """Load the demo organisation unless it is there already (or wipe and reload with `reset`)."""
    started = time.perf_counter()
    existing = demo_organisation()
    if existing is not None and not reset:
        return LoadResult(
            loaded=False, organisation=existing, responses=responses_by_survey(existing)
        )
    if existing is not None:
        wipe_demo(existing)
    now = now or timezone.now()
    email = email.strip().lower()
    owner_existed = User.objects.filter(email=email).exists()
    workspaces = _create_organisation(email, password, now)
    surveys, versions = _create_surveys(workspaces, now)
    data = generate(seed, responses, now)
    contacts = _insert_contacts(workspaces[CUSTOMER_WORKSPACE], data)
    owner = User.objects.get(email=email)
    campaigns = plan_relationship_campaigns(
        surveys[RELATIONSHIP.key], owner, data.waves, now - HISTORY - SETUP_LEAD
    )
    invitations = _insert_invitations(surveys, contacts, data, campaigns)
    finish_campaigns(list(campaigns.values()))
    _insert_responses(surveys, versions, contacts, invitations, data)
    _declare_segments(workspaces)
    # The bulk insert skipped the response listeners: analyse and open cases here instead.
    analyse_demo_comments(workspaces[CUSTOMER_WORKSPACE], now)
    open_demo_cases(workspaces[CUSTOMER_WORKSPACE], now, seed)
    # Last, so that no answer of the history meets an alert rule or a webhook.
    _set_up_channels_and_alerts(
        workspaces[CUSTOMER_WORKSPACE], surveys, owner, data, invitations, contacts, now, seed
    )
    organisation = workspaces[CUSTOMER_WORKSPACE].organisation
    return LoadResult(
        loaded=True,
        organisation=organisation,
        responses=responses_by_survey(organisation),
        contacts=len(contacts),
        invitations=len(invitations),
        seconds=time.perf_counter() - started,
        owner_existed=owner_existed,
    )


def _set_up_channels_and_alerts(
    workspace: Workspace,
    surveys: dict[str, Survey],
    owner: User,
    data: DemoData,
    invitations: dict[int, int],
    contacts: dict[str, int],
    now: datetime,
    seed: int,
) -> None:
    """The customer workspace's trigger rule, kiosks, widget, alert rules, CRM webhook and
    monthly report, so none of those pages is empty."""
    set_up_at = now - HISTORY - SETUP_LEAD
    purchase = surveys[PURCHASE.key]
    record_purchase_triggers(purchase, owner, set_up_at, data.invitations, invitations, contacts)
    set_up_kiosks(purchase, set_up_at)
    set_up_widget(purchase)
    analyst = User.objects.get(
        email=next(
            m.email for m in MEMBERS if m.workspace == workspace.name and m.role == "analyst"
        )
    )
    customer_surveys = [surveys[RELATIONSHIP.key], purchase]
    create_alert_rules(workspace, customer_surveys, owner, analyst, now)
    connect_crm_trial(workspace, now, seed)
    schedule_monthly_report(workspace, [owner, analyst], owner, now)


# The attributes the demo's dashboards compare groups by.
DEMO_SEGMENTS = {
    CUSTOMER_WORKSPACE: (
        "region",
        "age_group",
        "gender",
        "plan",
        "tenure",
        "spend_band",
        "touchpoint",
        "agent",
        "store",
    ),
    EMPLOYEE_WORKSPACE: ("department", "tenure", "office"),
}


def _declare_segments(workspaces: dict[str, Workspace]) -> None:
    """Mark the demo's segment attributes and build their rollups (bulk inserts bypass them)."""
    for name, keys in DEMO_SEGMENTS.items():
        SegmentDimension.objects.bulk_create(
            SegmentDimension(workspace=workspaces[name], key=key) for key in keys
        )
    rebuild(workspace.pk for workspace in workspaces.values())


def _create_organisation(email: str, password: str, now: datetime) -> dict[str, Workspace]:
    """The organisation, its two workspaces, the owner of both and their colleagues."""
    taken = Workspace.objects.filter(name__in=[CUSTOMER_WORKSPACE, EMPLOYEE_WORKSPACE]).first()
    if taken is not None:
        raise DemoConflictError(
            f"A workspace called {taken.name!r} already exists outside the demo organisation; "
            "rename it before loading the demo data."
        )
    setup = create_admin(email, password, CUSTOMER_WORKSPACE)
    customer = setup.workspace
    organisation = customer.organisation
    organisation.name = DEMO_ORGANISATION
    organisation.save(update_fields=["name"])
    customer.industry = "telecom"
    customer.save(update_fields=["industry"])
    people = Workspace.objects.create(
        organisation=organisation, name=EMPLOYEE_WORKSPACE, industry="telecom"
    )
    Membership.objects.get_or_create(
        user=setup.user, workspace=people, defaults={"role": Role.OWNER}
    )
    workspaces = {CUSTOMER_WORKSPACE: customer, EMPLOYEE_WORKSPACE: people}
    for member in MEMBERS:
        user = User.objects.filter(email=member.email).first()
        if user is None:
            user = User.objects.create_user(email=member.email, password=password, name=member.name)
        Membership.objects.get_or_create(
            user=user, workspace=workspaces[member.workspace], defaults={"role": member.role}
        )
    set_up_at = now - HISTORY - SETUP_LEAD
    Organisation.objects.filter(pk=organisation.pk).update(created_at=set_up_at)
    Workspace.objects.filter(organisation=organisation).update(created_at=set_up_at)
    Membership.objects.filter(workspace__organisation=organisation).update(created_at=set_up_at)
    return workspaces


def _create_surveys(
    workspaces: dict[str, Workspace], now: datetime
) -> tuple[dict[str, Survey], dict[tuple[str, int], int]]:
    """Each survey with its questions and versions; returns surveys by key and version ids by
    (survey key, version number)."""
    surveys: dict[str, Survey] = {}
    versions: dict[tuple[str, int], int] = {}
    created_at = now - HISTORY - DAY
    for plan in SURVEYS:
        survey = _create_survey(plan, workspaces[plan.workspace])
        first = publish_version(survey)
        SurveyVersion.objects.filter(pk=first.pk).update(created_at=created_at)
        versions[plan.key, 1] = first.pk
        if plan.third_question_since_days_ago is not None:
            survey.ask_third_question = True
            survey.save(update_fields=["ask_third_question", "updated_at"])
            second = publish_version(survey)
            SurveyVersion.objects.filter(pk=second.pk).update(
                created_at=now - plan.third_question_since_days_ago * DAY
            )
            versions[plan.key, 2] = second.pk
        Survey.objects.filter(pk=survey.pk).update(created_at=created_at)
        surveys[plan.key] = survey
    return surveys, versions


def _create_survey(plan: SurveyPlan, workspace: Workspace) -> Survey:
    survey = Survey.objects.create(
        workspace=workspace,
        name=plan.name,
        kind=plan.kind,
        status=SurveyStatus.ACTIVE,
        brand=plan.brand,
        default_language=plan.default_language,
        languages=plan.languages,
        hidden_attributes=list(plan.hidden_attributes),
        promoter_cta_url="https://example.com/review" if plan.kind == "customer" else "",
    )
    ExtraQuestion.objects.bulk_create(
        ExtraQuestion(
            survey=survey,
            key=question.key,
            kind=QuestionKind.ASPECT_RATING,
            position=position,
            texts={language: {"label": label} for language, label in question.labels.items()},
        )
        for position, question in enumerate(plan.questions, start=1)
    )
    return survey


def _insert_contacts(workspace: Workspace, data: DemoData) -> dict[str, int]:
    rows = [
        Contact(
            workspace=workspace,
            external_id=row["external_id"],
            email=row["email"],
            name=row["name"],
            language=row["language"],
            time_zone=row["time_zone"],
            attributes=row["attributes"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
        )
        for row in data.contacts
    ]
    with explicit_timestamps(Contact):
        Contact.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    return {row["key"]: contact.pk for row, contact in zip(data.contacts, rows, strict=True)}


def _insert_invitations(
    surveys: dict[str, Survey],
    contacts: dict[str, int],
    data: DemoData,
    campaigns: dict[int, int],
) -> dict[int, int]:
    """The invitations, with the times the sender records; a relationship e-mail belongs to its
    wave's campaign (`campaigns`: campaign id by wave)."""
    rows = [
        Invitation(
            workspace_id=surveys[row["survey"]].workspace_id,
            survey_id=surveys[row["survey"]].pk,
            contact_id=contacts[row["contact"]],
            channel=row["channel"],
            # Nobody holds these tokens: the demo's invitations were "sent" long ago.
            token_hash=hash_secret(secrets.token_urlsafe(24)),
            status=row["status"],
            created_at=row["created_at"],
            opened_at=row["opened_at"],
            responded=row["responded"],
            sent_at=row["sent_at"],
            reminded_at=row["reminded_at"],
            campaign_id=(
                campaigns[row["wave"]]
                if row["wave"] is not None and row["channel"] == Channel.EMAIL
                else None
            ),
        )
        for row in data.invitations
    ]
    with explicit_timestamps(Invitation):
        Invitation.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    return {
        row["key"]: invitation.pk for row, invitation in zip(data.invitations, rows, strict=True)
    }


def _insert_responses(
    surveys: dict[str, Survey],
    versions: dict[tuple[str, int], int],
    contacts: dict[str, int],
    invitations: dict[int, int],
    data: DemoData,
) -> None:
    batch: list[Response] = []
    for row in data.responses:
        survey = surveys[row["survey"]]
        # Same rule as create_response: an eNPS row never points at a person.
        linked = not survey.is_anonymous
        batch.append(
            Response(
                workspace_id=survey.workspace_id,
                survey_id=survey.pk,
                version_id=versions[row["survey"], row["version"]],
                score=row["score"],
                nps_class=str(classify(row["score"])),
                comment=row["comment"],
                third_answer=row["third_answer"],
                answers=row["answers"],
                channel=row["channel"],
                language=row["language"],
                contact_id=contacts[row["contact"]] if linked and row["contact"] else None,
                invitation_id=(
                    invitations[row["invitation"]] if linked and row["invitation"] else None
                ),
                attributes=row["attributes"],
                respondent_key=row["respondent_key"],
                created_at=row["created_at"],
                updated_at=row["updated_at"],
            )
        )
        if len(batch) == BATCH_SIZE:
            Response.objects.bulk_create(batch)
            batch = []
    if batch:
        Response.objects.bulk_create(batch)
