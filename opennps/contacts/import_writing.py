"""Writing checked contact rows: upsert by external id, else e-mail, in batches.

The matching rules are `upsert_contact`'s: a row finds the contact with its external id, else the
one with its e-mail; an e-mail that belongs to a contact with another external id, or to another
contact than the one the external id found, is a conflict and the row is skipped. Nothing stored is
lost: empty cells leave fields as they are, attributes are merged key by key, and consent,
unsubscribes and do-not-contact are never touched by an import.

Each batch of 2,000 rows is one transaction (the SQL is in import_sql.py). Should a batch still hit a unique
constraint (a contact created by the API while the import ran, or two rows swapping e-mails), it is
rolled back and replayed row by row so only the clashing row is reported.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opennps.accounts.models import Workspace
from opennps.contacts.import_sql import write_contacts
from opennps.contacts.importing import ROW, ImportReport, RowError
from opennps.contacts.models import Account, Contact

BATCH = 2000
Progress = Callable[[int, int], None]


class _Index:
    """The workspace's contacts and accounts by identifier, kept current as rows are applied."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.by_id: dict[str, Contact] = {}
        self.by_email: dict[str, Contact] = {}
        for contact in Contact.objects.filter(workspace=workspace).defer(
            "consent", "unsubscribed", "do_not_contact", "do_not_contact_at"
        ):
            if contact.external_id:
                self.by_id[contact.external_id] = contact
            if contact.email:
                self.by_email[contact.email] = contact
        self.accounts_by_id: dict[str, Account] = {}
        self.accounts_by_name: dict[str, Account] = {}
        for account in Account.objects.filter(workspace=workspace).order_by("pk"):
            if account.external_id:
                self.accounts_by_id[account.external_id] = account
            self.accounts_by_name.setdefault(account.name.lower(), account)


class _Batch:
    def __init__(self) -> None:
        self.created: dict[int, Contact] = {}
        self.updated: dict[int, Contact] = {}
        self.new_accounts: dict[int, Account] = {}
        self.changed_accounts: dict[int, Account] = {}
        self.errors: list[RowError] = []
        self.created_rows = 0
        self.updated_rows = 0


def import_rows(
    workspace: Workspace,
    rows: list[dict[str, Any]],
    report: ImportReport,
    progress: Progress | None = None,
) -> ImportReport:
    """Apply checked rows (see importing.rows_for_writing); counts and row errors go to `report`."""
    index = _Index(workspace)
    for start in range(0, len(rows), BATCH):
        chunk = rows[start : start + BATCH]
        try:
            _commit(index, chunk, report)
        except IntegrityError:
            index = _Index(workspace)
            for row in chunk:
                try:
                    _commit(index, [row], report)
                except IntegrityError:
                    index = _Index(workspace)
                    report.errors.append(
                        RowError(
                            row[ROW],
                            "email" if row.get("email") else "external_id",
                            _("Another contact was saved with this e-mail or id meanwhile."),
                        )
                    )
        if progress is not None:
            progress(min(start + BATCH, len(rows)), len(rows))
    return report


def _commit(index: _Index, chunk: list[dict[str, Any]], report: ImportReport) -> None:
    batch = _Batch()
    now = timezone.now()
    with transaction.atomic():
        for row in chunk:
            _apply(index, batch, row, now)
        Account.objects.bulk_create(list(batch.new_accounts.values()))
        changed = [a for key, a in batch.changed_accounts.items() if key not in batch.new_accounts]
        Account.objects.bulk_update(changed, ["name", "attributes", "updated_at"], batch_size=500)
        write_contacts(batch.updated.values(), batch.created.values(), now)
    report.created += batch.created_rows
    report.updated += batch.updated_rows
    report.accounts_created += len(batch.new_accounts)
    report.errors += batch.errors


def _apply(index: _Index, batch: _Batch, row: dict[str, Any], now: Any) -> None:
    external_id, email = row.get("external_id", ""), row.get("email", "")
    contact = index.by_id.get(external_id) if external_id else None
    if contact is None and email:
        contact = index.by_email.get(email)
        if contact is not None and external_id and contact.external_id:
            batch.errors.append(
                RowError(
                    row[ROW],
                    "email",
                    _(
                        "The e-mail %(email)s belongs to the contact with external_id "
                        "%(theirs)s, not %(yours)s."
                    )
                    % {
                        "email": email,
                        "theirs": repr(contact.external_id),
                        "yours": repr(external_id),
                    },
                )
            )
            return
    if contact is not None and email and email != contact.email:
        owner = index.by_email.get(email)
        if owner is not None and owner is not contact:
            batch.errors.append(
                RowError(
                    row[ROW],
                    "email",
                    _("Another contact already has the e-mail %(email)s.") % {"email": email},
                )
            )
            return
    if contact is not None and contact.pk is None and id(contact) not in batch.created:
        # Created by an earlier batch of this file (its id is not read back): the file's own
        # duplicate checks make this unreachable, but never write a row to an unknown id.
        batch.errors.append(
            RowError(row[ROW], "external_id", _("This contact is already earlier in this file."))
        )
        return
    if contact is None:
        contact = Contact(workspace=index.workspace)
        batch.created[id(contact)] = contact
        batch.created_rows += 1
    else:
        if id(contact) not in batch.created:
            batch.updated[id(contact)] = contact
        batch.updated_rows += 1
    if external_id:
        contact.external_id = external_id
        index.by_id[external_id] = contact
    if email and email != contact.email:
        if contact.email and index.by_email.get(contact.email) is contact:
            del index.by_email[contact.email]
        contact.email = email
        index.by_email[email] = contact
    for name in ("phone", "name", "language", "time_zone"):
        if name in row:
            setattr(contact, name, row[name])
    if row["attributes"]:
        contact.attributes = {**contact.attributes, **row["attributes"]}
    account = _account(index, batch, row, now)
    if account is not None:
        contact.account = account
    contact.updated_at = now


def _account(index: _Index, batch: _Batch, row: dict[str, Any], now: Any) -> Account | None:
    account_id, name = row.get("account_id", ""), row.get("account", "")
    if not account_id and not name:
        return None
    account = index.accounts_by_id.get(account_id) if account_id else None
    if account is None and not account_id:
        account = index.accounts_by_name.get(name.lower())
    if account is None:
        account = Account(
            workspace=index.workspace, name=name or account_id, external_id=account_id
        )
        batch.new_accounts[id(account)] = account
        if account_id:
            index.accounts_by_id[account_id] = account
        index.accounts_by_name.setdefault(account.name.lower(), account)
    elif name and name != account.name:
        account.name = name
        batch.changed_accounts[id(account)] = account
    if row["account_attributes"]:
        account.attributes = {**account.attributes, **row["account_attributes"]}
        batch.changed_accounts[id(account)] = account
    account.updated_at = now
    return account


def run_import(
    workspace: Workspace, frame: Any, spec: Any, progress: Progress | None = None
) -> ImportReport:
    """Check the file's rows against `spec` (importing.ImportSpec), write the good ones, and
    return the report naming every skipped row and field."""
    from opennps.contacts.importing import rows_for_writing, validate

    good, errors = validate(frame, spec)
    report = ImportReport(rows=frame.height, errors=errors)
    return import_rows(workspace, rows_for_writing(good), report, progress)
