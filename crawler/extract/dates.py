"""Indonesian date parsing and the page-level choice of publication and modification times."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7), "WIB")
"""Western Indonesian Time (Sumatra, Java, West and Central Kalimantan)."""
WITA = timezone(timedelta(hours=8), "WITA")
"""Central Indonesian Time (Bali, Nusa Tenggara, Sulawesi, South/East/North Kalimantan)."""
WIT = timezone(timedelta(hours=9), "WIT")
"""Eastern Indonesian Time (Maluku, Papua)."""

ZONES = {"wib": WIB, "wita": WITA, "wit": WIT, "utc": UTC, "gmt": UTC, "z": UTC}
"""Zone abbreviations printed on pages, by lower-case name."""

MONTHS = {
    # Indonesian full names, old spellings and the abbreviations portals print.
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2,
    "maret": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6,
    "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agust": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11, "desember": 12, "des": 12,
    # English names (Blogspot headers, English-language WordPress themes).
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "aug": 8, "october": 10, "oct": 10, "december": 12, "dec": 12,
    # Malay names that differ (Malaysian and Bruneian sites, Blogger's Malay date headers).
    "mac": 3, "julai": 7, "ogos": 8, "ogo": 8, "disember": 12, "dis": 12,
    # Full names in the European languages of the dev pages and of small sites everywhere
    # (Spanish, Portuguese, French, German, Dutch, Italian): abbreviations left out, being
    # words of other languages (`mar`, `mai`, `dia`).
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "abr": 4, "dic": 12,  # Spanish abbreviations no other language uses as a word (`9 abr. 2024`)
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9,
    "outubro": 10, "novembro": 11, "dezembro": 12,
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "août": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "januar": 1, "februar": 2, "märz": 3, "dezember": 12,
    "maart": 3, "augustus": 8,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
    # Swedish, Turkish, and the genitive forms Czech, Polish, Russian and Ukrainian dates print
    # (`15. března 2024`, `7 listopada 2023`, `14 марта 2024`)
    "maj": 5, "augusti": 8,
    "ocak": 1, "şubat": 2, "mart": 3, "nisan": 4, "mayıs": 5, "haziran": 6, "temmuz": 7,
    "ağustos": 8, "eylül": 9, "ekim": 10, "kasım": 11, "aralık": 12,
    "ledna": 1, "února": 2, "března": 3, "dubna": 4, "května": 5, "června": 6, "července": 7,
    "srpna": 8, "září": 9, "října": 10, "listopadu": 11, "prosince": 12,
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6, "lipca": 7,
    "sierpnia": 8, "września": 9, "października": 10, "listopada": 11, "grudnia": 12,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6, "липня": 7,
    "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
}  # fmt: skip
"""Month names and abbreviations (Indonesian, English, Malay) and European full names, lower-case,
to month numbers."""

DAY_NAMES = (
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
    "isnin", "khamis", "jumaat",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip
"""Day names that may open a printed date; recognised so they are not taken for months."""

RELATIVE_UNITS = {
    "detik": timedelta(seconds=1), "menit": timedelta(minutes=1), "jam": timedelta(hours=1),
    "hari": timedelta(days=1), "minggu": timedelta(weeks=1), "pekan": timedelta(weeks=1),
    "bulan": timedelta(days=30), "tahun": timedelta(days=365),
    "second": timedelta(seconds=1), "seconds": timedelta(seconds=1),
    "minute": timedelta(minutes=1), "minutes": timedelta(minutes=1),
    "hour": timedelta(hours=1), "hours": timedelta(hours=1),
    "day": timedelta(days=1), "days": timedelta(days=1),
}  # fmt: skip
"""Units of `2 jam lalu` / `3 hours ago`; months and years are approximate (30 / 365 days)."""

EARLIEST_YEAR = 1995
"""No Indonesian news portal published on the web before 1995 (the first went online in 1995)."""

FUTURE_TOLERANCE = timedelta(hours=14)
"""A date this far past the fetch time is impossible: the widest gap between two zones (UTC+14 /
UTC-12 is 26 h, but portals are within UTC+7..+9 and servers within UTC-12..+14) rounded down to
what real pages showed; anything later is a typo or a scheduled-post artefact."""
RENDER_STAMP_WINDOW = timedelta(minutes=10)
"""A structured publication time this close to the fetch may be the moment the page was rendered
(a theme that stamps `datePublished` with the current time): where the page prints an older
publication time, that one is the story's (dates-e 32). A real stamp of a story fetched this soon
after it went up is printed the same on the page, so the printed time agrees."""

Z_AS_WIB_MAX_GAP = timedelta(hours=2)
"""A `Z`-stamped time that lands within 2 h of a visible time when read as WIB (and 5+ h away when
read as UTC) is WIB mislabelled as UTC (detik prints pubdate `...T10:08:58Z` beside `10:08 WIB`)."""

PRINTED_TIME_PRECISION = timedelta(minutes=1)
"""Printed times drop the seconds: a stamp within a minute of one is the same time."""

SOURCE_RANK = {"api": 0, "jsonld": 1, "meta": 2, "feed": 3, "sitemap": 4, "text": 5, "url": 6}
"""Most reliable source first (issue 3: structured metadata before visible text before the URL)."""

_MONTH_ALTERNATION = "|".join(sorted(MONTHS, key=len, reverse=True))
_ZONE = r"(?P<zone>(?:WIB|WITA|WIT|UTC|GMT|Z)(?![a-z]))?\s*(?P<offset>[+-]\d{1,2}(?::?\d{2})?)?"
_TIME = rf"(?P<hour>\d{{1,2}})[:.h](?P<minute>\d{{2}})(?:[:.-](?P<second>\d{{2}})(?:\.\d+)?)?\s*(?P<ampm>[ap]\.?m\.?|ptg|pg(?![a-z]))?\s*{_ZONE}"
_ISO = re.compile(
    r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})"
    r"(?:\s*[T ]\s*(?P<hour>\d{1,2})[:.-](?P<minute>\d{2})(?:[:.-](?P<second>\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?P<zone>(?:Z|UTC|GMT|WIB|WITA|WIT)(?![a-z]))?\s*(?P<offset>[+-]\d{2}(?::?\d{2})?)?(?!\d)",
    re.IGNORECASE,
)
_NUMERIC_DMY = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>\d{4}|\d{2})(?![\d/])"
)
_NAMED_DMY = re.compile(
    rf"(?<![\w])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s*(?:[-/]|de\s)?\s*"
    rf"(?P<month>{_MONTH_ALTERNATION})\.?"
    r"(?![a-z])\s*(?:[-/,]|de\s|del\s)?\s*(?P<year>\d{4})(?!\d)",
    re.IGNORECASE,
)
_NAMED_MDY = re.compile(
    rf"(?<![\w])(?P<month>{_MONTH_ALTERNATION})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_DAY_NAME_GAP = re.compile(r"\b(?:" + "|".join(DAY_NAMES) + r")\b", re.IGNORECASE)
"""A day name between a time and the date it goes with does not part them."""
_TIME_RE = re.compile(r"(?<![\d.:/])" + _TIME, re.IGNORECASE)
_RELATIVE = re.compile(
    r"(?P<count>\d+|se|satu|an?)\s*(?P<unit>detik|menit|jam|hari|minggu|pekan|bulan|tahun"
    r"|seconds?|minutes?|hours?|days?)\s+(?:yang\s+)?(?:lalu|ago)",
    re.IGNORECASE,
)
_YESTERDAY = re.compile(r"\b(?:kemarin|yesterday)\b", re.IGNORECASE)
RELATIVE_STAMP = re.compile(_RELATIVE.pattern + r"|\b(?:kemarin|yesterday)\b", re.IGNORECASE)
"""A stamp relative to the moment the page was served (`2 jam lalu`, `kemarin`, `3 days ago`)."""
_TODAY = re.compile(r"\b(?:hari ini|baru saja|today|just now)\b", re.IGNORECASE)
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})[/-](?P<month>[01]?\d)[/-](?P<day>[0-3]?\d)(?=[/-]|$)"
    r"|/(?P<cyear>(?:19|20)\d{2})(?P<cmonth>[01]\d)(?P<cday>[0-3]\d)(?=[/-])"
)


@dataclass(frozen=True)
class ParsedDate:
    """A parsed date with what the text told about it."""

    moment: datetime
    """Timezone-aware datetime (the default zone where the text named none)."""
    has_time: bool
    """False when only a day was given (the time is then 00:00)."""
    zone_given: bool
    """True when the text named a zone or an offset."""
    utc_stamp: bool
    """True when that zone was `Z` / UTC / GMT / +00:00 (possibly a mislabelled WIB time)."""


@dataclass(frozen=True)
class DateCandidate:
    """One date string found on a page, with its role and where it came from."""

    raw: str
    """The string as found (`2015-11-05T14:56:43+07:00`, `Kamis, 5 November 2015 14:56 WIB`)."""
    source: str
    """`jsonld`, `meta`, `url`, `text`, `feed`, `sitemap` or `api`."""
    kind: str = "published"
    """`published` or `modified`."""
    chrome: bool = False
    """Printed in a region listing other stories (a sidebar, a ticker): maybe another story's."""


@dataclass(frozen=True)
class PageDates:
    """The page-level choice: publication and modification times kept apart, each with its source."""

    published_at: str | None = None
    published_at_source: str | None = None
    modified_at: str | None = None
    modified_at_source: str | None = None


def _zone_of(zone: str | None, offset: str | None, default_tz: timezone) -> tuple[timezone, bool]:
    if offset:
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        hours = int(digits[:-2] or 0) if len(digits) > 2 else int(digits)
        minutes = int(digits[-2:]) if len(digits) > 2 else 0
        if hours > 14 or minutes >= 60:
            return default_tz, False
        return timezone(sign * timedelta(hours=hours, minutes=minutes)), True
    if zone:
        return ZONES.get(zone.lower(), default_tz), True
    return default_tz, False


def _build(
    year: int,
    month: int,
    day: int,
    time_match: re.Match[str] | None,
    default_tz: timezone,
) -> ParsedDate | None:
    if year < 100:
        year += 2000
    if month > 12 and day <= 12:  # month-first numeric date (US order)
        month, day = day, month
    hour = minute = second = 0
    tz, zone_given = default_tz, False
    utc_stamp = False
    if time_match:
        hour, minute = int(time_match["hour"]), int(time_match["minute"])
        second = int(time_match["second"] or 0)
        ampm = (time_match.groupdict().get("ampm") or "").replace(".", "").lower()
        if ampm in ("pm", "ptg") and hour < 12:  # Malay `PTG` (petang), `PG` (pagi)
            hour += 12
        elif ampm in ("am", "pg") and hour == 12:
            hour = 0
        tz, zone_given = _zone_of(time_match["zone"], time_match["offset"], default_tz)
        utc_stamp = zone_given and tz.utcoffset(None) == timedelta(0)
    try:
        moment = datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        return None
    if year < EARLIEST_YEAR:
        return None
    return ParsedDate(moment, time_match is not None, zone_given, utc_stamp)


def _time_near(text: str, start: int, end: int) -> re.Match[str] | None:
    after = _TIME_RE.search(text, end)
    if after and after.start() - end <= 12:  # `21 Mei 2024 | 14:30`, `(21/5/2024) 14.30 WIB`
        return after
    before = None
    for match in _TIME_RE.finditer(text, 0, start):
        before = match
    if before and len(_DAY_NAME_GAP.sub("", text[before.end() : start])) <= 6:
        return before  # `14:30 WIB, 21 Mei 2024`, `14:30 WIB, Selasa 21 Mei 2024`
    if after and after.start() - end <= 30:  # `Selasa (21/5/2024) pukul 14.30 WIB`
        return after
    return None


def parse_date_details(
    text: str | None, *, now: datetime | None = None, default_tz: timezone = WIB
) -> ParsedDate | None:
    """Parse one printed or machine date with what it told (time given, zone given); None if none."""
    if not text or not isinstance(text, str):
        return None
    text = " ".join(text.split())[:300]  # dates are short; long texts are sentences with dates in
    if not text:
        return None
    if not _DIGIT.search(text):  # every absolute form has a year: only a relative one is left
        return _parse_relative(text, now, default_tz)
    iso = _ISO.search(text)
    if iso:
        time_match = iso if iso["hour"] is not None else None
        if time_match is None:
            time_match = _time_near(text, iso.start(), iso.end())
        parsed = _build(
            int(iso["year"]), int(iso["month"]), int(iso["day"]), time_match, default_tz
        )
        if parsed:
            return parsed
    for pattern in (_NAMED_DMY, _NAMED_MDY, _NUMERIC_DMY):
        match = pattern.search(text)
        if not match:
            continue
        month_text = match["month"]
        month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]
        parsed = _build(
            int(match["year"]),
            month,
            int(match["day"]),
            _time_near(text, match.start(), match.end()),
            default_tz,
        )
        if parsed:
            return parsed
    return _parse_relative(text, now, default_tz)


def _parse_relative(text: str, now: datetime | None, default_tz: timezone) -> ParsedDate | None:
    reference = now or datetime.now(UTC)
    if reference.tzinfo is None:
        reference = reference.replace(tzinfo=UTC)
    reference = reference.astimezone(default_tz).replace(microsecond=0)
    relative = _RELATIVE.search(text)
    if relative:
        count_text = relative["count"].lower()
        count = int(count_text) if count_text.isdigit() else 1
        unit = RELATIVE_UNITS[relative["unit"].lower()]
        has_time = unit < timedelta(days=1)
        try:
            moment = reference - count * unit
        except OverflowError:  # `999999 hari lalu`: before the year 1
            return None
        if moment.year < EARLIEST_YEAR:  # the bound of every other form (`2024 minggu lalu`)
            return None
        if not has_time:
            moment = moment.replace(hour=0, minute=0, second=0)
        # `2 jam lalu` fixes the instant (the fetch time's, minus two hours): its zone is known
        return ParsedDate(moment, has_time, has_time, False)
    if _YESTERDAY.search(text) or _TODAY.search(text):
        day = reference - timedelta(days=1) if _YESTERDAY.search(text) else reference
        time_match = _TIME_RE.search(text)
        if time_match:
            tz, given = _zone_of(time_match["zone"], time_match["offset"], default_tz)
            try:
                moment = datetime(
                    day.year,
                    day.month,
                    day.day,
                    int(time_match["hour"]),
                    int(time_match["minute"]),
                    tzinfo=tz,
                )
            except ValueError:
                return None
            return ParsedDate(moment, True, given, False)
        return ParsedDate(day.replace(hour=0, minute=0, second=0), False, False, False)
    return None


def parse_indonesian_date(
    text: str | None, *, now: datetime | None = None, default_tz: timezone = WIB
) -> datetime | None:
    """Parse an Indonesian (or ISO / English) date string to an aware datetime, or None."""
    parsed = parse_date_details(text, now=now, default_tz=default_tz)
    return parsed.moment if parsed else None


def url_date(url: str | None) -> date | None:
    """The publication day a URL path carries (`/2024/05/21/`, `/20240521-`), or None."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    year = match["year"] or match["cyear"]
    month = match["month"] or match["cmonth"]
    day = match["day"] or match["cday"]
    try:
        found = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return found if found.year >= EARLIEST_YEAR else None


def iso_minute(moment: datetime) -> str:
    """ISO 8601 with offset, to the second (`2024-05-21T14:30:00+07:00`)."""
    return moment.replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class _Scored:
    parsed: ParsedDate
    source: str
    kind: str
    order: int
    chrome: bool = False
    """Printed among other stories (DateCandidate.chrome)."""
    labelled: bool = False
    """Printed under a publication label (PUBLISHED_MARK: `Diposting: ...`)."""


def _fix_false_utc(parsed: ParsedDate, visible: list[ParsedDate]) -> ParsedDate:
    """Read a `Z` stamp as WIB when the printed time shows it is WIB mislabelled as UTC.

    Only the page's own printed time counts (the first visible time near the headline); the
    stamp is kept as UTC whenever any printed time agrees with the UTC reading.
    """
    if not parsed.utc_stamp or not parsed.has_time:
        return parsed
    shown_times = [shown for shown in visible if shown.has_time]
    if not shown_times:
        return parsed
    if any(abs(parsed.moment - shown.moment) < PRINTED_TIME_PRECISION for shown in shown_times):
        return parsed  # a printed time confirms the UTC reading
    first = shown_times[0]
    if first.zone_given and first.moment.utcoffset() not in INDONESIAN_OFFSETS:
        return parsed  # a time the page says is in another zone: no WIB to mislabel
    # a printed time in WIB may be up to Z_AS_WIB_MAX_GAP off; one with no zone must show the
    # stamp's own clock (`10:08` beside `10:08Z`), not a European page's local time (`12:08 Uhr`)
    gap = Z_AS_WIB_MAX_GAP if first.zone_given else PRINTED_TIME_PRECISION
    as_wib = parsed.moment.replace(tzinfo=WIB)
    if abs(as_wib - first.moment) <= gap:
        return ParsedDate(as_wib, True, True, False)
    return parsed


PRINTED_ZONE_LOOKS = 3  # the byline's time, its `updated` twin, one more; the rest are lists
"""Printed times, nearest the headline first, that may tell the zone of a UTC stamp."""
WHOLE_QUARTER_HOURS = timedelta(minutes=15)
"""Every zone's offset is a multiple of a quarter hour (UTC+5:45, UTC+8:45 the finest)."""


def _in_printed_zone(
    stamp: ParsedDate, shown: list[ParsedDate], default_tz: timezone = WIB
) -> ParsedDate | None:
    """A UTC stamp written in the zone the page prints its time in, or None.

    `2024-06-07T17:35:00Z` beside the printed `Sabtu, 8 Juni 2024 | 00:35 WIB` is 00:35 WIB on
    the 8th, the page's own day; beside a time with no zone (`22. Juni 2024, 00:15 Uhr`) the
    offset is the gap between the two clocks when it is a real one (a quarter-hour multiple
    within UTC-12..+14, minutes equal). Only the first few printed times are asked. Where the
    page prints its day alone first (`<time datetime="2024-03-04T18:40:00+00:00">5 Maret
    2024</time>`: the theme renders the stamp in the site's zone), a day the UTC calendar has
    not reached is the site's: the stamp goes into the default zone, or another Indonesian one,
    that has that day."""
    if not stamp.utc_stamp or not stamp.has_time:
        return None
    first = shown[0] if shown else None
    if first is not None and not first.has_time:
        printed_day = first.moment.date()
        if printed_day != stamp.moment.astimezone(UTC).date():
            for zone in (default_tz, WIB, WITA, WIT):
                if stamp.moment.astimezone(zone).date() == printed_day:
                    return ParsedDate(stamp.moment.astimezone(zone), True, True, False)
    utc_clock = stamp.moment.astimezone(UTC).replace(second=0, tzinfo=None)
    for printed in [p for p in shown if p.has_time][:PRINTED_ZONE_LOOKS]:
        if printed.zone_given:
            same = abs(printed.moment - stamp.moment) < PRINTED_TIME_PRECISION
            if printed.moment.utcoffset() and same:
                return ParsedDate(stamp.moment.astimezone(printed.moment.tzinfo), True, True, False)
            continue
        gap = printed.moment.replace(second=0, tzinfo=None) - utc_clock
        if (
            gap
            and gap % WHOLE_QUARTER_HOURS == timedelta(0)
            and -timedelta(hours=12) <= gap <= timedelta(hours=14)
        ):
            return ParsedDate(stamp.moment.astimezone(timezone(gap)), True, True, False)
    # every time the page prints with a zone names the same Indonesian one (a live blog's
    # entries in WITA): the portal's zone
    offsets = {p.moment.utcoffset() for p in shown if p.has_time and p.zone_given}
    if len(offsets) == 1 and (offset := offsets.pop()) in INDONESIAN_OFFSETS:
        return ParsedDate(stamp.moment.astimezone(timezone(offset)), True, True, False)
    return None


INDONESIAN_OFFSETS = frozenset(zone.utcoffset(None) for zone in (WIB, WITA, WIT))
"""The offsets of WIB, WITA and WIT."""


UPDATED_MARK = re.compile(
    r"\b(?:(?:terakhir\s+)?(?:diperbarui|diupdate|diubah|disunting)|update(?:d)?(?:\s+terakhir)?"
    r"|last\s+(?:updated|modified)|modified"
    # the same words in the European languages of small sites everywhere
    r"|actualizado|atualizado|aktualisiert|zuletzt\s+aktualisiert|bijgewerkt|mis\s+à\s+jour"
    r"|aggiornato)\b(?:\s+(?:pada|on|el|em|le|am|op|il))?\s*[:：]?",
    re.IGNORECASE,
)
"""Words that announce a page's modification time (`Diperbarui: ...`, `Update terakhir ...`)."""
PUBLISHED_MARK = re.compile(
    r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))(?:diterbitkan|dipublikasikan|dipublikasi|terbit|tayang"
    r"|published|posted|diposting|publicado|publié|veröffentlicht|gepubliceerd|pubblicato"
    r"|opublikowano|publikováno|zveřejněno|yayınlanma|yayımlanma|publicerad|publiceret|publisert"
    r"|julkaistu|közzétéve|publicat)\b"
    r"(?:\s+(?:pada|on|el|em|le|am|op|il))?\s*[:：]?",
    re.IGNORECASE,
)
"""Words that announce its publication time (`Diterbitkan: ...`, `Published on ...`), also run
into the byline before them (`Oleh NamaDiterbitkan pada: ...`, a `<br>` the text lost)."""


_BETWEEN_DATES = " |,;·•()[]-–—"


def dates_by_kind(text: str) -> list[tuple[str, str]]:
    """A printed date string cut where it says which time follows (`Diperbarui: B | Diterbitkan:
    A` -> (`modified`, B), (`published`, A)); text before any such word is the publication's."""
    if not UPDATED_MARK.search(text):
        return [("published", text)]
    marks = sorted(
        [(m.start(), m.end(), "modified") for m in UPDATED_MARK.finditer(text)]
        + [(m.start(), m.end(), "published") for m in PUBLISHED_MARK.finditer(text)]
    )
    parts = [("published", text[: marks[0][0]])] if marks[0][0] else []
    for index, (_, end, kind) in enumerate(marks):
        stop = marks[index + 1][0] if index + 1 < len(marks) else len(text)
        parts.append((kind, text[end:stop]))
    return [
        (kind, part.strip(_BETWEEN_DATES)) for kind, part in parts if part.strip(_BETWEEN_DATES)
    ]


def pick_dates(
    candidates: Iterable[DateCandidate],
    *,
    url: str | None = None,
    now: datetime | None = None,
    default_tz: timezone = WIB,
) -> PageDates:
    """Choose publication and modification times from a page's candidates (best source first)."""
    reference = now or datetime.now(UTC)
    if reference.tzinfo is None:
        reference = reference.replace(tzinfo=UTC)
    latest = reference + FUTURE_TOLERANCE
    candidates = list(candidates)
    scored: list[_Scored] = []
    for order, candidate in enumerate(candidates):
        parsed = parse_date_details(candidate.raw, now=reference, default_tz=default_tz)
        if parsed is None or parsed.moment > latest:
            continue
        labelled = candidate.source == "text" and bool(PUBLISHED_MARK.search(candidate.raw))
        scored.append(
            _Scored(parsed, candidate.source, candidate.kind, order, candidate.chrome, labelled)
        )
    visible = [s.parsed for s in scored if s.source == "text"]
    scored = [replace(s, parsed=_fix_false_utc(s.parsed, visible)) for s in scored]
    if now is not None:
        scored = _without_render_stamps(scored, reference)
    published = _best([s for s in scored if s.kind == "published"])
    if published is not None and published.source != "text" and not published.parsed.has_time:
        published = _printed_over_unprinted_day(published, scored)
    modified = _best([s for s in scored if s.kind == "modified"])
    if published is not None and published.source != "text":
        stated = {  # printed absolutely: a relative stamp's zone is only the fetch clock's
            s.order for s in scored if not RELATIVE_STAMP.search(candidates[s.order].raw)
        }
        shown = [
            s.parsed
            for s in scored
            if s.source == "text" and s.kind == "published" and s.order in stated
        ]
        local = _in_printed_zone(published.parsed, shown, default_tz)
        if local is not None:
            published = replace(published, parsed=local)
    if published is None:
        day = url_date(url)
        if day is not None:
            moment = datetime(day.year, day.month, day.day, tzinfo=default_tz)
            if moment <= latest:
                published = _Scored(ParsedDate(moment, False, False, False), "url", "published", 0)
    if published is not None and not published.parsed.has_time:
        published = _complete_time(published, scored)
    if (
        modified is not None
        and published is not None
        and modified.parsed.moment < published.parsed.moment
    ):
        modified = None  # a modification before publication is a template artefact
    return PageDates(
        iso_minute(published.parsed.moment) if published else None,
        published.source if published else None,
        iso_minute(modified.parsed.moment) if modified else None,
        modified.source if modified else None,
    )


def _printed_over_unprinted_day(structured: _Scored, scored: list[_Scored]) -> _Scored:
    """A structured publication day without a time, or the labelled printed publication time
    outside the lists when the page prints that day nowhere (a site-wide `DC.date`, the portal's
    launch, beside `Diposting: Senin, 13 Nopember 2023 | 14:10 WITA`)."""
    stamped = _best([s for s in scored if s.kind == "published" and s.labelled and not s.chrome])
    day = structured.parsed.moment.date()
    if (
        stamped is not None
        and stamped.parsed.has_time
        and stamped.parsed.moment.date() != day
        and not any(s.source == "text" and s.parsed.moment.date() == day for s in scored)
    ):
        return stamped
    return structured


def is_render_stamp(parsed: ParsedDate, now: datetime) -> bool:
    """A timed date within RENDER_STAMP_WINDOW of the fetch: maybe the page's render time."""
    return parsed.has_time and abs(parsed.moment - now) <= RENDER_STAMP_WINDOW


def _without_render_stamps(scored: list[_Scored], now: datetime) -> list[_Scored]:
    """The candidates without the structured dates stamped at the fetch, when the page prints a
    publication time older than that outside its lists of other stories."""
    stamped = [s for s in scored if s.source != "text" and is_render_stamp(s.parsed, now)]
    if not stamped or not any(
        s.source == "text"
        and s.kind == "published"
        and not s.chrome
        and s.parsed.moment < now - RENDER_STAMP_WINDOW
        for s in scored
    ):
        return scored
    return [s for s in scored if s not in stamped]


def _best(scored: list[_Scored]) -> _Scored | None:
    if not scored:
        return None
    return min(
        scored,
        key=lambda s: (
            SOURCE_RANK.get(s.source, 9),
            s.chrome,
            not s.labelled,
            not s.parsed.has_time,
            s.order,
        ),
    )


def _complete_time(day_only: _Scored, scored: list[_Scored]) -> _Scored:
    """Give a day-only date the time of another candidate printed for the same day."""
    target = day_only.parsed.moment.date()
    for other in sorted(scored, key=lambda s: (SOURCE_RANK.get(s.source, 9), s.order)):
        same_day = other.parsed.has_time and other.parsed.moment.date() == target
        if other.kind == day_only.kind and same_day:
            return other
    return day_only
