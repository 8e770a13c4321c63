"""Property-based fuzzing of the URL canonicaliser, the Indonesian date parser and the cleaning
grammar: they never raise on any input, and they are idempotent where they should be."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import quote

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from crawler.clean import clean_article, clean_body_text
from crawler.extract.dates import iso_minute, parse_indonesian_date
from crawler.fingerprints import fetch_url, url_key

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NOW = datetime(2024, 6, 1, 10, 0, tzinfo=timezone(timedelta(hours=7)))

# --- URLs ------------------------------------------------------------------------------------------

HOSTS = st.sampled_from(
    ["portal-berita.example", "www.kabar-garut.example", "KABAR.Example", "127.0.0.1:8000",
     "xn--bcher-kva.example", "[::1]:8080", "berita.example:443", "berita.example:80"]
)  # fmt: skip
SEGMENT = st.one_of(
    st.sampled_from(
        ["2024", "05", "21", "berita", "amp", "index.html", "page", "2", "", "..", "."]
    ),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_~%éü ", min_size=1, max_size=12),
)
PARAM = st.tuples(
    st.one_of(
        st.sampled_from(
            ["utm_source", "fbclid", "PHPSESSID", "id", "p", "page", "q", "ref", "amp"]
        ),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8),
    ),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789=&+% ", max_size=8),
)


@st.composite
def urls(draw):
    """Plausible article URLs with the noise portals add (case, ports, params, fragments)."""
    scheme = draw(st.sampled_from(["http", "https", "HTTP", "Https"]))
    path = "/".join(quote(s, safe="%/") for s in draw(st.lists(SEGMENT, max_size=6)))
    params = draw(st.lists(PARAM, max_size=4))
    query = "&".join(f"{quote(k)}={quote(v)}" for k, v in params)
    fragment = draw(st.sampled_from(["", "#", "#komentar", "#:~:text=banjir"]))
    trailing = draw(st.sampled_from(["", "/", "//"]))
    return f"{scheme}://{draw(HOSTS)}/{path}{trailing}" + (f"?{query}" if query else "") + fragment


ANY_TEXT = st.one_of(
    st.text(max_size=300), st.binary(max_size=60).map(lambda b: b.decode("latin-1"))
)


@FUZZ
@given(text=ANY_TEXT)
@example("http://[::1")
@example("http://host:99999/")
@example("\x00http://a/\ud800?q=\udfff")  # lone surrogates, as a hostile JSON can carry
@example("http://" + "a" * 5000)
def test_url_functions_never_raise_on_any_text(text):
    assert isinstance(url_key(text), str)
    assert isinstance(fetch_url(text), str)


@FUZZ
@given(url=urls())
def test_url_key_is_a_fixed_point(url):
    if "[" in url:
        return  # IPv6 literals: see test_url_key_keeps_ipv6_brackets
    key = url_key(url)
    scheme = url.split(":", 1)[
        0
    ].lower()  # the key drops the scheme; its default port depends on it
    assert url_key(f"{scheme}://{key}") == key  # the canonical form canonicalises to itself


def test_url_key_keeps_ipv6_brackets():
    key = url_key("http://[::1]:8080/berita/")
    assert url_key("http://" + key) == key


@FUZZ
@given(url=urls())
def test_url_key_ignores_what_never_names_another_article(url):
    base = url.split("#", 1)[0]
    key = url_key(base)
    assert url_key(base + "#bagikan") == key
    joiner = "&" if "?" in base else "?"
    assert url_key(f"{base}{joiner}utm_source=whatsapp&fbclid=IwAR0") == key


@FUZZ
@given(url=urls())
def test_fetch_url_is_idempotent_and_keeps_the_key(url):
    once = fetch_url(url)
    assert fetch_url(once) == once
    assert "#" not in once
    assert url_key(once) == url_key(url)


# --- dates ----------------------------------------------------------------------------------------

DATE_WORDS = st.sampled_from(
    ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Januari", "Februari",
     "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November",
     "Desember", "Agu", "Okt", "Des", "WIB", "WITA", "WIT", "pukul", "jam", ",", "-", "/", ":",
     "|", "2024", "2023", "1999", "21", "5", "31", "00", "13", "24", "60", "99", "10.30",
     "14:05", "(21/5/2024)", "2024-05-21T14:30:00+07:00", "2024-05-21", "Z", "lalu", "menit",
     "jam", "hari", "kemarin", "yang", "Diperbarui", "Dipublikasikan", "GMT+7", "+0700"]
)  # fmt: skip
DATE_TEXT = st.one_of(st.lists(DATE_WORDS, max_size=10).map(" ".join), st.text(max_size=80))


@FUZZ
@given(text=DATE_TEXT)
@example("31 Februari 2024")
@example("Senin, 99/99/9999 25:61 WIB")
@example("9" * 400)
@example("2024-05-21T14:30:00+99:00")
@example("999999 hari lalu")
def test_date_parser_never_raises_and_gives_aware_datetimes(text):
    for now in (None, NOW):
        parsed = parse_indonesian_date(text, now=now)
        assert parsed is None or (isinstance(parsed, datetime) and parsed.tzinfo is not None)


@FUZZ
@given(text=DATE_TEXT)
@example("2024 Minggu lalu")
def test_reparsing_a_parsed_date_gives_the_same_moment(text):
    parsed = parse_indonesian_date(text, now=NOW)
    if parsed is None:
        return
    again = parse_indonesian_date(iso_minute(parsed), now=NOW)
    assert again is not None
    assert again.astimezone(UTC) == parsed.replace(microsecond=0).astimezone(UTC)


def test_date_parser_on_non_strings():
    for junk in (None, 20240521, b"21 Mei 2024", ["21 Mei 2024"], object()):
        assert parse_indonesian_date(junk) in (None,) or isinstance(  # type: ignore[arg-type]
            parse_indonesian_date(junk),
            datetime,  # type: ignore[arg-type]
        )


# --- the cleaning grammar ------------------------------------------------------------------------

NEWS_WORDS = st.sampled_from(
    ["Banyuasin", "GARUT", "–", "—", "-", "(ant)", "(*)", "Baca", "juga:", "BACA", "JUGA", "Editor:",
     "Penulis:", "Reporter", "admin", "Redaksi", "warga", "desa", "kata", "ujarnya", "“Kami", "siap,”",
     "Sumber:", "Foto:", "ilustrasi", "ADVERTISEMENT", "SCROLL", "TO", "RESUME", "CONTENT", "Share:",
     "Google", "News", "(21/5/2024).", "WIB", "/red", "**", "#banjir", "Iptu", "S.Pd.,", "M.Si",
     "KabarUji.com", "|", ":", ".", "\n", "Artikel", "ini", "telah", "tayang", "di"]
)  # fmt: skip
PARAGRAPH = st.one_of(
    st.lists(NEWS_WORDS, min_size=1, max_size=30).map(" ".join),
    st.text(max_size=200),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200),
)


@FUZZ
@given(
    paragraphs=st.lists(PARAGRAPH, max_size=12),
    title=st.one_of(st.none(), PARAGRAPH),
    bylines=st.lists(PARAGRAPH, max_size=2),
    site=st.one_of(st.none(), st.sampled_from(["kabaruji.com", "Kabar Uji", ""])),
)
def test_clean_article_never_raises(paragraphs, title, bylines, site):
    result = clean_article(paragraphs, title=title, byline_texts=bylines, site_name=site)
    assert isinstance(result.body, str)
    assert all(isinstance(a, str) and a.strip() for a in result.authors)
    assert "\x00" not in result.body or any("\x00" in p for p in paragraphs)


@FUZZ
@given(paragraphs=st.lists(PARAGRAPH, max_size=12))
def test_cleaning_clean_text_changes_nothing(paragraphs):
    body = clean_article(paragraphs).body
    assert clean_article(body.split("\n\n") if body else []).body == body
    assert clean_body_text(body) == body


def test_clean_article_on_junk_types():
    for junk in (None, "", [None, 3, b"bytes"], ["\x00" * 10], ["\ud800 lone surrogate"]):
        result = clean_article(junk)  # type: ignore[arg-type]
        assert isinstance(result.body, str)
