"""Inviting people to a workspace, accepting invitations, changing roles and removing members.

The rules every caller gets: only an owner makes (or unmakes) an owner, and a workspace always keeps
at least one owner.
"""

from __future__ import annotations

import logging
import secrets
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from opennps.accounts.models import (
    MemberInvitation,
    Membership,
    Role,
    User,
    Workspace,
    hash_secret,
)

logger = logging.getLogger(__name__)

INVITATION_LIFETIME = timedelta(days=7)


class MembershipError(ValueError):
    """A refused change, with a message meant for the person who asked for it."""


def _require_owner_for(actor: Membership, *roles: str) -> None:
    if Role.OWNER in roles and actor.role != Role.OWNER:
        raise MembershipError(_("Only an owner can make someone an owner or change an owner."))


def _locked_owner_ids(workspace_id: int) -> list[int]:
    """Lock the workspace's owner rows, always in the same order and before any other row.

    Two owners demoting each other at the same moment are then serialised, and the second one sees
    that the first is no longer an owner.
    """
    return list(
        Membership.objects.select_for_update()
        .filter(workspace_id=workspace_id, role=Role.OWNER)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _refuse_last_owner(owner_ids: list[int], member: Membership) -> None:
    if owner_ids == [member.pk]:
        raise MembershipError(
            _("A workspace needs at least one owner. Make someone else an owner first.")
        )


def invitation_url(token: str) -> str:
    return settings.BASE_URL + reverse("accounts:invitation", kwargs={"token": token})


def invite_member(
    workspace: Workspace, email: str, role: str, invited_by: Membership
) -> tuple[MemberInvitation, str]:
    """Create an invitation and e-mail its link; returns the invitation and its secret token.

    Inviting the same address again replaces the earlier invitation, so only the newest link works.
    """
    email = email.strip().lower()
    if role not in Role.values:
        raise MembershipError(_("Choose one of the roles listed."))
    _require_owner_for(invited_by, role)
    if Membership.objects.filter(workspace=workspace, user__email=email).exists():
        raise MembershipError(
            _("%(email)s is already a member of this workspace.") % {"email": email}
        )
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        MemberInvitation.objects.filter(
            workspace=workspace, email=email, accepted_at__isnull=True
        ).delete()
        invitation = MemberInvitation.objects.create(
            workspace=workspace,
            email=email,
            role=role,
            token_hash=hash_secret(token),
            invited_by=invited_by.user,
            expires_at=timezone.now() + INVITATION_LIFETIME,
        )
    try:
        _send_invitation(invitation, token)
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Could not send the invitation to %s: %s", email, error)
        invitation.delete()
        raise MembershipError(
            _("The invitation e-mail could not be sent (%(error)s). Try again later.")
            % {"error": error}
        ) from error
    return invitation, token


def _send_invitation(invitation: MemberInvitation, token: str) -> None:
    inviter = invitation.invited_by
    values = {
        "inviter": (inviter.name or inviter.email) if inviter else _("A colleague"),
        "workspace": invitation.workspace.name,
        "role": Role(invitation.role).label,
        "url": invitation_url(token),
        "days": INVITATION_LIFETIME.days,
    }
    subject = _("You are invited to %(workspace)s on OpenNPS") % values
    body = (
        _(
            "%(inviter)s invited you to the workspace %(workspace)s on OpenNPS as %(role)s.\n\n"
            "Open this link within %(days)s days to accept:\n%(url)s\n\n"
            "If you did not expect this e-mail, you can ignore it."
        )
        % values
    )
    send_mail(subject, body, None, [invitation.email])


def pending_invitation(token: str) -> MemberInvitation | None:
    """The invitation this token opens, if it is neither used nor expired."""
    if not token or len(token) > 200:
        return None
    return (
        MemberInvitation.objects.select_related("workspace", "invited_by")
        .filter(
            token_hash=hash_secret(token),
            accepted_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .first()
    )


@transaction.atomic
def accept_invitation(invitation: MemberInvitation, user: User) -> Membership:
    """Make `user` a member with the invited role. An existing member keeps their current role."""
    locked = MemberInvitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.accepted_at is not None or locked.expires_at <= timezone.now():
        raise MembershipError(_("This invitation has already been used or has expired."))
    membership, _created = Membership.objects.get_or_create(
        user=user, workspace_id=locked.workspace_id, defaults={"role": locked.role}
    )
    locked.accepted_at = timezone.now()
    locked.save(update_fields=["accepted_at"])
    return membership


@transaction.atomic
def join_with_new_account(invitation: MemberInvitation, name: str, password: str) -> User:
    """Create the invited person's account (e-mail from the invitation) and accept for them."""
    if User.objects.filter(email=invitation.email).exists():
        raise MembershipError(_("An account with this e-mail exists already. Sign in to accept."))
    user = User.objects.create_user(email=invitation.email, password=password, name=name.strip())
    accept_invitation(invitation, user)
    return user


@transaction.atomic
def change_role(actor: Membership, member: Membership, role: str) -> Membership:
    if role not in Role.values:
        raise MembershipError(_("Choose one of the roles listed."))
    owner_ids = _locked_owner_ids(member.workspace_id)
    member = Membership.objects.select_for_update().get(pk=member.pk)
    _require_owner_for(actor, role, member.role)
    if member.role == Role.OWNER and role != Role.OWNER:
        _refuse_last_owner(owner_ids, member)
    member.role = role
    member.save(update_fields=["role"])
    return member


@transaction.atomic
def remove_member(actor: Membership, member: Membership) -> None:
    owner_ids = _locked_owner_ids(member.workspace_id)
    member = Membership.objects.select_for_update().get(pk=member.pk)
    _require_owner_for(actor, member.role)
    if member.role == Role.OWNER:
        _refuse_last_owner(owner_ids, member)
    member.delete()


def cancel_invitation(invitation: MemberInvitation) -> None:
    MemberInvitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).delete()
