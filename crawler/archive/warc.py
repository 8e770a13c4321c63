"""WARC files: export of the archive's raw pages, import of any crawler's WARC through Warta's extraction."""

from __future__ import annotations

import gzip
import http
import io
import logging
import os
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders, StatusAndHeadersParserException
from warcio.warcwriter import WARCWriter

from crawler import __version__, settings
from crawler.archive.reprocess import backfill_profiles
from crawler.archive.storage import payload_digest
from crawler.article import build_article, why_not_article
from crawler.clean.profile import PortalProfile
from crawler.crawl.pipelines import link_copies, store_article
from crawler.discovery.pages import recognise_page
from crawler.extract import extract_page
from crawler.extract.parts import SplitArticle
from crawler.fingerprints import portal_key, url_key
from crawler.items import ArticleItem, RawArticle
from crawler.profiles import book_for, reading_rules

logger = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_BODY_BYTES = 20 * 1024 * 1024  # the crawl's DOWNLOAD_MAXSIZE: larger pages are not articles
DEFAULT_MIN_BODY_CHARS = settings.WARTA_MIN_BODY_CHARS  # the crawl's own validation
# Headers that describe the bytes on the wire, not the decoded body the archive keeps: dropped on
# export (and Content-Length recomputed) so a WARC reader does not try to gunzip plain HTML.
WIRE_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})
META_PREFIX = "warta-"
"""Field names of Warta's metadata records (`application/warc-fields`)."""
# What the metadata record carries, so an import of Warta's own WARC rebuilds the same rows:
# the portal's registry name and region, the discovery channel, and a date a feed or sitemap gave
# when the page itself has none.
META_FIELDS = ("site", "province", "regency", "discovered_via", "url_key", "requested_url")
LISTED_DATE_SOURCES = frozenset({"feed", "sitemap", "api"})
READ_ERRORS = (ArchiveLoadFailed, StatusAndHeadersParserException, EOFError, zlib.error)
"""What warcio raises where a file breaks (bad record header, broken gzip member or chunking)."""


class WarcError(Exception):
    """A WARC file cannot be read or written (one-line message for the user)."""

    def __init__(self, message: str, summary: ImportSummary | None = None) -> None:
        super().__init__(message)
        self.summary = summary
        """What an import read and stored before a file it could not read on (committed)."""


@dataclass
class ExportSummary:
    """What an export wrote."""

    pages: int = 0
    records: int = 0
    bytes: int = 0
    skipped: int = 0


@dataclass
class ImportSummary:
    """What an import found and stored."""

    files: int = 0
    records: int = 0
    """Response, resource and revisit records read: each stored or skipped with a reason."""
    responses: int = 0
    """HTML 2xx responses and resources read as captures (then stored or found no article)."""
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicate: int = 0
    already_there: int = 0
    skipped: Counter = field(default_factory=Counter)
    """Responses not stored, by reason: `not-html`, `status-301`, `not-article:short-body`, ..."""


# -- dates -------------------------------------------------------------------------------------


def warc_date(iso: str | None) -> str:
    """An ISO 8601 time as a WARC-Date (`2024-05-21T07:30:00Z`); now when missing or unreadable."""
    try:
        when = datetime.fromisoformat(iso) if iso else datetime.now(UTC)
    except ValueError:
        when = datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_from_warc_date(value: str | None) -> datetime | None:
    """A WARC-Date as an aware UTC datetime (second precision), or None."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).replace(microsecond=0)


# -- export ------------------------------------------------------------------------------------


def http_response_headers(headers: Mapping[str, str], body_length: int) -> list[tuple[str, str]]:
    """Stored response headers as they describe the stored (decoded) body."""
    out = [(k, str(v)) for k, v in headers.items() if k.lower() not in WIRE_HEADERS]
    out.append(("Content-Length", str(body_length)))
    return out


def _status_line(status: int) -> str:
    try:
        return f"{status} {http.HTTPStatus(status).phrase}"
    except ValueError:
        return f"{status} Unknown"


def _metadata_payload(fields: Mapping[str, Any]) -> bytes:
    lines = [
        f"{META_PREFIX}{name.replace('_', '-')}: {value}"
        for name, value in fields.items()
        if value not in (None, "")
    ]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def write_page(
    writer: WARCWriter, page: Mapping[str, Any], article: Mapping[str, Any] | None
) -> int:
    """Write one raw page as request, response and metadata records; returns the records written."""
    url = page["final_url"] or page["url"]
    date = warc_date(page["fetched_at"])
    body = page["body"]
    parts = urlsplit(url)
    response = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=StatusAndHeaders(
            _status_line(int(page["status"])),
            http_response_headers(page["headers"], len(body)),
            protocol="HTTP/1.1",
        ),
        warc_headers_dict={"WARC-Date": date},
    )
    response_id = response.rec_headers.get_header("WARC-Record-ID")
    request = writer.create_warc_record(
        url,
        "request",
        payload=io.BytesIO(b""),
        http_headers=StatusAndHeaders(
            f"GET {parts.path or '/'}{'?' + parts.query if parts.query else ''} HTTP/1.1",
            [("Host", parts.netloc), ("User-Agent", f"Warta/{__version__}")],
            is_http_request=True,
        ),
        warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": response_id},
    )
    meta: dict[str, Any] = {
        "site": page.get("site"),
        "url_key": page.get("url_key"),
        "requested_url": page["url"] if page["url"] != url else None,
    }
    if article:
        meta.update(
            province=article.get("province"),
            regency=article.get("regency"),
            discovered_via=article.get("discovered_via"),
        )
        if article.get("published_at_source") in LISTED_DATE_SOURCES:
            meta.update(
                listed_published_at=article.get("published_at"),
                listed_source=article.get("published_at_source"),
            )
    metadata = writer.create_warc_record(
        url,
        "metadata",
        payload=io.BytesIO(_metadata_payload(meta)),
        warc_content_type="application/warc-fields",
        warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": response_id},
    )
    for record in (request, response, metadata):
        writer.write_record(record)
    return 3


def export_warc(
    archive,
    output: str | os.PathLike[str],
    *,
    site: str | None = None,
    since: str | None = None,
    progress: bool = False,
) -> ExportSummary:
    """Write every stored raw page (of one portal, fetched since a date) to a WARC file, gzipped
    per record when the name ends in `.gz`. The file is written whole or not at all."""
    from tqdm import tqdm

    output = Path(output)
    ids = archive.raw_page_ids(site=site, since=since)
    summary = ExportSummary()
    partial = output.with_name(output.name + ".part")
    try:
        with open(partial, "wb") as fh:
            writer = WARCWriter(fh, gzip=output.suffix == ".gz")
            info = {
                "software": f"Warta/{__version__}",
                "format": "WARC File Format 1.1",
                "description": "raw responses kept by the Warta archive crawler",
                "isPartOf": str(archive.path.name),
            }
            writer.write_record(writer.create_warcinfo_record(output.name, info))
            summary.records += 1
            articles: dict[str, dict | None] = {}
            bar = tqdm(ids, desc="export", unit="page", file=sys.stderr, disable=not progress)
            for page in archive.raw_pages(bar):
                if page["body"] is None:
                    summary.skipped += 1
                    continue
                key = page["url_key"]
                if key not in articles:
                    articles.clear()  # pages come in fetch order: keep one row at a time
                    articles[key] = archive.get_article(key)
                # a split article's later pages follow its first (an import joins them so)
                for later in [page, *archive.raw_parts(key, page["fetched_at"])]:
                    summary.records += write_page(writer, later, articles[key])
                    summary.pages += 1
            bar.close()
        os.replace(partial, output)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise WarcError(f"cannot write {output}: {exc.strerror or exc}") from None
    summary.bytes = output.stat().st_size
    return summary


# -- import ------------------------------------------------------------------------------------


@dataclass
class Capture:
    """One HTML response read from a WARC file, with Warta's metadata when the file has it."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: datetime | None
    meta: dict[str, str] = field(default_factory=dict)
    record_id: str | None = None


def _headers(http_headers: StatusAndHeaders) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in http_headers.headers:
        out[name] = f"{out[name]}, {value}" if name in out else value
    return out


def _parse_metadata(payload: bytes) -> dict[str, str]:
    fields = {}
    for line in payload.decode("utf-8", "replace").splitlines():
        name, sep, value = line.partition(":")
        if sep and name.strip().lower().startswith(META_PREFIX):
            fields[name.strip().lower()[len(META_PREFIX) :].replace("-", "_")] = value.strip()
    return fields


class _Unreadable(Exception):
    """warcio cannot read on in this file (the message is its first line)."""


def _first_line(exc: BaseException) -> str:
    line = next((text.strip() for text in str(exc).splitlines() if text.strip()), "")
    return line or type(exc).__name__


def _records(stream) -> Iterator[ArcWarcRecord]:
    """The records of a WARC or ARC file as warcio reads them (ARC converted to WARC records)."""
    records = ArchiveIterator(stream, arc2warc=True)
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except READ_ERRORS as exc:  # also a broken body of the previous record, read to its end
            raise _Unreadable(_first_line(exc)) from None
        yield record


def _read(record: ArcWarcRecord, limit: int) -> bytes:
    try:
        return record.content_stream().read(limit)
    except READ_ERRORS as exc:
        raise _Unreadable(_first_line(exc)) from None


def read_captures(stream, skipped: Counter) -> Iterator[Capture]:
    """HTML responses and resources of a WARC (or ARC) stream, each with the metadata record that
    refers to it. Other responses, and revisits, are counted in `skipped` by reason. A file warcio
    cannot read on raises `_Unreadable` after the captures before the break."""
    pending: Capture | None = None
    try:
        for record in _records(stream):
            kind = record.rec_type
            if kind == "metadata" and pending is not None:
                refers = record.rec_headers.get_header(
                    "WARC-Concurrent-To"
                ) or record.rec_headers.get_header("WARC-Refers-To")
                if refers == pending.record_id:
                    pending.meta.update(_parse_metadata(_read(record, 1 << 20)))
                continue
            if kind == "revisit":
                skipped["revisit"] += 1  # names an earlier capture: nothing new to read
                continue
            if kind not in ("response", "resource"):
                continue
            if pending is not None:
                yield pending
                pending = None
            pending = _capture(record, skipped)
    except _Unreadable:
        if pending is not None:
            yield pending
        raise
    if pending is not None:
        yield pending


def _capture(record: ArcWarcRecord, skipped: Counter) -> Capture | None:
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    is_resource = record.rec_type == "resource"  # the payload as fetched, no HTTP status line
    if not url.startswith(("http://", "https://")) or (
        record.http_headers is None and not is_resource
    ):
        skipped["not-http"] += 1
        return None
    if is_resource:
        status = 200
        headers = {"Content-Type": record.rec_headers.get_header("Content-Type") or ""}
    else:
        try:
            status = int(record.http_headers.get_statuscode() or 0)
        except ValueError:
            status = 0
        headers = _headers(record.http_headers)
    if not 200 <= status < 300:
        skipped[f"status-{status}"] += 1
        return None
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    content_type = content_type.split(";")[0].strip()
    if content_type and content_type.lower() not in HTML_TYPES:
        skipped["not-html"] += 1
        return None
    body = _read(record, MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        skipped["too-large"] += 1
        return None
    return Capture(
        url=url,
        status=status,
        headers=headers,
        body=body,
        fetched_at=iso_from_warc_date(record.rec_headers.get_header("WARC-Date")),
        record_id=record.rec_headers.get_header("WARC-Record-ID"),
    )


def article_from_capture(
    capture: Capture,
    *,
    site: str | None = None,
    extra_phrases: Sequence[str] = (),
    profile_of: Callable[[str], PortalProfile | None] | None = None,
    later_pages: Callable[[RawArticle], Iterable[Capture]] | None = None,
) -> ArticleItem:
    """The archive row a crawl would have made of this response (extraction and cleaning, with
    the profile `profile_of` gives for its portal); the text of a split article's first page joins
    that of the later pages `later_pages` gives for it."""
    meta = capture.meta
    portal = meta.get("site") or site or portal_key(capture.url)
    profile = profile_of(portal) if profile_of is not None else None

    def read(page: Capture) -> RawArticle:
        return extract_page(
            page.body, page.url, headers=page.headers, fetched_at=page.fetched_at,
            **reading_rules(profile),
        )  # fmt: skip

    raw = read(capture)
    # as the crawl judges it, before a listed date
    recognise_page(raw, capture.body, capture.url, channel=meta.get("discovered_via"))
    split = SplitArticle(ArticleItem(url=capture.url, raw=raw), dict(raw.page_urls))
    if later_pages is not None and raw.page_number == 1 and len(raw.page_urls) > 1:
        for later in later_pages(raw):
            number = page_number_of(later, raw.page_urls)
            if split.add(number, read(later)):  # a page with no new text is no part of it
                split.item.raw_parts.append(
                    {"number": number, "url": later.meta.get("requested_url") or later.url,
                     "final_url": later.url, "status": later.status,
                     "headers": dict(later.headers), "body": later.body,
                     "fetched_at": later.fetched_at.isoformat() if later.fetched_at else None}
                )  # fmt: skip
        split.joined()
    if not raw.published_at and meta.get("listed_published_at"):
        raw.published_at = meta["listed_published_at"]
        raw.published_at_source = meta.get("listed_source")
    item = ArticleItem(
        url=capture.url,
        site=portal,
        province=meta.get("province"),
        regency=meta.get("regency"),
        discovered_via=meta.get("discovered_via") or "warc",
        http_status=capture.status,
        fetched_at=capture.fetched_at.isoformat() if capture.fetched_at else None,
        etag=capture.headers.get("ETag"),
        last_modified=capture.headers.get("Last-Modified"),
        raw_parts=split.item.raw_parts,
    )
    return build_article(raw, item=item, extra_phrases=extra_phrases, profile=profile)


def page_number_of(capture: Capture, page_urls: Mapping[int, str]) -> int:
    """Which of a split article's pages (number -> URL) a capture is; 0 when none."""
    key = url_key(capture.url)
    return next((number for number, url in page_urls.items() if url_key(url) == key), 0)


class _Lookahead:
    """An iterator of captures that can show the next one without taking it, and counts the
    ones taken."""

    def __init__(self, captures: Iterator[Capture]) -> None:
        self._captures = captures
        self._next: list[Capture] = []
        self._broken: _Unreadable | None = None  # met while looking ahead: raised when reached
        self.taken = 0

    def __iter__(self) -> _Lookahead:
        return self

    def __next__(self) -> Capture:
        if self._next:
            capture = self._next.pop()
        elif self._broken is not None:
            raise self._broken
        else:
            capture = next(self._captures)
        self.taken += 1
        return capture

    def later_pages(self, raw: RawArticle) -> Iterator[Capture]:
        """The captures right after a split article's first page that are its later pages
        (Warta's export writes them so), taken from the stream."""
        while (after := self.peek()) is not None and page_number_of(after, raw.page_urls) > 1:
            yield next(self)

    def peek(self) -> Capture | None:
        if not self._next and self._broken is None:
            try:
                self._next.append(next(self._captures))
            except StopIteration:
                return None
            except _Unreadable as exc:
                self._broken = exc
        return self._next[0] if self._next else None


def store_capture(archive, capture: Capture, item: ArticleItem) -> str:
    """Store an imported article as the crawl's Deduplicate and Store pipelines do (raw page kept,
    exact copies linked to the earliest published original). Returns `new`, `updated`,
    `unchanged`, `duplicate` or `already-there` (the same capture was imported before)."""
    fetched_at = item.fetched_at
    if archive.has_raw_page(item.url_key, payload_digest(capture.body), fetched_at):
        return "already-there"
    link_copies(archive, item)
    item.raw_body, item.raw_headers = capture.body, dict(capture.headers)
    item.http_status = capture.status
    return store_article(
        archive, item, keep_raw=True, now=fetched_at,
        requested_url=capture.meta.get("requested_url") or capture.url,
    )  # fmt: skip


WARC_STARTS = (b"WARC/", b"filedesc://")  # a WARC record, or the first record of an ARC file


def _check_warc(stream, path: Path) -> None:
    """Refuse a file that does not start with a WARC (or ARC) record, gzipped or not; an empty
    file passes (it holds no records)."""
    head = stream.read(2)
    stream.seek(0)
    if not head:
        return
    if head == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=stream) as unzipped:
                head = unzipped.read(16)
        except (OSError, EOFError):
            head = b""
        stream.seek(0)
    else:
        head = stream.read(16)
        stream.seek(0)
    if not head.startswith(WARC_STARTS):
        raise WarcError(f"{path} is not a WARC file (it does not start with a WARC record)")


def import_warc(
    archive,
    paths: Iterable[str | os.PathLike[str]],
    *,
    site: str | None = None,
    extra_phrases: Sequence[str] = (),
    min_body_chars: int = DEFAULT_MIN_BODY_CHARS,
    progress: bool = False,
    commit_every: int = 200,
    profiles: bool = True,
) -> ImportSummary:
    """Ingest WARC files (Warta's or any crawler's; gzipped or not) through the crawl's extraction,
    cleaning, validation and deduplication. Responses that are not HTML articles are counted and
    skipped; a file that is not a WARC raises WarcError after the files before it are committed.
    With `profiles`, each portal's profile is learned from its imported articles as a crawl learns
    it, applied to the pages after, and at the end to the ones before."""
    from tqdm import tqdm

    summary = ImportSummary()
    book = book_for(archive) if profiles else None
    profile_of = book.profile_for if book is not None else None
    bar = tqdm(desc="import", unit="page", file=sys.stderr, disable=not progress)
    for path in paths:
        path = Path(path)
        try:
            with open(path, "rb") as stream:
                _check_warc(stream, path)
                captures = _Lookahead(read_captures(stream, summary.skipped))
                for capture in captures:
                    taken = captures.taken
                    item = article_from_capture(
                        capture, site=site, extra_phrases=extra_phrases, profile_of=profile_of,
                        later_pages=captures.later_pages,
                    )  # fmt: skip
                    summary.responses += 1 + captures.taken - taken
                    bar.update(1 + captures.taken - taken)
                    if item.raw is not None and item.raw.page_number > 1:
                        summary.skipped["not-article:later-page"] += 1  # its first page is not here
                        continue
                    reason = why_not_article(item, min_body_chars=min_body_chars)
                    if reason:
                        summary.skipped[f"not-article:{reason}"] += 1
                        continue
                    outcome = store_capture(archive, capture, item)
                    if book is not None:
                        book.observe_item(item)
                    attr = outcome.replace("-", "_")
                    setattr(summary, attr, getattr(summary, attr) + 1)
                    if (summary.responses % commit_every) == 0:
                        archive.commit()
        except OSError as exc:
            archive.commit()
            raise WarcError(f"cannot read {path}: {exc.strerror or exc}") from None
        except _Unreadable as exc:
            archive.commit()
            summary.records = _records_read(summary)
            raise WarcError(f"{path} is not a readable WARC file: {exc}", summary) from None
        summary.files += 1
        archive.commit()
    if book is not None:
        backfill_profiles(archive, book)
    bar.close()
    summary.records = _records_read(summary)
    return summary


def _records_read(summary: ImportSummary) -> int:
    # a capture found no article is both a response and a skip: count it once
    before = sum(n for why, n in summary.skipped.items() if not why.startswith("not-article:"))
    return summary.responses + before
