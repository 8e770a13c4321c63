"""Person names: titles and ranks stripped, accounts told apart from reporters."""

from __future__ import annotations

import pytest

from crawler.clean.names import (
    canonical_case,
    is_account,
    is_degree,
    is_organisation,
    is_site_name,
    looks_like_name,
    names_an_institution,
    split_names,
    strip_titles,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Joni Karbot, S.Th.I", "Joni Karbot"),
        ("Iptu Yuli Hartono SH", "Yuli Hartono"),
        ("AKBP Dedi Kusuma Siregar Sik MSi", "Dedi Kusuma Siregar"),
        ("Dr. Ir. H. Ani Lestari, M.Si", "Ani Lestari"),
        ("Prof. Budi Santoso, S.H., M.H.", "Budi Santoso"),
        ("Hj. Siti Aminah, S.Pd.I", "Siti Aminah"),
        ("Kompol Budi Santoso, S.I.K., M.H.", "Budi Santoso"),
        ("Kapten Inf Ahmad Yani", "Ahmad Yani"),
        ("Yudi Hartono S.Pd", "Yudi Hartono"),
        ("Jack Ma", "Jack Ma"),  # `Ma` written this way is a name, not a degree
        ("Agus S", "Agus S"),
        ("Niklas.H", "Niklas.H"),
        ("  Joni   Karbot  ", "Joni Karbot"),
        ("", ""),
    ],
)
def test_strip_titles(raw, clean):
    assert strip_titles(raw) == clean


@pytest.mark.parametrize(
    ("name", "account"),
    [
        ("admin", True),
        ("Administrator", True),
        ("Redaksi", True),
        ("Tim Redaksi", True),
        ("Administrator Suara Garut", True),
        ("adm01", True),
        ("prwir", True),
        ("Humas Polres Garut", True),
        ("Warta Garut", True),  # the site itself (wartagarut.com)
        ("Joni Karbot", False),
        ("Ani", False),
        ("Garut Hartono", False),
        ("Tim", True),  # Indonesian `team`: a team's byline, not a person's
        ("Tim Liputan", True),
        ("Tim Liputan6", True),
        ("Tim Humas Polres Garut", True),
        ("Tim Kabar Sukamaju", True),
        ("Tim Enwall", False),  # the English given name
        ("Tim Advertorial", True),
        ("Tim Prokopim", True),
        ("Prokopim Setda Sintang", True),  # a regency's press unit
        ("Diskominfo Sintang", True),
        ("Sukamaju Admin", True),  # a Blogger profile named for the site's admin
        ("Portal Webmaster", True),
        ("Adminah Lestari", False),
        ("Redacción El Vigía", True),  # a newsroom and its paper
        ("Redaktion Tagesblick", True),
        ("", False),
    ],
)
def test_accounts(name, account):
    assert is_account(name, site_name="wartagarut.com") is account


@pytest.mark.parametrize("name", ["ณัฐธิดา ศรีวงศ์", "अनुराधा मिश्रा", "נועה ברקוביץ", "مریم صادقی"])
def test_names_in_spaced_scripts_without_capitals_have_a_name_shape(name):
    assert looks_like_name(name)


@pytest.mark.parametrize("text", ["kirim ke redaksi", "영화", "责任编辑", "ニュース"])
def test_lower_case_words_and_unspaced_scripts_have_no_name_shape(text):
    assert not looks_like_name(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Ani Lestari, Budi Santoso dan Citra Dewi", ["Ani Lestari", "Budi Santoso", "Citra Dewi"]),
        ("Ani Lestari & Budi Santoso", ["Ani Lestari", "Budi Santoso"]),
        ("Ani Lestari/Budi Santoso", ["Ani Lestari", "Budi Santoso"]),
        ("Joni Karbot, S.Th.I", ["Joni Karbot"]),
        ("", []),
    ],
)
def test_split_names(text, names):
    assert split_names(text) == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Joni Karbot", True),
        ("Joni Karbot, S.Th.I", True),
        ("JONI KARBOT", True),
        ("joni karbot", False),
        ("“Kami siap,” katanya", False),
        ("Warga berkumpul di alun-alun", False),
        ("Satu Dua Tiga Empat Lima Enam Tujuh", False),
        # a particle inside a name, never at its edges
        ("Ahmad bin Hasan", True),
        ("Siti binti Rahmat", True),
        ("Nick van Mead", True),
        ("van Mead", False),
        ("Banjir di", False),
        ("Warga di Garut", False),  # Indonesian `di` is a preposition, no particle
    ],
)
def test_looks_like_name(text, expected):
    assert looks_like_name(text) is expected


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("WAHYU NUGROHO", "Wahyu Nugroho"),
        ("wahyu nugroho", "Wahyu Nugroho"),
        ("Wahyu Nugroho", "Wahyu Nugroho"),
        ("MUHAMMAD BIN ALI", "Muhammad bin Ali"),
        ("SITI BINTI YUSUF", "Siti binti Yusuf"),
        ("A. RAHMAN", "A. Rahman"),
        ("M.Z. ARIFIN", "M.Z. Arifin"),
        ("MA'RUF AMIN", "Ma'ruf Amin"),
        ("I GUSTI NGURAH RAI", "I Gusti Ngurah Rai"),
        ("HM SANUSI", "HM Sanusi"),
        ("NUR-AINI", "Nur-Aini"),
        ("McDonald Siregar", "McDonald Siregar"),  # mixed case is the person's own spelling
        ("dr. Rina", "dr. Rina"),
    ],
)
def test_names_get_one_canonical_case(printed, canonical):
    assert canonical_case(printed) == canonical


def test_an_all_caps_byline_and_a_proper_one_give_the_same_author():
    from crawler.clean import clean_article

    body = ["Banyuasin – Warga Desa Sungsang gotong royong membersihkan saluran air."] * 3
    loud = clean_article(body, byline_texts=["Penulis: WAHYU NUGROHO"])
    quiet = clean_article(body, byline_texts=["Penulis: Wahyu Nugroho"])
    assert loud.authors == quiet.authors == ["Wahyu Nugroho"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CV Maju Jaya", True),  # a legal form before the name
        ("Kabar Nusantara Ltd", True),  # or after it
        ("PT. Kabar Nusantara", True),
        ("Joni Karbot", False),
        ("Inca Wijaya", False),  # a name that begins like a legal form
    ],
)
def test_a_companys_legal_form_makes_it_an_organisation(name, expected):
    assert is_organisation(name) is expected


@pytest.mark.parametrize(
    ("name", "site", "expected"),
    [
        ("TVRI", "www.tvri.go.id", True),  # the host's own label, past `www.`
        ("KabarContoh", "m.kabarcontoh.com", True),
        ("TVRI", "amp.tvri.go.id", True),  # an AMP or mobile host is the same site
        ("TVRI", "mobile.tvri.go.id", True),
        ("WWW", "www.tvri.go.id", False),  # a subdomain prefix names no site
        ("Joni Karbot", "www.tvri.go.id", False),
    ],
)
def test_a_site_name_is_read_past_the_hosts_subdomain_prefix(name, site, expected):
    assert is_site_name(name, site) is expected


@pytest.mark.parametrize(
    ("token", "degree"),
    [("M.Si", True), ("M. Kom", True), ("S.Th.I", True), ("M. Rizal", False), ("S. Budi", False)],
)
def test_an_initial_and_a_name_is_no_degree(token, degree):
    """`M. Rizal` (Muhammad Rizal) is a name; a spaced degree must be a listed one."""
    assert is_degree(token) is degree


def test_a_share_bar_run_together_is_no_name():
    assert not looks_like_name("FacebookTwitterWhatsAppTelegram")
    assert looks_like_name("TurboTaxLisa")  # an account's name, written as one word


@pytest.mark.parametrize("heading", ["Tentang Penulis", "About the Author", "Profil Wartawan"])
def test_an_author_box_heading_is_no_name(heading):
    assert not looks_like_name(heading)


def test_an_outlet_word_is_found_accents_aside():
    assert is_organisation("Prisma Média")
    assert not is_organisation("José Ramírez")


@pytest.mark.parametrize(
    ("name", "institution"),
    [
        ("Pusdalops BPBD Sukamaju", True),
        ("Fox News", True),
        ("Associated Press", True),
        ("Sukamaju.com", True),
        ("Birgit Posselt", False),  # an outlet word glued inside a name is no outlet's
        ("Rodrigo Campos", False),
        ("Joni Karbot", False),
    ],
)
def test_names_of_institutions_and_outlets(name, institution):
    assert names_an_institution(name) is institution
