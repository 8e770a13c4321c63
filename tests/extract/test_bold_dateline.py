"""A dateline set in bold with no separator of its own is cut at the end of the bold run."""

import pytest

from crawler.article import extract_article
from crawler.clean.dateline import is_bold_dateline

PAGE = """<html><head><meta property="og:type" content="article"><title>{title}</title></head>
<body class="single single-post"><h1>{title}</h1><div class="entry-content">
<p>{lead} <a href="/tag/festival/">Festival Bidar</a>, lomba perahu tradisional di Sungai Musi,
kembali digelar pekan ini setelah dua tahun terhenti karena banjir.</p>
<p>Panitia menyebut ada 28 perahu yang berlaga dan ribuan penonton memadati tepian sungai
sejak pagi hari untuk menyaksikan babak penyisihan.</p>
</div></body></html>"""
TITLE = "Festival Bidar Kembali Digelar di Palembang"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("KabarMusi.com, Palembang", True),
        ("Palembang, KabarMusi.com", True),
        ("Sumsel Terkini.id, Ogan Ilir", True),
        ("Kepala Desa, Budi Santoso", False),  # a bold name, no outlet
        ("KabarMusi.com", False),  # no place
        ("Palembang, KabarMusi.com, Sumsel", False),
        ("Menurut KabarMusi.com, warga di sana masih menunggu bantuan yang dijanjikan", False),
    ],
)
def test_is_bold_dateline(text, expected):
    assert is_bold_dateline(text) is expected


def test_bold_dateline_without_separator_is_split_off():
    html = PAGE.format(title=TITLE, lead="<b>KabarMusi.com, Palembang</b>")
    item = extract_article(html, "https://kabarmusi.example.id/2024/06/01/festival-bidar/")
    assert (item.dateline_place, item.dateline_outlet) == ("Palembang", "KabarMusi.com")
    assert item.body.startswith("Festival Bidar, lomba perahu tradisional")


def test_bold_lead_that_is_no_dateline_stays():
    html = PAGE.format(title=TITLE, lead="<b>Kabar gembira,</b> ")
    item = extract_article(html, "https://kabarmusi.example.id/2024/06/01/festival-bidar/")
    assert item.body.startswith("Kabar gembira, Festival Bidar")
    assert item.dateline_place is None
