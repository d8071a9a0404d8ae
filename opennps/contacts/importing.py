"""Checking every row of a contact file, column by column, in Polars.

The file is read by import_reading.read_table (every cell as text). Each file column is mapped
to a contact field, an attribute of the contact (`plan`), or an attribute of its account
(`account.revenue`). The checks
run on whole columns at once, so 100,000 rows take well under a second; only e-mail addresses the
fast pattern rejects are looked at again, one by one, with Django's own validator, so the import
accepts exactly what `upsert_contact` accepts.

Row numbers are the spreadsheet's: the header is row 1, the first contact row 2.
"""

from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import polars as pl
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

# read_table is re-exported: the page, the command and the benchmark import it from here.
from opennps.contacts.import_reading import ImportFileError, read_table  # noqa: F401

# Contact fields a column may fill; `account` is the account's name, `account_id` its external id.
FIELDS = ("external_id", "email", "phone", "name", "language", "time_zone", "account", "account_id")
MAX_LENGTHS = {"external_id": 200, "email": 254, "phone": 32, "name": 200, "account": 200}
MAX_LENGTHS["account_id"] = 200
ATTRIBUTE_TYPES = ("text", "number", "date")
ACCOUNT_PREFIX = "account."
IGNORE = "-"  # the mapping target that leaves a column out
ROW = "_row"

# Header spellings (lower case, separators removed) that suggest a field.
SYNONYMS = {
    "externalid": "external_id",
    "id": "external_id",
    "customerid": "external_id",
    "clientid": "external_id",
    "contactid": "external_id",
    "userid": "external_id",
    "email": "email",
    "mail": "email",
    "emailaddress": "email",
    "mailaddress": "email",
    "phone": "phone",
    "phonenumber": "phone",
    "mobile": "phone",
    "tel": "phone",
    "name": "name",
    "fullname": "name",
    "language": "language",
    "lang": "language",
    "locale": "language",
    "timezone": "time_zone",
    "tz": "time_zone",
    "account": "account",
    "company": "account",
    "accountname": "account",
    "companyname": "account",
    "accountid": "account_id",
    "companyid": "account_id",
}

# Deliberately simple: anything it rejects is re-checked by Django's validator.
EMAIL_PATTERN = r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"


@dataclass(frozen=True)
class RowError:
    row: int
    field: str
    message: str

    def __str__(self) -> str:
        return _("Row %(row)s, %(field)s: %(message)s") % {
            "row": self.row,
            "field": self.field,
            "message": self.message,
        }


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    accounts_created: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def rows_with_errors(self) -> int:
        return len({error.row for error in self.errors})

    @property
    def imported(self) -> int:
        return self.created + self.updated

    def summary(self) -> str:
        return _(
            "%(rows)s rows read: %(imported)s imported (%(created)s new, %(updated)s updated), "
            "%(skipped)s skipped because of errors."
        ) % {
            "rows": self.rows,
            "imported": self.imported,
            "created": self.created,
            "updated": self.updated,
            "skipped": self.rows_with_errors,
        }

    def text(self) -> str:
        lines = [self.summary()]
        lines += [str(error) for error in sorted(self.errors, key=lambda e: (e.row, e.field))]
        return "\n".join(lines)


@dataclass(frozen=True)
class ImportSpec:
    """How the file's columns become contacts: column -> target, and column -> attribute type."""

    mapping: dict[str, str]
    types: dict[str, str] = field(default_factory=dict)


def _key(header: str) -> str:
    return re.sub(r"[\s_\-.]+", "", header.lower())


def suggest_mapping(columns: list[str]) -> dict[str, str]:
    """A target for every column: a field when the header names one, else an attribute."""
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for column in columns:
        target = SYNONYMS.get(_key(column))
        if target and target not in taken:
            mapping[column] = target
            taken.add(target)
        else:
            mapping[column] = re.sub(r"\s+", "_", column.strip().lower()) or IGNORE
    return mapping


def build_spec(
    columns: list[str],
    overrides: dict[str, str] | None = None,
    id_column: str = "",
    types: dict[str, str] | None = None,
) -> ImportSpec:
    """The suggested mapping with the user's choices applied; ImportFileError on a bad choice."""
    mapping = suggest_mapping(columns)
    overrides = dict(overrides or {})
    if id_column:
        # The chosen id column replaces any column the headers suggested for the external id.
        mapping = {c: (IGNORE if t == "external_id" else t) for c, t in mapping.items()}
        overrides[id_column] = "external_id"
    for column in [*overrides, *(types or {})]:
        if column not in columns:
            raise ImportFileError(
                _("The file has no column %(column)s. Its columns: %(columns)s.")
                % {"column": repr(column), "columns": ", ".join(columns)}
            )
    for column, target in overrides.items():
        mapping[column] = target.strip() or IGNORE
    for column, kind in (types or {}).items():
        if kind not in ATTRIBUTE_TYPES:
            raise ImportFileError(
                _("Unknown type %(kind)s for column %(column)s; use text, number or date.")
                % {"kind": repr(kind), "column": repr(column)}
            )
    targets = [t for t in mapping.values() if t in FIELDS]
    for target in set(targets):
        if targets.count(target) > 1:
            raise ImportFileError(
                _("Two columns are mapped to %(field)s; map only one.") % {"field": target}
            )
    if "external_id" not in targets and "email" not in targets:
        raise ImportFileError(
            _(
                "No column identifies the contacts: map one column to external_id or email "
                "(or name it with --id-column)."
            )
        )
    return ImportSpec(mapping=mapping, types=dict(types or {}))


@cache
def _time_zones() -> dict[str, str]:
    return {name.lower(): name for name in zoneinfo.available_timezones()}


@cache
def _languages() -> list[str]:
    return sorted(code.lower() for code in LANG_INFO)


def _errors_where(frame: pl.DataFrame, mask: pl.Expr, column: str, field_name: str, message: str):
    """RowErrors for the rows matching `mask`; `message` may use %(value)s."""
    rows = frame.filter(mask).select(ROW, column)
    return [
        RowError(row, field_name, message % {"value": repr(value)})
        for row, value in rows.iter_rows()
    ]


def validate(frame: pl.DataFrame, spec: ImportSpec) -> tuple[pl.DataFrame, list[RowError]]:
    """The good rows as a frame of targets (fields, `attr:NAME`, `account_attr:NAME`) and the
    errors of the bad rows. Values are cleaned: e-mail lower case, known time-zone spelling,
    numbers as floats, dates as YYYY-MM-DD."""
    columns: list[pl.Expr] = [(pl.int_range(pl.len()) + 2).alias(ROW)]
    labels: dict[str, str] = {}  # output column -> the name the report uses
    for column, target in spec.mapping.items():
        if target == IGNORE:
            continue
        if target in FIELDS:
            out = target
        elif target.startswith(ACCOUNT_PREFIX):
            out = "account_attr:" + target[len(ACCOUNT_PREFIX) :]
        else:
            out = "attr:" + target
        columns.append(pl.col(column).alias(out))
        labels[out] = column
    clean = frame.select(columns)
    for name in FIELDS:
        if name not in clean.columns:
            clean = clean.with_columns(pl.lit(None, dtype=pl.String).alias(name))
    errors: list[RowError] = []
    text = pl.col

    # Identifiers, lengths, formats.
    clean = clean.with_columns(text("email").str.to_lowercase())
    errors += _errors_where(
        clean,
        text("external_id").is_null() & text("email").is_null(),
        "external_id",
        "external_id",
        _("The row has neither an external id nor an e-mail address."),
    )
    for name, limit in MAX_LENGTHS.items():
        errors += _errors_where(
            clean,
            text(name).str.len_chars() > limit,
            name,
            name,
            _("%%(value)s is longer than %(limit)s characters.") % {"limit": limit},
        )
    suspects = clean.filter(
        text("email").is_not_null() & ~text("email").str.contains(EMAIL_PATTERN)
    ).select(ROW, "email")
    for row, value in suspects.iter_rows():
        try:
            validate_email(value)
        except ValidationError:
            errors.append(
                RowError(
                    row,
                    "email",
                    _("%(value)s is not a valid e-mail address.") % {"value": repr(value)},
                )
            )

    zones = _time_zones()
    clean = clean.with_columns(
        text("time_zone")
        .str.to_lowercase()
        .replace_strict(zones, default=None, return_dtype=pl.String)
        .alias("_zone")
    )
    errors += _errors_where(
        clean,
        text("time_zone").is_not_null() & text("_zone").is_null(),
        "time_zone",
        "time_zone",
        _("%(value)s is not a known time zone (use a name such as Europe/Berlin)."),
    )
    languages = _languages()
    clean = clean.with_columns(
        text("_zone").alias("time_zone"),
        text("language").str.to_lowercase().str.replace_all("_", "-").alias("language"),
    )
    known_language = text("language").is_in(languages) | text("language").str.split(
        "-"
    ).list.first().is_in(languages)
    errors += _errors_where(
        clean,
        text("language").is_not_null() & ~known_language & (text("language").str.len_chars() <= 10),
        "language",
        "language",
        _("%(value)s is not a known language code (use a code such as en, de or pt-br)."),
    )
    errors += _errors_where(
        clean,
        text("language").str.len_chars() > 10,
        "language",
        "language",
        _("%(value)s is not a known language code (use a code such as en, de or pt-br)."),
    )

    # Typed attributes.
    for column, kind in spec.types.items():
        target = spec.mapping.get(column, IGNORE)
        out = next(
            (
                o
                for o, c in labels.items()
                if c == column and o.startswith(("attr:", "account_attr:"))
            ),
            None,
        )
        if out is None or target == IGNORE:
            continue
        if kind == "number":
            parsed = (
                text(out)
                .str.replace_all(r"[\s\u00a0_]", "")
                .str.replace(r"^([-+]?\d+),(\d+)$", "${1}.${2}")
                .cast(pl.Float64, strict=False)
            )
            parsed = pl.when(parsed.is_finite()).then(parsed)
            message = _("%(value)s is not a number.")
        elif kind == "date":
            parsed = pl.coalesce(
                text(out).str.to_date("%Y-%m-%d", strict=False),
                text(out).str.to_datetime("%Y-%m-%d %H:%M:%S", strict=False).dt.date(),
                text(out).str.to_date("%d.%m.%Y", strict=False),
            ).dt.to_string("%Y-%m-%d")
            message = _("%(value)s is not a date (use YYYY-MM-DD or DD.MM.YYYY).")
        else:
            continue
        clean = clean.with_columns(parsed.alias("_typed"))
        errors += _errors_where(
            clean, text(out).is_not_null() & text("_typed").is_null(), out, column, message
        )
        clean = clean.with_columns(text("_typed").alias(out)).drop("_typed")

    # The same contact twice in one file: the first row wins, later ones are named.
    for name, message in (
        ("external_id", _("The external id %(value)s is already on row %(first)s of this file.")),
        ("email", _("The e-mail %(value)s is already on row %(first)s of this file.")),
    ):
        later = (
            clean.with_columns(pl.col(ROW).first().over(name).alias("_first"))
            .filter(text(name).is_not_null() & (pl.col(ROW) != pl.col("_first")))
            .select(ROW, name, "_first")
        )
        errors += [
            RowError(row, name, message % {"value": repr(value), "first": first_row})
            for row, value, first_row in later.iter_rows()
        ]

    bad_rows = {error.row for error in errors}
    good = clean.drop("_zone").filter(~pl.col(ROW).is_in(list(bad_rows)))
    return good, errors


def rows_for_writing(good: pl.DataFrame) -> list[dict[str, Any]]:
    """Each good row as {field: value, "attributes": {...}, "account_attributes": {...}};
    empty cells are left out so they never blank what is stored."""
    attr = [c for c in good.columns if c.startswith("attr:")]
    account_attr = [c for c in good.columns if c.startswith("account_attr:")]
    rows = []
    for record in good.iter_rows(named=True):
        row = {name: record[name] for name in (ROW, *FIELDS) if record.get(name) is not None}
        row["attributes"] = {c[5:]: _plain(record[c]) for c in attr if record[c] is not None}
        row["account_attributes"] = {
            c[13:]: _plain(record[c]) for c in account_attr if record[c] is not None
        }
        rows.append(row)
    return rows


def _plain(value: Any) -> Any:
    # Whole numbers are stored as ints so 42 stays 42 in JSON, not 42.0.
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value
