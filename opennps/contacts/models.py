from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from opennps.accounts.models import Workspace

# Channels a contact can consent to or unsubscribe from (the distribution channels that reach a
# person; web links and kiosks need no consent).
CONSENT_CHANNELS = ("email", "sms", "phone")


class Account(models.Model):
    """A B2B customer company; its contacts are the people asked. Attributes hold revenue, plan,
    owner and whatever else the CRM knows, for segmenting by account."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="accounts")
    name = models.CharField(_("name"), max_length=200)
    external_id = models.CharField(_("external id"), max_length=200, blank=True)
    attributes = models.JSONField(_("attributes"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["workspace", "external_id"],
                condition=~Q(external_id=""),
                name="account_external_id_unique_in_workspace",
            ),
        ]

    def __str__(self) -> str:
        return self.name or self.external_id or f"#{self.pk}"


class Contact(models.Model):
    """A customer (or employee) the workspace may invite. Identified by external id or e-mail."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="contacts")
    external_id = models.CharField(_("external id"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True)
    attributes = models.JSONField(_("attributes"), default=dict, blank=True)
    account = models.ForeignKey(
        Account,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("account"),
    )
    # {channel: {"granted": bool, "at": ISO time}}: the last consent decision per channel.
    consent = models.JSONField(_("consent"), default=dict, blank=True)
    # {channel: ISO time}: when the contact unsubscribed from the channel (absent = subscribed).
    unsubscribed = models.JSONField(_("unsubscribed"), default=dict, blank=True)
    # Never invite this person on any channel (a complaint, a legal hold, a staff member).
    do_not_contact = models.BooleanField(_("do not contact"), default=False)
    do_not_contact_at = models.DateTimeField(_("do not contact since"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["workspace", "external_id"],
                condition=~Q(external_id=""),
                name="contact_external_id_unique_in_workspace",
            ),
            models.UniqueConstraint(
                fields=["workspace", "email"],
                condition=~Q(email=""),
                name="contact_email_unique_in_workspace",
            ),
        ]

    def __str__(self) -> str:
        return self.name or self.email or self.external_id or f"#{self.pk}"

    def has_consent(self, channel: str) -> bool | None:
        """True/False for a recorded decision on `channel`, None when the contact never said."""
        decision = self.consent.get(channel)
        return None if decision is None else bool(decision.get("granted"))

    def is_unsubscribed(self, channel: str) -> bool:
        return channel in self.unsubscribed

    def may_receive(self, channel: str) -> bool:
        """Whether an invitation may be sent on `channel`: not do-not-contact, not unsubscribed,
        and consent not withdrawn (no recorded decision counts as allowed; see docs)."""
        if self.do_not_contact or self.is_unsubscribed(channel):
            return False
        return self.has_consent(channel) is not False
