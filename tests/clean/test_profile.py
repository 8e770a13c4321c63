"""A learned portal profile applied by the cleaning grammar: it removes what the portal repeats
and nothing else (fixture text invented for the tests)."""

from __future__ import annotations

from crawler.clean import clean_article
from crawler.clean.names import outlet_stem
from crawler.clean.profile import (
    PROFILE_FORMAT,
    DatelineShape,
    PortalProfile,
    affix_key,
    mask_line,
    opening_segments,
    signoff_candidate,
    title_affixes,
)

STORY = [
    "Bupati Sigi meresmikan jembatan gantung di Desa Lembah Hijau setelah warga menunggu selama "
    "tiga tahun lamanya.",
    "Jembatan sepanjang 80 meter itu memperpendek jarak petani ke pasar kecamatan dari dua jam "
    "menjadi dua puluh menit saja.",
    "Warga menyambut peresmian dengan kenduri sederhana di balai desa pada sore harinya.",
]
PROMO = "Temani pagi Anda dengan rangkuman Lintaru Sameko setiap hari"


def profile() -> PortalProfile:
    """What a portal named Lintaru Sameko was learned to repeat."""
    return PortalProfile(
        lines={mask_line(PROMO): PROMO, mask_line("Jumat, 3 Mei 2024 | Lintaru Sameko"): "x"},
        datelines=[
            DatelineShape("lintarusameko", "»", before=","),
            DatelineShape("lintarusameko", "~"),
        ],
        outlets={"lintarusameko": ["Lintaru Sameko"]},
        signoffs={mask_line("(KS. 17*)"): "(KS. 17*)"},
        title_prefixes={affix_key("Lintaru Sameko", "::"): "Lintaru Sameko ::"},
        chrome_names={"tebarkan": "Tebarkan"},
        pages=20,
    )


def test_the_mask_folds_numbers_dates_case_and_spaces():
    assert mask_line("Jumat,  25 Oktober 2019 | Kabar") == mask_line("senin, 3 Juni 2024 | KABAR")
    assert mask_line("Friday, October 25, 2019") == "<d>, <m> 0, 0"
    assert mask_line("(KS. 17*)") == mask_line("(KS. 04*)") != mask_line("(KT. 04*)")


def test_outlet_stems_drop_domain_endings_case_and_spaces():
    assert outlet_stem("KABARSATU.COM") == outlet_stem("Kabar Satu") == "kabarsatu"
    assert outlet_stem("www.kabarsatu.co.id") == "kabarsatu"
    assert outlet_stem("amp.kabarsatu.com") == outlet_stem("m.kabarsatu.com") == "kabarsatu"


def test_opening_segments_and_their_separators():
    segments = opening_segments("Kabupaten Sigi, Kabar Satu.- Bupati meresmikan jembatan.")
    assert [(s.text, s.separator) for s in segments[:2]] == [
        ("Kabupaten Sigi", ","),
        ("Kabar Satu", ".-"),
    ]


def test_signoff_candidates():
    assert signoff_candidate("Warga senang. (KS. 17*)") == (14, "(KS. 17*)")
    assert signoff_candidate("(KS. 17*)") == (0, "(KS. 17*)")
    assert signoff_candidate("KS/17") == (0, "KS/17")
    assert signoff_candidate("Warga senang. KS/17") == (14, "KS/17")
    assert signoff_candidate("Tamsawi") is None  # a widget's label, not a code
    assert signoff_candidate("Warga menyambut peresmian dengan gembira di balai desa.") is None


def test_title_affixes_are_the_short_ends():
    prefix, suffix = title_affixes("Lintaru Sameko :: Jembatan Gantung Baru Diresmikan di Sigi")
    assert prefix[:2] == ("Lintaru Sameko", "::")
    assert suffix is None  # the headline is no suffix: too long


def test_profile_json_round_trip_and_format_gate():
    learned = profile()
    back = PortalProfile.from_json(learned.to_json())
    assert back is not None and back.feature_keys() == learned.feature_keys()
    assert PortalProfile.from_json({**learned.to_json(), "format": PROFILE_FORMAT + 1}) is None
    assert PortalProfile.from_json({"format": PROFILE_FORMAT, "datelines": [{}]}) is None


def test_a_profile_removes_what_the_portal_repeats():
    raw = [
        "Jumat, 3 Mei 2024 | Lintaru Sameko",
        f"Palu, Lintaru Sameko » {STORY[0]}",
        STORY[1],
        f"{STORY[2]} (KS. 22*)",
        PROMO,
    ]
    without = clean_article(raw, byline_texts=["Tebarkan"])
    assert PROMO in without.body and "(KS. 22*)" in without.body  # no vocabulary knows them
    assert without.authors == ["Tebarkan"]
    cleaned = clean_article(raw, byline_texts=["Tebarkan"], profile=profile())
    assert cleaned.body == "\n\n".join(STORY)
    assert (cleaned.dateline_place, cleaned.dateline_outlet) == ("Palu", "Lintaru Sameko")
    assert cleaned.agency_tag == "KS. 22*"
    assert cleaned.authors == []
    assert profile().strip_title("Lintaru Sameko :: Jembatan Baru Diresmikan") == (
        "Jembatan Baru Diresmikan"
    )


def test_a_profile_never_removes_what_it_did_not_learn():
    raw = [f"Lintaru Sameko ~ {STORY[0]}", STORY[1], STORY[2], "Sumber berita ini warga desa."]
    cleaned = clean_article(raw, profile=profile())
    assert cleaned.body == "\n\n".join([*STORY, "Sumber berita ini warga desa."])
    assert cleaned.dateline_outlet == "Lintaru Sameko"
    # a story opening with the outlet's name but no learned separator keeps its words
    story = clean_article(["Lintaru Sameko menggelar lomba menulis bagi pelajar se-Sigi.", *STORY])
    assert story.body.startswith("Lintaru Sameko menggelar")
    # a headline with no affix, or only the affix, stays as it is
    assert profile().strip_title("Jembatan Baru Diresmikan") == "Jembatan Baru Diresmikan"
    assert profile().strip_title("Lintaru Sameko :: Sigi") == "Lintaru Sameko :: Sigi"


def test_the_profile_cleaned_body_is_the_plain_one_with_parts_removed():
    raw = [f"Palu, Lintaru Sameko » {STORY[0]}", PROMO, STORY[1], f"{STORY[2]} (KS. 3*)"]
    plain = clean_article(raw).body
    profiled = clean_article(raw, profile=profile()).body
    for paragraph in profiled.split("\n\n"):
        assert paragraph in plain


def test_touches_finds_rows_cleaned_before_the_profile():
    learned = profile()
    body = "\n\n".join(STORY)
    assert not learned.touches("Jembatan Baru Diresmikan", body, ["Ahmad Fauzi"])
    assert learned.touches("Lintaru Sameko :: Jembatan Baru Diresmikan", body, [])
    assert learned.touches(None, f"{body}\n\n{PROMO}", [])
    assert learned.touches(None, f"Palu, Lintaru Sameko » {body}", [])
    assert learned.touches(None, f"{body} (KS. 9*)", [])
    assert learned.touches(None, body, ["Tebarkan"])


def test_an_empty_profile_changes_nothing():
    raw = [f"PALU – {STORY[0]}", STORY[1], f"{STORY[2]} (rls)"]
    assert clean_article(raw, profile=PortalProfile(pages=20)) == clean_article(raw)


def test_the_sites_own_names_are_dateline_outlets_without_a_vocabulary():
    opening = f"Palu, Lintaru Sameko - {STORY[0]}"
    assert clean_article([opening, *STORY[1:]]).dateline_outlet is None
    for hints in (["lintarusameko.co.id"], ["Lintaru Sameko"]):  # the host, og:site_name
        cleaned = clean_article([opening, *STORY[1:]], site_hints=hints)
        assert (cleaned.dateline_place, cleaned.dateline_outlet) == ("Palu", "Lintaru Sameko")
        assert cleaned.body == "\n\n".join(STORY)
    # a learned title affix names the site too
    affix = PortalProfile(title_prefixes={affix_key("Lintaru Sameko", ":"): "Lintaru Sameko:"})
    cleaned = clean_article([opening, *STORY[1:]], profile=affix)
    assert cleaned.dateline_outlet == "Lintaru Sameko"
