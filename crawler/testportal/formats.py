"""Date and number formats the portal prints: Indonesian dates, RFC 822, HTTP dates, ISO 8601."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def tanggal(moment: datetime) -> str:
    """`31 Mei 2024`."""
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def tanggal_lengkap(moment: datetime, zone: str) -> str:
    """`Jumat, 31 Mei 2024 | 16:20 WIB`."""
    return f"{DAYS[moment.weekday()]}, {tanggal(moment)} | {moment:%H:%M} {zone}"


def iso(moment: datetime) -> str:
    """ISO 8601 with the offset, to the second (`2024-05-31T16:20:00+07:00`)."""
    return moment.isoformat(timespec="seconds")


def iso_naive(moment: datetime) -> str:
    """ISO 8601 without offset (WordPress REST `date` / `date_gmt` fields)."""
    return moment.replace(tzinfo=None).isoformat(timespec="seconds")


def utc(moment: datetime) -> datetime:
    """The same instant in UTC."""
    return moment.astimezone(UTC)


def rfc822(moment: datetime) -> str:
    """RSS `pubDate`: `Fri, 31 May 2024 16:20:00 +0700`."""
    return format_datetime(moment)


def http_date(moment: datetime) -> str:
    """HTTP `Last-Modified`: `Fri, 31 May 2024 09:20:00 GMT`."""
    return format_datetime(utc(moment), usegmt=True)
