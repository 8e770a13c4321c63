"""Dateline shapes of issue 3, one row each, and the traps that look like datelines but are not."""

from __future__ import annotations

import pytest

from crawler.clean.dateline import split_dateline

STORY = "Warga Desa Sukamaju bergotong royong membersihkan saluran air."

# (opening, site hint, place, outlet)
SHAPES = [
    pytest.param(
        "JAKARTA, KOMPAS.com - ", None, "JAKARTA", "KOMPAS.com", id="place-comma-domain-dash"
    ),
    pytest.param(
        "Mataram, NTB (ANTARA News) - ",
        None,
        "Mataram, NTB",
        "ANTARA News",
        id="place-province-paren-outlet",
    ),
    pytest.param(
        "REPUBLIKA.CO.ID, JAKARTA - ", None, "JAKARTA", "REPUBLIKA.CO.ID", id="domain-first"
    ),
    pytest.param("Garut , WGN.com – ", None, "Garut", "WGN.com", id="space-before-comma-en-dash"),
    pytest.param(
        "POSMETRO. ID | BANYUASIN – ", None, "BANYUASIN", "POSMETRO. ID", id="spaced-domain-pipe"
    ),
    pytest.param(
        "Liputanabc.com | Garut – ", None, "Garut", "Liputanabc.com", id="outlet-pipe-place-dash"
    ),
    pytest.param(
        "Garut.Wartakita.com,- ", None, "Garut", "Wartakita.com", id="place-dot-outlet-comma-dash"
    ),
    pytest.param(
        "Garut # WartaKita.com _ ", None, "Garut", "WartaKita.com", id="hash-and-underscore"
    ),
    pytest.param("GARUT -- ", None, "GARUT", None, id="double-hyphen"),
    pytest.param("GARUT — ", None, "GARUT", None, id="em-dash"),
    pytest.param("GARUT: ", None, "GARUT", None, id="colon"),
    pytest.param("GARUT; ", None, "GARUT", None, id="semicolon"),
    pytest.param("KABAR WARGA,GARUT, ", None, "GARUT", "KABAR WARGA", id="commas-only"),
    pytest.param("GARUT, WARTAKITA.COM.- ", None, "GARUT", "WARTAKITA.COM", id="trailing-dot-dash"),
    pytest.param(
        "SUARAKITA.ID, PALEMBANG – ", None, "PALEMBANG", "SUARAKITA.ID", id="site-shape-one"
    ),
    pytest.param(
        "PALEMBANG,SUARAKITA.ID– ", None, "PALEMBANG", "SUARAKITA.ID", id="site-shape-two"
    ),
    pytest.param(
        "JAMBI-INDEPENDENT.CO.ID, JAMBI – ",
        None,
        "JAMBI",
        "JAMBI-INDEPENDENT.CO.ID",
        id="hyphen-in-outlet",
    ),
    pytest.param(
        "RMONLINE.ID - ",
        "radarmukomuko.disway.id",
        None,
        "RMONLINE.ID",
        id="outlet-differs-from-domain",
    ),
    pytest.param(
        "MUKOMUKO – ", "radarmukomuko.disway.id", "MUKOMUKO", None, id="place-inside-host-name"
    ),
    pytest.param("Polres Garut - ", None, None, "Polres Garut", id="institution-as-outlet"),
    pytest.param("Sumbawa NTB - ", None, "Sumbawa NTB", None, id="place-with-province"),
    pytest.param("BANDUNG, 12 Maret 2024 (Antara) - ", None, "BANDUNG", "Antara", id="date-inside"),
    pytest.param("SUARA GARUT– ", None, None, "SUARA GARUT", id="outlet-word-no-space"),
    pytest.param("JABAR SIAGA– ", "jabar.siaga.co", None, "JABAR SIAGA", id="outlet-from-host"),
    pytest.param(
        "GARUT SELATAN, PG - ", "pedomangarut.com", "GARUT SELATAN", "PG", id="outlet-initials"
    ),
    pytest.param(
        "Liputan Garut.Com - ", None, None, "Liputan Garut.Com", id="spaced-outlet-domain"
    ),
    pytest.param(
        "Liputan99.com, Jakarta - ", None, "Jakarta", "Liputan99.com", id="digits-in-domain"
    ),
    pytest.param(
        "Jakarta, KompasOtomotif - ", None, "Jakarta", "KompasOtomotif", id="camel-case-outlet"
    ),
    pytest.param(
        "ISTANBUL, 23 Februari 2016 (Antara/PRWire) - ",
        None,
        "ISTANBUL",
        "Antara/PRWire",
        id="date-and-slashed-outlet",
    ),
    pytest.param("MEKAR JAYA – ", None, "MEKAR JAYA", None, id="village-only"),
    pytest.param("Palembang, — ", None, "Palembang", None, id="comma-then-dash"),
    pytest.param(
        "TARUTUNG- wartakita.id| ", None, "TARUTUNG", "wartakita.id", id="separators-glued-left"
    ),
    pytest.param("jpnn.com - LAHAT - ", None, "LAHAT", "jpnn.com", id="outlet-dash-place-dash"),
    pytest.param(
        "BENGKULU SELATAN, PB - ", None, "BENGKULU SELATAN", "PB", id="outlet-code-without-host"
    ),
    pytest.param("MAKASSAR, FAJAR – ", None, "MAKASSAR", "FAJAR", id="unknown-outlet-second"),
    pytest.param(
        "SUMSEL, BANYUASIN – ", None, "SUMSEL, BANYUASIN", None, id="regency-after-province"
    ),
    pytest.param("GARUT (21/5) – ", None, "GARUT", None, id="date-in-parentheses"),
    pytest.param("Sumedang, Senin (12/5/2025) – ", None, "Sumedang", None, id="day-and-date"),
    pytest.param("Sumedang/WartaKita – ", None, "Sumedang", "WartaKita", id="slash-outlet"),
    pytest.param("SUMEDANG(WK88)- ", None, "SUMEDANG", "WK88", id="glued-bracket-outlet"),
    pytest.param("KBRN, Ternate: ", None, "Ternate", "KBRN", id="station-code-then-place"),
    pytest.param(
        "SUMEDANG, sumedangku.id – ",
        "sumedangku.id",
        "SUMEDANG",
        "sumedangku.id",
        id="portal-named-after-its-place",
    ),
    pytest.param("SUMEDANG/KABAR JABAR – ", None, "SUMEDANG", "KABAR JABAR", id="slash-caps"),
    pytest.param("Sumedang/Garut – ", None, "Sumedang/Garut", None, id="slash-two-regencies"),
    pytest.param("Sumedang, Kamis 5 Juni 2025 - ", None, "Sumedang", None, id="day-and-long-date"),
    pytest.param(
        "Sumedang, Selasa, 10 Juni 2025 – ", None, "Sumedang", None, id="day-comma-long-date"
    ),
    pytest.param(
        "Sumedang, Jum'at (6/6) | WartaKita.com – ",
        None,
        "Sumedang",
        "WartaKita.com",
        id="day-date-then-outlet",
    ),
    pytest.param(
        "Jakarta, WGN Garut – ", None, "Jakarta", "WGN Garut", id="outlet-with-capital-code"
    ),
    pytest.param(
        "Bandung, Jawa Barat – ", None, "Bandung, Jawa Barat", None, id="province-spelt-out"
    ),
    pytest.param("Garut, WartaKita.com: ", None, "Garut", "WartaKita.com", id="colon-after-domain"),
    pytest.param("Kab. Garut – ", None, "Kab. Garut", None, id="abbreviated-regency"),
    pytest.param("Garut • WartaKita.com – ", None, "Garut", "WartaKita.com", id="bullet"),
    pytest.param(
        "Garut | WartaKita.com: ", None, "Garut", "WartaKita.com", id="pipe-then-colon-after-domain"
    ),
    pytest.param(
        "SUMEDANG – ",
        "sumedangku.com",
        "SUMEDANG",
        None,
        id="place-alone-on-a-portal-named-after-it",
    ),
    pytest.param("[Sumedang] - ", None, "Sumedang", None, id="place-in-square-brackets"),
    pytest.param("Sumedang.WartaKita - ", None, "Sumedang", "WartaKita", id="place-dot-name"),
    pytest.param(
        "Bandung, W Java (ANTARA) - ", None, "Bandung, W Java", "ANTARA", id="english-province"
    ),
    pytest.param(
        "Medan, North Sumatra (ANTARA) - ",
        None,
        "Medan, North Sumatra",
        "ANTARA",
        id="english-province-spelt-out",
    ),
]


@pytest.mark.parametrize(("opening", "site", "place", "outlet"), SHAPES)
def test_dateline_shapes(opening, site, place, outlet):
    found = split_dateline(opening + STORY, site_hints=[site] if site else [])
    assert found is not None
    assert (found.place, found.outlet) == (place, outlet)
    assert found.rest == STORY


GLUED = [
    # (paragraph, place, outlet, rest)
    pytest.param(
        "Fokus99.id-Kepala Dinas Pendidikan meninjau sekolah.",
        None, "Fokus99.id", "Kepala Dinas Pendidikan meninjau sekolah.", id="outlet-glued-to-word",
    ),
    pytest.param(
        "Sikka-Bupati Sikka meninjau pasar.", "Sikka", None, "Bupati Sikka meninjau pasar.",
        id="place-glued-to-word",
    ),
    pytest.param(
        "beritagarut.comGARUTBupati Garut meninjau pasar.", "GARUT", "beritagarut.com",
        "Bupati Garut meninjau pasar.", id="outlet-place-word-run-together",
    ),
    pytest.param(
        "wartakita.com – PolsekCibatuPolresGarut Menjaga situasi tetap kondusif.", None,
        "wartakita.com", "Menjaga situasi tetap kondusif.", id="unit-hashtag-token",
    ),
    pytest.param("Wartakita.com- Garut", "Garut", "Wartakita.com", "", id="own-line"),
]  # fmt: skip


@pytest.mark.parametrize(("paragraph", "place", "outlet", "rest"), GLUED)
def test_glued_and_own_line_datelines(paragraph, place, outlet, rest):
    found = split_dateline(paragraph)
    assert found is not None
    assert (found.place, found.outlet, found.rest) == (place, outlet, rest)


NOT_DATELINES = [
    pytest.param("Bupati Garut, Rudy Hartono, mengatakan banjir surut.", id="official-and-name"),
    pytest.param(
        "Kapolres Garut AKBP Rahmat Hidayat mengatakan – bahwa situasi aman.", id="long-name"
    ),
    pytest.param("Covid-19 kembali meningkat di Garut pekan ini.", id="hyphenated-word"),
    pytest.param("“Kami siap,” kata Bupati – dan warga bertepuk tangan.", id="quote-first"),
    pytest.param("Pada Senin (21/5/2024), warga berkumpul di alun-alun.", id="date-in-sentence"),
    pytest.param("Senin (12/5/2025) – warga berkumpul di alun-alun.", id="date-without-place"),
    pytest.param("Sumedang/ Warga berkumpul di alun-alun.", id="slash-never-ends"),
    pytest.param("Sementara itu, Kapolres meminta warga tenang.", id="connective"),
    pytest.param("KPK, Polri dan Kejaksaan menandatangani nota kesepahaman.", id="agencies-list"),
    pytest.param("Ratusan warga - sebagian besar petani - berkumpul.", id="dash-aside"),
    pytest.param("Kota Bandung, Kecamatan Coblong – Warga berkumpul.", id="two-places"),
    pytest.param("Joni Hartono - warga Desa Sukamaju - mengaku rugi.", id="lower-case-after-dash"),
    pytest.param("", id="empty"),
]


@pytest.mark.parametrize("paragraph", NOT_DATELINES)
def test_not_a_dateline(paragraph):
    assert split_dateline(paragraph) is None


def test_later_dash_in_story_is_not_the_cut():
    found = split_dateline("GARUT – Warga Desa Sukamaju – yang terdampak banjir – mengungsi.")
    assert found is not None
    assert found.place == "GARUT"
    assert found.rest == "Warga Desa Sukamaju – yang terdampak banjir – mengungsi."


def test_comma_in_story_after_dash_dateline_is_not_the_cut():
    found = split_dateline("WARTAKITA.ID - Bupati Garut, Provinsi Jawa Barat meninjau pasar.")
    assert found is not None
    assert (found.place, found.outlet) == (None, "WARTAKITA.ID")
    assert found.rest == "Bupati Garut, Provinsi Jawa Barat meninjau pasar."


def test_hyphen_in_story_word_is_kept():
    found = split_dateline("GARUT – Jalan Garut-Tasikmalaya rusak parah.")
    assert found is not None
    assert found.rest == "Jalan Garut-Tasikmalaya rusak parah."


def test_strict_mode_wants_an_outlet_or_capitals():
    assert split_dateline("Sumbawa NTB - Beberapa polsek berjaga.", strict=True) is None
    assert split_dateline("SUMBAWA - Beberapa polsek berjaga.", strict=True) is not None


def test_weak_separator_is_flagged():
    found = split_dateline("GARUT: Warga memadati alun-alun.")
    assert found is not None and not found.strong
    assert split_dateline("GARUT – Warga memadati alun-alun.").strong
