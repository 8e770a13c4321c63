"""feeds: RSS 2.0 / Atom / RDF items, broken XML recovery, autodiscovery and the /feed/ fallback."""

from __future__ import annotations

import gzip
import json

import pytest

from crawler.discovery import DiscoveryError
from crawler.discovery.feeds import feed_links_from_html, feed_next_url, parse_feed

BASE = "https://suaragarut.example"

RSS = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
	<title>Suara Garut</title>
	<atom:link href="{BASE}/feed/" rel="self" type="application/rss+xml" />
	<link>{BASE}</link>
	<item>
		<title>Banjir Bandang Rendam 120 Rumah di Pameungpeuk</title>
		<link>{BASE}/2024/05/21/banjir-bandang-rendam-120-rumah-di-pameungpeuk/</link>
		<dc:creator><![CDATA[admin]]></dc:creator>
		<pubDate>Tue, 21 May 2024 07:30:00 +0000</pubDate>
		<guid isPermaLink="false">{BASE}/?p=1201</guid>
		<description><![CDATA[<p>Hujan deras sejak sore &#8230;</p>]]></description>
	</item>
	<item>
		<title><![CDATA[Bupati &#8220;Tinjau&#8221; Posko Pengungsian]]></title>
		<link>
			{BASE}/2024/05/21/bupati-tinjau-posko-pengungsian/
		</link>
		<pubDate>Tue, 21 May 2024 14:05:00 +0700</pubDate>
	</item>
	<item>
		<title>Tanpa tautan, hanya guid</title>
		<guid>{BASE}/2024/05/20/relawan-dapur-umum-bekerja-siang-malam/</guid>
		<pubDate>bukan tanggal</pubDate>
	</item>
	<item><title>Tanpa tautan sama sekali</title></item>
</channel>
</rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Suara Garut</title>
  <link rel="self" href="{BASE}/feed/atom/"/>
  <link rel="next" href="{BASE}/feed/atom/?paged=2"/>
  <entry>
    <title type="html">Panen Raya Padi di Cibatu &amp;amp; Leles</title>
    <link rel="replies" type="application/atom+xml" href="{BASE}/2024/05/19/panen/feed/atom/"/>
    <link rel="alternate" type="text/html" href="{BASE}/2024/05/19/panen-raya-padi-di-cibatu-dan-leles/"/>
    <id>{BASE}/?p=1190</id>
    <updated>2024-05-19T10:00:00Z</updated>
    <published>2024-05-19T09:45:00+07:00</published>
  </entry>
  <entry>
    <title>Atlet Pencak Silat Raih Emas</title>
    <link href="/2024/05/18/atlet-pencak-silat-raih-emas-porda/"/>
    <updated>2024-05-18T12:00:00+07:00</updated>
  </entry>
</feed>"""

RDF = f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="{BASE}/"><title>Suara Garut</title></channel>
  <item rdf:about="{BASE}/2024/05/17/pasar-murah-jelang-idul-adha/">
    <title>Pasar Murah Jelang Iduladha</title>
    <link>{BASE}/2024/05/17/pasar-murah-jelang-idul-adha/</link>
    <dc:date>2024-05-17T08:00:00+07:00</dc:date>
  </item>
  <item rdf:about="{BASE}/2024/05/16/sekolah-rusak-segera-diperbaiki/">
    <title>Sekolah Rusak Segera Diperbaiki</title>
  </item>
</rdf:RDF>"""

FEEDBURNER = f"""<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel>
<item><title>Jalan Provinsi Mulus</title><link>https://feeds.feedburner.example/~r/sg/~3/abc/</link>
<feedburner:origLink>{BASE}/2024/05/15/jalan-provinsi-mulus-jelang-mudik/</feedburner:origLink></item>
</channel></rss>"""

FEEDBURNER_ATOM = f"""<feed xmlns="http://www.w3.org/2005/Atom"
 xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><title>Suara Garut</title>
<entry><title>Jalan Provinsi Mulus</title>
<link rel="alternate" type="text/html" href="https://feeds.feedburner.example/~r/sg/~3/abc/"/>
<id>tag:blogger.com,1999:blog-1.post-2</id>
<feedburner:origLink>{BASE}/2024/05/jalan-provinsi-mulus-jelang-mudik.html</feedburner:origLink>
</entry></feed>"""

BROKEN = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Suara Garut</title>
<item><title>Harga Cabai & Bawang Turun&nbsp;Lagi</title>
<link>{BASE}/2024/05/14/harga-cabai-dan-bawang-turun-lagi/?utm_source=rss&utm_medium=rss</link>
<pubDate>Tue, 14 May 2024 06:00:00 +0700</pubDate></item>
<item><title>Kabar tanpa penutup</title><link>{BASE}/2024/05/13/kabar-tanpa-penutup-tag-rusak/</link>
"""


def test_rss_items():
    items = parse_feed(f"{BASE}/feed/", RSS.encode())
    assert [i.url for i in items] == [
        f"{BASE}/2024/05/21/banjir-bandang-rendam-120-rumah-di-pameungpeuk/",
        f"{BASE}/2024/05/21/bupati-tinjau-posko-pengungsian/",
        f"{BASE}/2024/05/20/relawan-dapur-umum-bekerja-siang-malam/",
    ]
    first, second, third = items
    assert first.title == "Banjir Bandang Rendam 120 Rumah di Pameungpeuk"
    assert first.published_at == "2024-05-21T07:30:00+00:00"
    assert second.title == "Bupati \u201cTinjau\u201d Posko Pengungsian"
    assert second.published_at == "2024-05-21T14:05:00+07:00"
    assert third.published_at is None
    assert {(i.channel, i.kind) for i in items} == {("feed", "article")}


def test_atom_entries_take_the_alternate_link():
    items = parse_feed(f"{BASE}/feed/atom/", ATOM.encode())
    assert [i.url for i in items] == [
        f"{BASE}/2024/05/19/panen-raya-padi-di-cibatu-dan-leles/",
        f"{BASE}/2024/05/18/atlet-pencak-silat-raih-emas-porda/",
    ]
    assert items[0].title == "Panen Raya Padi di Cibatu & Leles"
    assert items[0].published_at == "2024-05-19T09:45:00+07:00"
    assert items[0].lastmod == "2024-05-19T10:00:00+00:00"
    assert items[1].published_at is None


def test_rdf_items():
    items = parse_feed(f"{BASE}/feed/rdf/", RDF.encode())
    assert [i.url for i in items] == [
        f"{BASE}/2024/05/17/pasar-murah-jelang-idul-adha/",
        f"{BASE}/2024/05/16/sekolah-rusak-segera-diperbaiki/",
    ]
    assert items[0].published_at == "2024-05-17T08:00:00+07:00"


def test_feedburner_original_link_wins():
    assert [i.url for i in parse_feed(BASE, FEEDBURNER_ATOM.encode())] == [
        f"{BASE}/2024/05/jalan-provinsi-mulus-jelang-mudik.html"
    ]
    assert [i.url for i in parse_feed(BASE, FEEDBURNER.encode())] == [
        f"{BASE}/2024/05/15/jalan-provinsi-mulus-jelang-mudik/"
    ]


def test_broken_xml_is_recovered():
    items = parse_feed(f"{BASE}/feed/", BROKEN.encode())
    assert items[0].url.startswith(f"{BASE}/2024/05/14/harga-cabai-dan-bawang-turun-lagi/")
    assert items[0].published_at == "2024-05-14T06:00:00+07:00"


def test_a_php_warning_printed_before_the_feed_costs_nothing():
    warning = (
        "<br />\n<b>Warning</b>:  Cannot modify header information - headers already sent in"
        " <b>/home/portal/public_html/wp-includes/feed-rss2.php</b> on line <b>8</b><br />\n"
    )
    assert parse_feed(f"{BASE}/feed/", (warning + RSS).encode()) == parse_feed(
        f"{BASE}/feed/", RSS.encode()
    )


def test_gzipped_feed_and_custom_channel():
    items = parse_feed(f"{BASE}/feed/", gzip.compress(RSS.encode()), channel="blogspot-feed")
    assert len(items) == 3 and items[0].channel == "blogspot-feed"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty"),
        (b"<!DOCTYPE html><html><body>Maaf, halaman tidak ditemukan</body></html>", "html"),
        (
            b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss>&x;</rss>',
            "entity",
        ),
        (b"<opml><body/></opml>", "malformed"),
        (b"%PDF-1.4 \x00\x01\x02", "malformed"),
    ],
)
def test_non_feeds_are_refused(body, reason):
    with pytest.raises(DiscoveryError) as caught:
        parse_feed(f"{BASE}/feed/", body)
    assert caught.value.reason == reason


def test_feed_next_url():
    assert feed_next_url(f"{BASE}/feed/atom/", ATOM.encode()) == f"{BASE}/feed/atom/?paged=2"
    assert feed_next_url(f"{BASE}/feed/", RSS.encode()) is None
    assert feed_next_url(f"{BASE}/feed/", b"<html>") is None


HOME = f"""<!DOCTYPE html><html lang="id-ID"><head>
<meta charset="UTF-8">
<link rel="alternate" type="application/rss+xml" title="Suara Garut &raquo; Feed" href="{BASE}/feed/" />
<link rel="alternate" type="application/rss+xml" title="Suara Garut &raquo; Umpan Komentar" href="{BASE}/comments/feed/" />
<link rel="alternate" type="application/rss+xml" title="Komentar Banjir" href="{BASE}/2024/05/21/banjir-bandang-rendam-120-rumah-di-pameungpeuk/feed/" />
<link rel="alternate" type="application/atom+xml" href="/feed/atom/" />
<link rel="alternate" type="application/rss+xml" href="{BASE}/feed/" />
<link rel="alternate" hreflang="en" href="{BASE}/en/" />
<link rel="alternate" type="application/json+oembed" href="{BASE}/wp-json/oembed/1.0/embed" />
</head><body><a href="/feed/">RSS</a></body></html>"""


def test_feed_autodiscovery_skips_comment_feeds():
    assert feed_links_from_html(HOME.encode(), BASE + "/") == [
        f"{BASE}/feed/",
        f"{BASE}/feed/atom/",
    ]


@pytest.mark.parametrize(
    "page", [b"<html><head><title>Suara Garut</title></head></html>", b"", "<p>tanpa head</p>"]
)
def test_feed_fallback_when_none_advertised(page):
    assert feed_links_from_html(page, f"{BASE}/kategori/daerah/") == [f"{BASE}/feed/"]
    assert feed_links_from_html(page, f"{BASE}/kategori/daerah/", fallback=False) == []


def test_category_feed_is_kept():
    page = f'<link rel="alternate" type="application/rss+xml" href="{BASE}/category/daerah/feed/">'
    assert feed_links_from_html(page, BASE) == [f"{BASE}/category/daerah/feed/"]


RSS_091 = f"""<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
 "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Radar&nbsp;Tasik</title><link>{BASE}</link>
<item><title>Pasar Cikurubuk &amp; Pedagang Kaki Lima</title>
<link>{BASE}/baca/pasar-cikurubuk?id=7&hal=2</link></item>
</channel></rss>"""


def test_rss_091_with_its_public_doctype_is_read_and_a_bare_ampersand_kept():
    items = parse_feed(f"{BASE}/rss.xml", RSS_091.encode("latin-1"))
    assert [(i.url, i.title) for i in items] == [
        (f"{BASE}/baca/pasar-cikurubuk?id=7&hal=2", "Pasar Cikurubuk & Pedagang Kaki Lima")
    ]


def test_atom_03_links_written_as_text_and_ids_that_are_urls():
    feed = f"""<feed version="0.3" xmlns="http://purl.org/atom/ns#">
    <entry><title>Teks</title><link rel="alternate" type="text/html">{BASE}/teks/</link></entry>
    <entry><title>Id</title><id>{BASE}/2024/05/02/id-sebagai-tautan/</id></entry>
    <entry><title>Tag</title><id>tag:suaragarut.example,2024:post-9</id></entry>
    <entry><title>Lampiran</title>
      <link rel="enclosure" type="audio/mpeg">{BASE}/siaran.mp3</link>
      <link rel="alternate" type="text/html">{BASE}/siaran/</link></entry>
    </feed>"""
    assert [i.url for i in parse_feed(f"{BASE}/atom.xml", feed.encode())] == [
        f"{BASE}/teks/",
        f"{BASE}/2024/05/02/id-sebagai-tautan/",
        f"{BASE}/siaran/",
    ]


@pytest.mark.parametrize(
    ("guid", "expected"),
    [
        (f"<guid>{BASE}/2024/05/03/guid-permalink/</guid>", f"{BASE}/2024/05/03/guid-permalink/"),
        (f'<guid isPermaLink="true">{BASE}/p/9</guid>', f"{BASE}/p/9"),
        ("<guid>/2024/05/03/relatif/</guid>", f"{BASE}/2024/05/03/relatif/"),
        (f'<guid isPermaLink="false">{BASE}/?p=9</guid>', None),
        ("<guid>9f8e7d6c-berita</guid>", None),
        ("<guid>urn:uuid:0b5a3b9e-12c1</guid>", None),
    ],
)
def test_a_permalink_guid_is_the_items_link(guid, expected):
    feed = f"<rss><channel><item><title>Guid</title>{guid}</item></channel></rss>"
    items = parse_feed(f"{BASE}/feed/", feed.encode())
    assert [i.url for i in items] == ([expected] if expected else [])


def test_xml_base_and_content_location_are_the_base():
    feed = f"""<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{BASE}/kanal/">
    <entry><link href="daerah/satu/"/></entry>
    <entry xml:base="/arsip/2023/"><link href="dua/"/></entry></feed>"""
    assert [i.url for i in parse_feed("http://cdn.example/atom", feed.encode())] == [
        f"{BASE}/kanal/daerah/satu/",
        f"{BASE}/arsip/2023/dua/",
    ]
    rss = "<rss><channel><item><link>/berita/tiga/</link></item></channel></rss>"
    headers = {"Content-Location": f"{BASE}/feed/index.xml"}
    items = parse_feed("http://cache.example/feed", rss.encode(), headers)
    assert [i.url for i in items] == [f"{BASE}/berita/tiga/"]
    relative = {"Content-Location": "/cermin/feed.xml"}
    items = parse_feed(f"{BASE}/feed/", rss.encode(), relative)
    assert [i.url for i in items] == [f"{BASE}/berita/tiga/"]


def test_a_feed_cut_off_mid_item_keeps_its_complete_items():
    whole = RSS.split("<item>")
    cut = "<item>".join(whole[:3]) + "<item><title>Setengah</title><link>" + BASE + "/2024/05/1"
    items = parse_feed(f"{BASE}/feed/", cut.encode())
    assert [i.url for i in items] == [
        f"{BASE}/2024/05/21/banjir-bandang-rendam-120-rumah-di-pameungpeuk/",
        f"{BASE}/2024/05/21/bupati-tinjau-posko-pengungsian/",
    ]


def test_cdf_items():
    cdf = f"""<CHANNEL HREF="{BASE}/" BASE="{BASE}/cdf/">
      <TITLE>Saluran</TITLE>
      <ITEM HREF="berita/satu.htm" LASTMOD="2024-05-01T10:00:00+07:00"><TITLE>Satu</TITLE></ITEM>
      <CHANNEL><ITEM HREF="{BASE}/dua.htm"/></CHANNEL>
    </CHANNEL>"""
    items = parse_feed(f"{BASE}/kanal.cdf", cdf.encode())
    assert [(i.url, i.title) for i in items] == [
        (f"{BASE}/cdf/berita/satu.htm", "Satu"),
        (f"{BASE}/dua.htm", None),
    ]
    assert items[0].lastmod == "2024-05-01T10:00:00+07:00"


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Sen, 04 Mei 2024 10:30:00 +0700", "2024-05-04T10:30:00+07:00"),  # Indonesian names
        ("Senin, 4 Maret 2024 10:30 WIB", "2024-03-04T10:30:00+07:00"),
        ("2024-3-4", "2024-03-04"),  # unpadded: a day stays a day
        ("04/03/2024", "2024-03-04"),  # day first, as Indonesia writes it
        ("kemarin", None),  # relative: it would move with the clock
        ("3 jam lalu", None),
    ],
)
def test_a_date_a_cms_printed_in_neither_standard(printed, expected):
    rss = (
        f"<rss version='2.0'><channel><item><title>Jembatan</title>"
        f"<link>{BASE}/2024/05/04/jembatan-gantung-diresmikan/</link>"
        f"<pubDate>{printed}</pubDate></item></channel></rss>"
    )
    (item,) = parse_feed(f"{BASE}/feed/", rss.encode())
    assert item.published_at == expected


JSON_FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Suara Garut",
    "home_page_url": f"{BASE}/",
    "next_url": f"{BASE}/feed/json/?paged=2",
    "items": [
        {
            "id": f"{BASE}/?p=101",
            "url": f"{BASE}/2024/05/21/banjir-bandang-rendam-120-rumah/",
            "title": "Banjir Bandang Rendam 120 Rumah &amp; Sawah",
            "date_published": "2024-05-21T09:15:00+07:00",
            "date_modified": "2024-05-21T11:00:00+07:00",
        },
        {  # no url: an id that is a URL is the item's page
            "id": f"{BASE}/2024/05/20/jembatan-gantung-diresmikan/",
            "title": "Jembatan Gantung Diresmikan",
        },
        {  # an id that is no URL, only a link elsewhere: nothing to fetch on the portal
            "id": "urn:uuid:42",
            "external_url": "https://sumber.example/laporan",
        },
        {"url": "/2024/05/19/pasar-baru-dibuka/"},  # relative: resolved against the feed
        "not an item",
    ],
}


def test_json_feed_items():
    body = b"\xef\xbb\xbf\n" + json.dumps(JSON_FEED).encode()
    found = parse_feed(f"{BASE}/feed/json/", body)
    assert [d.url for d in found] == [
        f"{BASE}/2024/05/21/banjir-bandang-rendam-120-rumah/",
        f"{BASE}/2024/05/20/jembatan-gantung-diresmikan/",
        f"{BASE}/2024/05/19/pasar-baru-dibuka/",
    ]
    first = found[0]
    assert (first.title, first.published_at[:16], first.lastmod[:16]) == (
        "Banjir Bandang Rendam 120 Rumah & Sawah",
        "2024-05-21T09:15",
        "2024-05-21T11:00",
    )
    assert feed_next_url(f"{BASE}/feed/json/", body) == f"{BASE}/feed/json/?paged=2"


@pytest.mark.parametrize(
    "body",
    [b'{"version": "https://jsonfeed.org/version/1.1", "items": 3}', b'{"code": "rest_no_route"}'],
)
def test_json_that_is_no_json_feed_is_refused(body):
    with pytest.raises(DiscoveryError):
        parse_feed(f"{BASE}/feed/json/", body)


def test_json_feed_autodiscovery():
    page = '<html><head><link rel="alternate" type="application/feed+json" href="/feed/json/"></head></html>'
    assert feed_links_from_html(page.encode(), BASE + "/") == [f"{BASE}/feed/json/"]
