"""Feed-kind cases (21 files)."""
from common import add

RSS = "application/rss+xml; charset=UTF-8"

# ---------------------------------------------------------------- WordPress RSS2 with content:encoded, rel=next
H = "https://jurnalmuratara.com"


def wp_item(link, title, pid, date, author, cats, excerpt, content, comments=0):
    cat = "".join(f"\n\t\t<category><![CDATA[{c}]]></category>" for c in cats)
    return f"""
	<item>
		<title>{title}</title>
		<link>{link}</link>
					<comments>{link}#respond</comments>
		
		<dc:creator><![CDATA[{author}]]></dc:creator>
		<pubDate>{date}</pubDate>{cat}
		<guid isPermaLink="false">{H}/?p={pid}</guid>

					<description><![CDATA[{excerpt}]]></description>
										<content:encoded><![CDATA[{content}]]></content:encoded>
					
					<wfw:commentRss>{link}feed/</wfw:commentRss>
			<slash:comments>{comments}</slash:comments>
		
		
			</item>"""


def wp_channel(self_href, extra_links, items):
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>

<channel>
	<title>Jurnal Muratara</title>
	<atom:link href="{self_href}" rel="self" type="application/rss+xml" />{extra_links}
	<link>https://jurnalmuratara.com</link>
	<description>Tajam, Berimbang, Terpercaya dari Bumi Beselang Serundingan</description>
	<lastBuildDate>Mon, 15 Jul 2024 03:41:18 +0000</lastBuildDate>
	<language>id</language>
	<sy:updatePeriod>
	hourly	</sy:updatePeriod>
	<sy:updateFrequency>
	1	</sy:updateFrequency>
	<generator>https://wordpress.org/?v=6.5.5</generator>

<image>
	<url>https://jurnalmuratara.com/wp-content/uploads/2023/04/cropped-favicon-jm-32x32.png</url>
	<title>Jurnal Muratara</title>
	<link>https://jurnalmuratara.com</link>
	<width>32</width>
	<height>32</height>
</image> {items}
	</channel>
</rss>
"""


p1 = [
    (f"{H}/pemkab-muratara-tetapkan-status-siaga-karhutla/", "Pemkab Muratara Tetapkan Status Siaga Karhutla",
     18822, "Mon, 15 Jul 2024 03:41:18 +0000", "2024-07-15T03:41:18+00:00", "Redaksi", ["Daerah", "Lingkungan"]),
    (f"{H}/jembatan-gantung-di-rawas-ulu-putus-diterjang-arus/", "Jembatan Gantung di Rawas Ulu Putus Diterjang Arus",
     18819, "Mon, 15 Jul 2024 01:02:55 +0000", "2024-07-15T01:02:55+00:00", "Ahmad Fauzan", ["Daerah"]),
    (f"{H}/petani-sawit-karang-jaya-tuntut-harga-tbs-yang-adil/",
     "Petani Sawit Karang Jaya Tuntut Harga TBS yang &#8220;Adil&#8221;",
     18815, "Sun, 14 Jul 2024 12:30:00 +0000", "2024-07-14T12:30:00+00:00", "Sri Wahyuni", ["Ekonomi"]),
]
items = ""
for l, t, pid, d, _, a, c in p1:
    excerpt = f"MURATARA &#8211; {t.replace('&#8220;', '').replace('&#8221;', '')}. Hal ini disampaikan pejabat terkait kepada wartawan, Senin (15/7/2024). [&#8230;]"
    content = (f'<p><strong>MURATARA</strong> &#8211; Warga Kecamatan Rupit dan sekitarnya diminta waspada.</p>\n'
               f'<p><strong>Baca juga: <a href="{H}/bupati-muratara-tinjau-lokasi-banjir-di-karang-dapo/">Bupati Muratara Tinjau Lokasi Banjir di Karang Dapo</a></strong></p>\n'
               f'<figure class="wp-block-image size-large"><img decoding="async" src="{H}/wp-content/uploads/2024/07/ilustrasi-{pid}.jpg" alt="" /></figure>\n'
               f'<p>Laporan lengkap akan diperbarui. (<em>{a.split()[0].lower()}</em>)</p>\n'
               f'<p>The post <a href="{l}">{t}</a> appeared first on <a href="{H}">Jurnal Muratara</a>.</p>\n')
    items += wp_item(l, t, pid, d, a, c, excerpt, content)
body = wp_channel(f"{H}/feed/", f'\n\t<atom:link rel="next" href="{H}/feed/?paged=2" />', items)
add("wp-feed-content-encoded-next.xml", "feed", f"{H}/feed/", RSS, body, [p[0] for p in p1], "feed",
    dates={p[0]: p[4] for p in p1}, next_page=f"{H}/feed/?paged=2",
    notes="Stock WordPress RSS2 with content:encoded (contains a 'Baca juga' link and a 'The post ... appeared "
          "first on' footer: neither is an item), dc:creator, ?p= guid isPermaLink=false, and an "
          "<atom:link rel=\"next\"> added by a feed-paging plugin. Only the three <link>s are items.")

p2 = [
    (f"{H}/bupati-muratara-tinjau-lokasi-banjir-di-karang-dapo/", "Bupati Muratara Tinjau Lokasi Banjir di Karang Dapo",
     18801, "Sat, 13 Jul 2024 08:15:40 +0000", "2024-07-13T08:15:40+00:00", "Redaksi", ["Daerah"]),
    (f"{H}/ratusan-pelajar-ikuti-lomba-pidato-bahasa-daerah/", "Ratusan Pelajar Ikuti Lomba Pidato Bahasa Daerah",
     18797, "Fri, 12 Jul 2024 14:02:11 +0000", "2024-07-12T14:02:11+00:00", "Sri Wahyuni", ["Pendidikan"]),
    (f"{H}/polsek-rawas-ilir-gagalkan-penyelundupan-burung-murai/",
     "Polsek Rawas Ilir Gagalkan Penyelundupan Burung Murai", 18790, "Fri, 12 Jul 2024 02:47:58 +0000",
     "2024-07-12T02:47:58+00:00", "Ahmad Fauzan", ["Hukum &amp; Kriminal"]),
]
items = ""
for l, t, pid, d, _, a, c in p2:
    items += wp_item(l, t, pid, d, a, c, f"MURATARA &#8211; {t}. [&#8230;]",
                     f"<p>{t}.</p>\n<p>The post <a href=\"{l}\">{t}</a> appeared first on <a href=\"{H}\">Jurnal Muratara</a>.</p>\n", 2)
body = wp_channel(f"{H}/feed/?paged=2",
                  f'\n\t<atom:link rel="previous" href="{H}/feed/" />\n\t<atom:link rel="next" href="{H}/feed/?paged=3" />',
                  items)
add("wp-feed-paged-2.xml", "feed", f"{H}/feed/?paged=2", RSS, body, [p[0] for p in p2], "feed",
    dates={p[0]: p[4] for p in p2}, next_page=f"{H}/feed/?paged=3", prev_page=f"{H}/feed/",
    notes="Page 2 of the same feed (?paged=2), with rel=previous and rel=next atom links. The first item is the "
          "article linked from a 'Baca juga' box in page 1.")

# ---------------------------------------------------------------- WordPress category feed, plain permalinks
H = "https://beritatebo.net"
cp = [(f"{H}/?p=2871", "Sungai Batanghari Meluap, Warga Tebo Ilir Diminta Siaga", "Mon, 15 Jul 2024 02:20:09 +0000",
       "2024-07-15T02:20:09+00:00"),
      (f"{H}/?p=2866", "Dua Jembatan Desa di Sumay Terputus Banjir", "Sun, 14 Jul 2024 09:44:31 +0000",
       "2024-07-14T09:44:31+00:00"),
      (f"{H}/?p=2858", "BPBD Tebo Dirikan Posko Pengungsian di Rimbo Bujang", "Sat, 13 Jul 2024 13:05:00 +0000",
       "2024-07-13T13:05:00+00:00")]
body = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>

<channel>
	<title>Bencana &#8211; Berita Tebo</title>
	<atom:link href="https://beritatebo.net/?cat=5&#038;feed=rss2" rel="self" type="application/rss+xml" />
	<link>https://beritatebo.net/?cat=5</link>
	<description>Kabar Terkini dari Bumi Seentak Galah Serengkuh Dayung</description>
	<lastBuildDate>Mon, 15 Jul 2024 02:20:09 +0000</lastBuildDate>
	<language>id</language>
	<sy:updatePeriod>
	hourly	</sy:updatePeriod>
	<sy:updateFrequency>
	1	</sy:updateFrequency>
	<generator>https://wordpress.org/?v=6.4.3</generator>
"""
for l, t, d, _ in cp:
    body += f"""	<item>
		<title>{t}</title>
		<link>{l}</link>
					<comments>{l}#respond</comments>
		
		<dc:creator><![CDATA[admin]]></dc:creator>
		<pubDate>{d}</pubDate>
				<category><![CDATA[Bencana]]></category>
		<guid isPermaLink="false">{l}</guid>

					<description><![CDATA[TEBO &#8211; {t}. [&#8230;]]]></description>
		
					<wfw:commentRss>{H}/?feed=rss2&#038;p={l.split('=')[1]}</wfw:commentRss>
			<slash:comments>0</slash:comments>
		
		
			</item>
"""
body += "	</channel>\n</rss>\n"
add("wp-category-feed-plain-permalinks.xml", "feed", f"{H}/?cat=5&feed=rss2", RSS, body, [c[0] for c in cp], "feed",
    dates={c[0]: c[3] for c in cp},
    notes="WordPress category feed on a plain-permalink site: item links are /?p=N, self link and wfw:commentRss "
          "use &#038;. No content:encoded (summary-only setting).")

# ---------------------------------------------------------------- WordPress Atom
H = "https://suaramentawai.com"
wa = [(f"{H}/2024/07/gelombang-tinggi-kapal-cepat-tuapejat-padang-batal-berlayar/", 9921,
       "Gelombang Tinggi, Kapal Cepat Tuapejat-Padang Batal Berlayar", "2024-07-15T05:40:12Z", "2024-07-15T06:03:44Z"),
      (f"{H}/2024/07/peselancar-australia-hilang-di-perairan-katiet-ditemukan-selamat/", 9918,
       "Peselancar Australia Hilang di Perairan Katiet Ditemukan Selamat", "2024-07-14T23:51:10Z",
       "2024-07-14T23:51:10Z")]
body = f"""<?xml version="1.0" encoding="UTF-8"?><feed
  xmlns="http://www.w3.org/2005/Atom"
  xmlns:thr="http://purl.org/syndication/thread/1.0"
  xml:lang="id"
  >
	<title type="text">Suara Mentawai</title>
	<subtitle type="text">Suara dari Bumi Sikerei</subtitle>

	<updated>2024-07-15T06:03:44Z</updated>

	<link rel="alternate" type="text/html" href="https://suaramentawai.com" />
	<id>https://suaramentawai.com/feed/atom/</id>
	<link rel="self" type="application/atom+xml" href="https://suaramentawai.com/feed/atom/" />

	<generator uri="https://wordpress.org/" version="6.5.5">WordPress</generator>
"""
for l, pid, t, pub, upd in wa:
    body += f"""	<entry>
		<author>
			<name>Yosef Saleleubaja</name>
					</author>

		<title type="html"><![CDATA[{t}]]></title>
		<link rel="alternate" type="text/html" href="{l}" />

		<id>{H}/?p={pid}</id>
		<updated>{upd}</updated>
		<published>{pub}</published>
		<category scheme="https://suaramentawai.com" term="Daerah" />
		<summary type="html"><![CDATA[TUAPEJAT &#8211; {t}. [&#8230;]]]></summary>

					<content type="html" xml:base="{l}"><![CDATA[<p>{t}.</p>
<p><a href="{H}/tag/cuaca-ekstrem/">#cuaca-ekstrem</a></p>
]]></content>
		
					<link rel="replies" type="text/html" href="{l}#comments" thr:count="0" />
			<link rel="replies" type="application/atom+xml" href="{l}feed/atom/" thr:count="0" />
			<thr:total>0</thr:total>
			</entry>
"""
body += "	</feed>\n"
add("wp-atom-feed.xml", "feed", f"{H}/feed/atom/", "application/atom+xml; charset=UTF-8", body, [w[0] for w in wa],
    "feed", dates={w[0]: w[3].replace("Z", "+00:00") for w in wa},
    notes="WordPress /feed/atom/: feed-level rel=alternate is the home page (not an entry); each entry has an "
          "alternate link then two rel=replies links (#comments and the per-post comment feed). <id> is the ?p= "
          "form. Dates taken from <published>.")

# ---------------------------------------------------------------- custom PHP RSS with relative links and WIB
H = "https://www.gemasampang.com"
rl = [("read.php?id=4412&amp;judul=nelayan-camplong-tangkap-ikan-tuna-sirip-kuning",
       f"{H}/read.php?id=4412&judul=nelayan-camplong-tangkap-ikan-tuna-sirip-kuning",
       "Mon, 15 Jul 2024 09:10:00 WIB", "2024-07-15T09:10:00+07:00"),
      ("/read.php?id=4411&amp;judul=harga-garam-rakyat-di-pangarengan-anjlok",
       f"{H}/read.php?id=4411&judul=harga-garam-rakyat-di-pangarengan-anjlok",
       "Mon, 15 Jul 2024 07:45:00 WIB", "2024-07-15T07:45:00+07:00"),
      ("read.php?id=4408&amp;judul=karapan-sapi-piala-bupati-digelar-agustus",
       f"{H}/read.php?id=4408&judul=karapan-sapi-piala-bupati-digelar-agustus",
       "Sun, 14 Jul 2024 20:30:00 WIB", "2024-07-14T20:30:00+07:00")]
body = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n<title>Gema Sampang - Berita Terbaru</title>\n'
        '<link>./</link>\n<description>Portal Berita Sampang dan Madura</description>\n<language>id-id</language>\n'
        '<copyright>Copyright 2024 gemasampang.com</copyright>\n')
for raw, _, d, _ in rl:
    title = raw.split("judul=")[1].replace("-", " ").title()
    body += (f"<item>\n<title>{title}</title>\n<link>{raw}</link>\n"
             f"<description>&lt;img src=\"foto_berita/{raw.split('id=')[1][:4]}.jpg\" width=\"150\"&gt;&lt;br&gt;{title}...</description>\n"
             f"<pubDate>{d}</pubDate>\n</item>\n")
body += "</channel>\n</rss>"
add("rss-relative-links-php.xml", "feed", f"{H}/feed.php", "text/xml", body, [r[1] for r in rl], "feed",
    dates={r[1]: r[3] for r in rl},
    notes="Lokomedia-style PHP RSS: item links are relative (read.php?... and /read.php?...) with &amp;; resolve "
          "against the feed URL. Channel <link> is './'. pubDate ends in WIB (+07:00). Description HTML has a "
          "relative image path that is not an item.")

# ---------------------------------------------------------------- guid-only items
H = "https://kabarlingga.com"
body = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Kabar Lingga</title>
    <link>{H}</link>
    <description>Berita Bunda Tanah Melayu</description>
    <item>
      <title>Tradisi Mandi Safar di Daik Kembali Digelar</title>
      <link/>
      <guid isPermaLink="true">{H}/berita/2024/07/15/tradisi-mandi-safar-di-daik-kembali-digelar</guid>
      <pubDate>Mon, 15 Jul 2024 08:00:00 +0700</pubDate>
    </item>
    <item>
      <title>Harga Sagu Lingga Naik Jelang Musim Angin Utara</title>
      <guid>{H}/berita/2024/07/14/harga-sagu-lingga-naik-jelang-musim-angin-utara</guid>
      <pubDate>Sun, 14 Jul 2024 16:20:00 +0700</pubDate>
    </item>
    <item>
      <title>Pengumuman: Libur Redaksi</title>
      <guid isPermaLink="false">kl-pengumuman-0713</guid>
      <pubDate>Sat, 13 Jul 2024 10:00:00 +0700</pubDate>
    </item>
    <item>
      <title>Kapal Ro-Ro Jagoh-Dabo Ganti Jadwal</title>
      <link>{H}/berita/2024/07/13/kapal-ro-ro-jagoh-dabo-ganti-jadwal</link>
      <guid isPermaLink="true">{H}/?p=7710</guid>
      <pubDate>Sat, 13 Jul 2024 07:30:00 +0700</pubDate>
    </item>
  </channel>
</rss>
"""
gu = [f"{H}/berita/2024/07/15/tradisi-mandi-safar-di-daik-kembali-digelar",
      f"{H}/berita/2024/07/14/harga-sagu-lingga-naik-jelang-musim-angin-utara",
      f"{H}/berita/2024/07/13/kapal-ro-ro-jagoh-dabo-ganti-jadwal"]
add("rss-guid-permalink-only.xml", "feed", f"{H}/rss", RSS, body, gu, "feed",
    dates={gu[0]: "2024-07-15T08:00:00+07:00", gu[1]: "2024-07-14T16:20:00+07:00", gu[2]: "2024-07-13T07:30:00+07:00"},
    notes="Item 1 has an empty <link/> and a guid isPermaLink=\"true\" (use the guid). Item 2 has no link and a "
          "guid with no attribute (default permalink). Item 3 has only a non-URL guid with isPermaLink=\"false\": "
          "nothing. Item 4 has both; <link> wins over the ?p= guid.")

# ---------------------------------------------------------------- undeclared HTML entities
H = "https://www.corongpangkep.com"
ue = [(f"{H}/read/20240715/8812/pulau-sabutung-krisis-air-bersih", "Mon, 15 Jul 2024 10:20:00 +0800",
       "2024-07-15T10:20:00+08:00",
       "Pulau Sabutung Krisis Air Bersih&nbsp;&raquo;&nbsp;Warga Beli Air Rp5.000 per Jeriken"),
      (f"{H}/read/20240715/8810/festival-kepulauan-spermonde-resmi-dibuka", "Mon, 15 Jul 2024 08:02:00 +0800",
       "2024-07-15T08:02:00+08:00", "&ldquo;Festival Kepulauan Spermonde&rdquo; Resmi Dibuka &ndash; Ini Jadwalnya"),
      (f"{H}/read/20240714/8804/bupati-pangkep-lantik-kepala-desa-pengganti-antarwaktu",
       "Sun, 14 Jul 2024 15:45:00 +0800", "2024-07-14T15:45:00+08:00",
       "Bupati Pangkep Lantik Kepala Desa Pengganti Antarwaktu&hellip;")]
body = ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">\n  <channel>\n    <title>Corong Pangkep &raquo; Terbaru</title>\n'
        f'    <link>{H}</link>\n    <description>Corong Informasi Kabupaten Pangkajene dan Kepulauan&nbsp;</description>\n'
        '    <language>id</language>\n')
for l, d, _, t in ue:
    body += (f"    <item>\n      <title>{t}</title>\n      <link>{l}</link>\n"
             f"      <description>PANGKEP &ndash; {t.split('&')[0]}&hellip; Baca selengkapnya &raquo;</description>\n"
             f"      <pubDate>{d}</pubDate>\n      <guid>{l}</guid>\n    </item>\n")
body += "  </channel>\n</rss>\n"
add("rss-undeclared-entities.xml", "feed", f"{H}/rss/terbaru", RSS, body, [u[0] for u in ue], "feed",
    dates={u[0]: u[2] for u in ue}, well_formed=False,
    notes="HTML named entities (&nbsp; &raquo; &ldquo; &rdquo; &ndash; &hellip;) that XML does not define, in "
          "titles, descriptions and the channel; strict parsers fail at the first one. Links are clean.")

# ---------------------------------------------------------------- Blogger Atom, label feed, custom domain
H = "https://www.infopulaumuna.com"
BID = "2209317745610982213"
bl = [(f"{H}/2024/07/warga-lohia-gotong-royong-perbaiki-dermaga.html", "3318820917462091845",
       "Warga Lohia Gotong Royong Perbaiki Dermaga", "2024-07-15T07:30:00.002+08:00", "2024-07-15T07:30:00+08:00", 2),
      (f"{H}/2024/07/layang-layang-kaghati-kolope-tampil-di.html", "6650192837401928374",
       "Layang-Layang Kaghati Kolope Tampil di Festival Internasional", "2024-07-14T18:12:00.001+08:00",
       "2024-07-14T18:12:00+08:00", 0),
      (f"{H}/2024/07/jalan-lingkar-raha-mulai-diaspal_13.html", "1029384756102938475",
       "Jalan Lingkar Raha Mulai Diaspal", "2024-07-13T09:00:00.005+08:00", "2024-07-13T09:00:00+08:00", 5)]
body = ("<?xml version='1.0' encoding='UTF-8'?><?xml-stylesheet href=\"https://www.blogger.com/styles/atom.css\" type=\"text/css\"?>"
        "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' "
        "xmlns:blogger='http://schemas.google.com/blogger/2008' xmlns:georss='http://www.georss.org/georss' "
        "xmlns:gd=\"http://schemas.google.com/g/2005\" xmlns:thr='http://purl.org/syndication/thread/1.0'>"
        f"<id>tag:blogger.com,1999:blog-{BID}</id><updated>2024-07-15T07:35:40.557+08:00</updated>"
        "<category term=\"Daerah\"/><category term=\"Wisata\"/><category term=\"Pemerintahan\"/>"
        "<title type='text'>Info Pulau Muna</title><subtitle type='html'>Kabar dari Bumi Sowite</subtitle>"
        f"<link rel='http://schemas.google.com/g/2005#feed' type='application/atom+xml' href='{H}/feeds/posts/default'/>"
        f"<link rel='self' type='application/atom+xml' href='https://www.blogger.com/feeds/{BID}/posts/default/-/Daerah'/>"
        f"<link rel='alternate' type='text/html' href='{H}/search/label/Daerah'/>"
        "<link rel='hub' href='http://pubsubhubbub.appspot.com/'/>"
        f"<link rel='next' type='application/atom+xml' href='https://www.blogger.com/feeds/{BID}/posts/default/-/Daerah?start-index=4&amp;max-results=3'/>"
        "<author><name>Admin IPM</name><uri>https://www.blogger.com/profile/11029384756473829100</uri>"
        "<email>noreply@blogger.com</email><gd:image rel='http://schemas.google.com/g/2005#thumbnail' width='16' height='16' "
        "src='https://img1.blogblog.com/img/b16-rounded.gif'/></author><generator version='7.00' uri='https://www.blogger.com'>Blogger</generator>"
        "<openSearch:totalResults>57</openSearch:totalResults><openSearch:startIndex>1</openSearch:startIndex>"
        "<openSearch:itemsPerPage>3</openSearch:itemsPerPage>")
for url, pid, t, pub, _, n in bl:
    body += (f"<entry><id>tag:blogger.com,1999:blog-{BID}.post-{pid}</id><published>{pub}</published>"
             f"<updated>{pub}</updated><category scheme='http://www.blogger.com/atom/ns#' term='Daerah'/>"
             f"<title type='text'>{t}</title><content type='html'>&lt;div class=&quot;separator&quot;&gt;&lt;a href=&quot;"
             f"https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEh{pid[:8]}/s1600/foto.jpg&quot;&gt;&lt;/a&gt;&lt;/div&gt;"
             f"&lt;p&gt;RAHA - {t}.&lt;/p&gt;</content>"
             f"<link rel='replies' type='application/atom+xml' href='{H}/feeds/{pid}/comments/default' title='Posting Komentar'/>"
             f"<link rel='replies' type='text/html' href='{url}#comment-form' title='{n} Komentar'/>"
             f"<link rel='edit' type='application/atom+xml' href='https://www.blogger.com/feeds/{BID}/posts/default/{pid}'/>"
             f"<link rel='self' type='application/atom+xml' href='https://www.blogger.com/feeds/{BID}/posts/default/{pid}'/>"
             f"<link rel='alternate' type='text/html' href='{url}' title='{t}'/>"
             "<author><name>Admin IPM</name><uri>https://www.blogger.com/profile/11029384756473829100</uri>"
             "<email>noreply@blogger.com</email><gd:image rel='http://schemas.google.com/g/2005#thumbnail' width='16' "
             "height='16' src='https://img1.blogblog.com/img/b16-rounded.gif'/></author>"
             f"<media:thumbnail xmlns:media='http://search.yahoo.com/mrss/' url='https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEh{pid[:8]}/s72-c/foto.jpg' height='72' width='72'/>"
             f"<thr:total>{n}</thr:total></entry>")
body += "</feed>"
add("blogger-atom-label-feed.xml", "feed", f"{H}/feeds/posts/default/-/Daerah", "application/atom+xml; charset=UTF-8",
    body, [b[0] for b in bl], "feed", dates={b[0]: b[4] for b in bl},
    next_page=f"https://www.blogger.com/feeds/{BID}/posts/default/-/Daerah?start-index=4&max-results=3",
    notes="Blogger label feed on a custom domain: five links per entry, alternate last; feed-level alternate is "
          "the /search/label/ listing (not an entry). One slug carries Blogger's _13 duplicate suffix. "
          "media:thumbnail declares its namespace inline. Dates from <published>, milliseconds truncated.")

# ---------------------------------------------------------------- Ghost RSS
H = "https://catatan.kopiselasa.id"
gh = [(f"{H}/menunggu-hujan-di-sumba-timur/", "Menunggu Hujan di Sumba Timur", "Mon, 15 Jul 2024 01:30:00 GMT",
       "2024-07-15T01:30:00+00:00", "66947a1f2c8d4e0001a3b5c7", "Esai", "Nurul Aini"),
      (f"{H}/catatan-dari-pasar-inpres-kupang/", "Catatan dari Pasar Inpres Kupang", "Thu, 11 Jul 2024 10:05:22 GMT",
       "2024-07-11T10:05:22+00:00", "668f9c0e2c8d4e0001a3b4f2", "Reportase", "Nurul Aini"),
      (f"{H}/buletin-17-tentang-sekolah-di-ujung-jalan/", "Buletin #17: Tentang Sekolah di Ujung Jalan",
       "Mon, 08 Jul 2024 00:00:41 GMT", "2024-07-08T00:00:41+00:00", "668b2f5a2c8d4e0001a3b4a1", "Buletin",
       "Tim Kopi Selasa")]
body = ('<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" version="2.0" '
        'xmlns:media="http://search.yahoo.com/mrss/"><channel><title><![CDATA[Kopi Selasa]]></title>'
        '<description><![CDATA[Tulisan panjang tentang kampung, kota kecil, dan orang-orang di dalamnya.]]></description>'
        f'<link>{H}/</link><image><url>{H}/favicon.png</url><title>Kopi Selasa</title><link>{H}/</link></image>'
        '<generator>Ghost 5.87</generator><lastBuildDate>Mon, 15 Jul 2024 04:02:11 GMT</lastBuildDate>'
        f'<atom:link href="{H}/rss/" rel="self" type="application/rss+xml"/><ttl>60</ttl>')
for l, t, d, _, oid, cat, au in gh:
    body += (f'<item><title><![CDATA[{t}]]></title><description><![CDATA[{t}. Sebuah catatan.]]></description>'
             f'<link>{l}</link><guid isPermaLink="false">{oid}</guid><category><![CDATA[{cat}]]></category>'
             f'<dc:creator><![CDATA[{au}]]></dc:creator><pubDate>{d}</pubDate>'
             f'<media:content url="{H}/content/images/2024/07/{oid[-6:]}.jpg" medium="image"/>'
             f'<content:encoded><![CDATA[<img src="{H}/content/images/2024/07/{oid[-6:]}.jpg" alt="{t}"><p>{t}.</p>'
             f'<div class="kg-card kg-button-card kg-align-center"><a href="{H}/#/portal/signup" class="kg-btn kg-btn-accent">Berlangganan</a></div>]]></content:encoded></item>')
body += "</channel></rss>"
add("ghost-rss.xml", "feed", f"{H}/rss/", "application/rss+xml; charset=utf-8", body, [g[0] for g in gh], "feed",
    dates={g[0]: g[3] for g in gh},
    notes="Ghost 5 serves RSS 2.0 (not Atom) at /rss/: CDATA everywhere, guid is a 24-hex object id "
          "(isPermaLink=false), media:content image, a #/portal/signup button inside content. A newsletter issue "
          "is still an item.")

# ---------------------------------------------------------------- Hugo RSS with baseURL "/"
H = "https://lembaran.ruangbacasumba.org"
hu = [("/posts/perpustakaan-keliling-sampai-di-kampung-prailiu/", "Mon, 15 Jul 2024 00:00:00 +0000",
       "2024-07-15T00:00:00+00:00"),
      ("/posts/dongeng-marapu-dibacakan-di-taman-baca/", "Wed, 10 Jul 2024 14:30:00 +0800",
       "2024-07-10T14:30:00+08:00"),
      ("/kegiatan/lokakarya-menulis-untuk-guru-sd/", "Sat, 06 Jul 2024 09:00:00 +0800", "2024-07-06T09:00:00+08:00")]
body = ('<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n'
        '  <channel>\n    <title>Ruang Baca Sumba</title>\n    <link>/</link>\n'
        '    <description>Recent content on Ruang Baca Sumba</description>\n    <generator>Hugo</generator>\n'
        '    <language>id</language>\n    <lastBuildDate>Mon, 15 Jul 2024 00:00:00 +0000</lastBuildDate>\n'
        '    <atom:link href="/index.xml" rel="self" type="application/rss+xml" />\n')
for l, d, _ in hu:
    t = l.rstrip("/").rsplit("/", 1)[1].replace("-", " ").capitalize()
    body += (f"    <item>\n      <title>{t}</title>\n      <link>{l}</link>\n      <pubDate>{d}</pubDate>\n"
             f"      <guid>{l}</guid>\n      <description>&lt;p&gt;{t}. &lt;a href=&#34;/tags/literasi/&#34;&gt;#literasi&lt;/a&gt;&lt;/p&gt;</description>\n    </item>\n")
body += "  </channel>\n</rss>\n"
add("hugo-rss-baseurl-slash.xml", "feed", f"{H}/index.xml", "application/rss+xml", body, [H + h[0] for h in hu],
    "feed", dates={H + h[0]: h[2] for h in hu},
    notes="Hugo's default RSS template on a site built with baseURL = \"/\": every link, guid and the self link "
          "is root-relative; resolve against the feed URL. First item is date-only front matter rendered as "
          "midnight +0000 (it states a zone, so it has a date). Escaped HTML uses &#34;.")

# ---------------------------------------------------------------- Jekyll (jekyll-feed) Atom
H = "https://blog.suarapetani-bantaeng.org"
jk = [(f"{H}/2024/07/14/panen-jagung-kuning-di-gantarangkeke.html", "Panen Jagung Kuning di Gantarangkeke",
       "2024-07-14T20:11:03+08:00"),
      (f"{H}/2024/07/02/sekolah-lapang-iklim-untuk-petani-muda.html", "Sekolah Lapang Iklim untuk Petani Muda",
       "2024-07-02T08:00:00+08:00"),
      (f"{H}/2024/06/21/harga-pupuk-dan-cerita-dari-tompobulu.html", "Harga Pupuk dan Cerita dari Tompobulu",
       "2024-06-21T19:45:00+08:00")]
body = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">'
        '<generator uri="https://jekyllrb.com/" version="4.3.3">Jekyll</generator>'
        f'<link href="{H}/feed.xml" rel="self" type="application/atom+xml" />'
        f'<link href="{H}/" rel="alternate" type="text/html" hreflang="id" />'
        f'<updated>2024-07-14T20:11:03+08:00</updated><id>{H}/feed.xml</id>'
        '<title type="html">Suara Petani Bantaeng</title><subtitle>Catatan kelompok tani di kaki Lompobattang.</subtitle>'
        '<author><name>Kelompok Tani Sipakainga</name></author>')
for l, t, d in jk:
    body += (f'<entry><title type="html">{t}</title><link href="{l}" rel="alternate" type="text/html" title="{t}" />'
             f'<published>{d}</published><updated>{d}</updated><id>{l[:-5]}</id>'
             f'<content type="html" xml:base="{l}"><![CDATA[<p>{t}.</p><p><img src="/assets/img/{l.rsplit("/", 1)[1][:-5]}.jpg" alt="" /></p>]]></content>'
             f'<author><name>Daeng Sikki</name></author><category term="catatan" />'
             f'<summary type="html">{t}.</summary></entry>')
body += "</feed>"
add("jekyll-atom.xml", "feed", f"{H}/feed.xml", "application/xml", body, [j[0] for j in jk], "feed",
    dates={j[0]: j[2] for j in jk},
    notes="jekyll-feed Atom: <id> is the permalink WITHOUT .html (do not use it as the link); the alternate "
          "link has .html. Feed-level alternate is the home page.")

# ---------------------------------------------------------------- Medium publication
H = "https://medium.com/suara-pesisir-timur"
md = [("pelabuhan-kecil-di-ujung-flores-timur-3f9a1c2b7d8e", "Pelabuhan Kecil di Ujung Flores Timur",
       "Mon, 15 Jul 2024 05:12:44 GMT", "2024-07-15T05:12:44+00:00", "2024-07-15T05:12:44.118Z", "Yohanes Bria"),
      ("mengapa-anak-muda-larantuka-pulang-kampung-a41b7c9e0d22", "Mengapa Anak Muda Larantuka Pulang Kampung?",
       "Fri, 12 Jul 2024 11:40:02 GMT", "2024-07-12T11:40:02+00:00", "2024-07-13T02:01:55.730Z", "Maria Goreti Kewa")]
SRC = "?source=rss----8f21c0a7b3d4---4"
body = ('<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" version="2.0" '
        'xmlns:cc="http://cyber.law.harvard.edu/rss/creativeCommonsRssModule.html">\n    <channel>\n'
        '        <title><![CDATA[Suara Pesisir Timur - Medium]]></title>\n'
        '        <description><![CDATA[Cerita dari pesisir timur Nusa Tenggara. - Medium]]></description>\n'
        f'        <link>{H}{SRC}</link>\n'
        '        <image>\n            <url>https://cdn-images-1.medium.com/proxy/1*TGH72Nnw24QL3iV9IOm4VA.png</url>\n'
        f'            <title>Suara Pesisir Timur - Medium</title>\n            <link>{H}{SRC}</link>\n        </image>\n'
        '        <generator>Medium</generator>\n        <lastBuildDate>Mon, 15 Jul 2024 05:13:20 GMT</lastBuildDate>\n'
        '        <atom:link href="https://medium.com/feed/suara-pesisir-timur" rel="self" type="application/rss+xml"/>\n'
        '        <atom:link href="http://medium.superfeedr.com" rel="hub"/>\n')
for slug, t, d, _, upd, au in md:
    pid = slug.rsplit("-", 1)[1]
    body += (f'        <item>\n            <title><![CDATA[{t}]]></title>\n'
             f'            <link>{H}/{slug}{SRC}</link>\n'
             f'            <guid isPermaLink="false">https://medium.com/p/{pid}</guid>\n'
             f'            <category><![CDATA[flores]]></category>\n            <category><![CDATA[indonesia]]></category>\n'
             f'            <dc:creator><![CDATA[{au}]]></dc:creator>\n            <pubDate>{d}</pubDate>\n'
             f'            <atom:updated>{upd}</atom:updated>\n'
             f'            <content:encoded><![CDATA[<p>{t}</p><img src="https://medium.com/_/stat?event=post.clientViewed&referrerSource=full_rss&postId={pid}" width="1" height="1" alt=""><hr><p><a href="{H}/{slug}">{t}</a> was originally published in <a href="{H}">Suara Pesisir Timur</a> on Medium.</p>]]></content:encoded>\n'
             f'        </item>\n')
body += "    </channel>\n</rss>"
mu = [f"{H}/{m[0]}{SRC}" for m in md]
add("medium-publication-rss.xml", "feed", "https://medium.com/feed/suara-pesisir-timur", "text/xml; charset=UTF-8",
    body, mu, "feed", dates={f"{H}/{m[0]}{SRC}": m[3] for m in md},
    expect_urls_canonical=[f"{H}/{m[0]}" for m in md],
    notes="Medium publication feed: links carry ?source=rss----<id>---4 (expect_urls keeps it; "
          "expect_urls_canonical drops it); guid is the medium.com/p/<id> short form, isPermaLink=false. "
          "content:encoded has a tracking pixel and the 'originally published' footer.")

# ---------------------------------------------------------------- news RSS with CDATA titles and enclosure
H = "https://www.pijarhalmahera.com"
ne = [(f"{H}/berita/20931/warga-tobelo-keluhkan-pemadaman-listrik-bergilir", "Warga Tobelo Keluhkan Pemadaman Listrik Bergilir",
       "Mon, 15 Jul 2024 10:05:00 +0900", "2024-07-15T10:05:00+09:00"),
      (f"{H}/berita/20930/speedboat-rute-sofifi-ternate-kembali-beroperasi",
       "Speedboat Rute Sofifi–Ternate Kembali Beroperasi", "Mon, 15 Jul 2024 09:48:31 +0900", "2024-07-15T09:48:31+09:00"),
      (f"{H}/berita/20928/kpu-halut-tetapkan-jadwal-coklit-pemilih", "KPU Halut Tetapkan Jadwal Coklit <Pemilih> 2024",
       "Mon, 15 Jul 2024 09:30:00 +0900", "2024-07-15T09:30:00+09:00")]
body = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" '
        'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n<title><![CDATA[Pijar Halmahera - Berita Terkini]]></title>\n'
        f'<link><![CDATA[{H}]]></link>\n<description><![CDATA[Berita terkini Maluku Utara & Halmahera]]></description>\n'
        f'<atom:link href="{H}/rss/terkini" rel="self" type="application/rss+xml" />\n'
        '<language>id</language>\n<ttl>5</ttl>\n<image>\n<url>https://cdn.pijarhalmahera.com/assets/img/logo-rss.png</url>\n'
        f'<title>Pijar Halmahera</title>\n<link>{H}</link>\n</image>\n')
for l, t, d, _ in ne:
    img = f"https://cdn.pijarhalmahera.com/images/2024/07/{l.rsplit('/', 1)[1]}.jpg"
    body += (f"<item>\n<title><![CDATA[{t}]]></title>\n<link><![CDATA[{l}]]></link>\n"
             f"<guid isPermaLink=\"false\"><![CDATA[{l.split('/')[4]}]]></guid>\n<pubDate>{d}</pubDate>\n"
             f"<description><![CDATA[<img src=\"{img}\" /><br/>{t} &mdash; simak selengkapnya.]]></description>\n"
             f"<enclosure url=\"{img}\" length=\"0\" type=\"image/jpeg\" />\n"
             f"<media:content url=\"{img}\" medium=\"image\" type=\"image/jpeg\" width=\"800\" height=\"450\" />\n"
             f"<category><![CDATA[Daerah]]></category>\n</item>\n")
body += "</channel>\n</rss>"
add("news-rss-cdata-enclosure.xml", "feed", f"{H}/rss/terkini", RSS, body, [n[0] for n in ne], "feed",
    dates={n[0]: n[3] for n in ne},
    notes="Custom news CMS RSS: CDATA around title, link, channel link and guid; a CDATA title contains '<' and "
          "an en dash; <enclosure> and media:content are images, not pages; guid is a bare id.")

# ---------------------------------------------------------------- feed with XSL and CSS stylesheet PIs
H = "https://embunmalinau.com"
xs = [(f"{H}/news/detail/2291/banjir-kiriman-sungai-sesayap-rendam-desa-long-loreh", "Mon, 15 Jul 2024 09:40:00 +0800",
       "2024-07-15T09:40:00+08:00"),
      (f"{H}/news/detail/2290/festival-irau-malinau-dijadwalkan-oktober", "Sun, 14 Jul 2024 13:05:00 +0800",
       "2024-07-14T13:05:00+08:00"),
      (f"{H}/news/detail/2288/pesawat-perintis-ke-long-ampung-kembali-terbang", "Sat, 13 Jul 2024 07:15:00 +0800",
       "2024-07-13T07:15:00+08:00")]
body = ('<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/xsl" media="screen" href="/assets/rss/pretty-feed-v3.xsl"?>\n'
        '<?xml-stylesheet type="text/css" media="screen" href="/assets/rss/feed.css"?>\n'
        '<!-- RSS Embun Malinau | dibuat otomatis setiap 10 menit -->\n'
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n<title>Embun Malinau</title>\n'
        f'<link>{H}/</link>\n<atom:link href="{H}/rss.xml" rel="self" type="application/rss+xml"/>\n'
        '<description>Kabar Jantung Borneo</description>\n')
for l, d, _ in xs:
    t = l.rsplit("/", 1)[1].replace("-", " ").capitalize()
    body += f"<item>\n  <title>{t}</title>\n  <link>{l}</link>\n  <guid isPermaLink=\"true\">{l}</guid>\n  <pubDate>{d}</pubDate>\n</item>\n"
body += "</channel>\n</rss>\n"
add("rss-xsl-stylesheet.xml", "feed", f"{H}/rss.xml", "text/xml; charset=UTF-8", body, [x[0] for x in xs], "feed",
    dates={x[0]: x[2] for x in xs},
    notes="RSS with two xml-stylesheet PIs (XSL and CSS) and a comment before the root, so browsers render it as "
          "a page. The stylesheet hrefs are not items.")

# ---------------------------------------------------------------- truncated WordPress feed
H = "https://jejakkerinci.co.id"
tr = [(f"{H}/2024/07/15/gunung-kerinci-ditutup-sementara-bagi-pendaki/", "Mon, 15 Jul 2024 04:22:10 +0000",
       "2024-07-15T04:22:10+00:00", "Gunung Kerinci Ditutup Sementara bagi Pendaki"),
      (f"{H}/2024/07/14/teh-kayu-aro-ikut-pameran-dagang-di-padang/", "Sun, 14 Jul 2024 10:01:45 +0000",
       "2024-07-14T10:01:45+00:00", "Teh Kayu Aro Ikut Pameran Dagang di Padang"),
      (f"{H}/2024/07/14/harimau-sumatra-terekam-kamera-jebak-di-tnks/", "Sun, 14 Jul 2024 02:30:00 +0000",
       "2024-07-14T02:30:00+00:00", "Harimau Sumatra Terekam Kamera Jebak di TNKS")]
body = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"\n\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
        '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n\txmlns:atom="http://www.w3.org/2005/Atom"\n\t>\n\n<channel>\n'
        '\t<title>Jejak Kerinci</title>\n\t<atom:link href="https://jejakkerinci.co.id/feed/" rel="self" type="application/rss+xml" />\n'
        '\t<link>https://jejakkerinci.co.id</link>\n\t<description>Jejak Berita Sakti Alam Kerinci</description>\n'
        '\t<lastBuildDate>Mon, 15 Jul 2024 04:22:10 +0000</lastBuildDate>\n\t<language>id</language>\n')
for l, d, _, t in tr:
    body += (f"\t<item>\n\t\t<title>{t}</title>\n\t\t<link>{l}</link>\n\t\t<dc:creator><![CDATA[Redaksi]]></dc:creator>\n"
             f"\t\t<pubDate>{d}</pubDate>\n\t\t<guid isPermaLink=\"false\">{H}/?p={3300 + len(t)}</guid>\n"
             f"\t\t<description><![CDATA[KERINCI &#8211; {t}. [&#8230;]]]></description>\n"
             f"\t\t<content:encoded><![CDATA[<p>{t}.</p>\n<p>Pihak balai taman nasional mengimbau warga tetap tenang.</p>\n]]></content:encoded>\n\t</item>\n")
body += "\t<item>\n\t\t<title>Pemkab Kerinci Gel"
add("rss-truncated.xml", "feed", f"{H}/feed/", RSS, body, [t[0] for t in tr], "feed",
    dates={t[0]: t[2] for t in tr}, well_formed=False,
    notes="Body cut off inside the 4th item's <title> (PHP hit max_execution_time / connection dropped). The "
          "three complete items before the cut should still be read; the fourth has no link yet.")

# ---------------------------------------------------------------- Laravel 404 at /feed
H = "https://www.titiknunukan.id"
body = """<!DOCTYPE html>
<html lang="id">
    <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">

        <title>Halaman Tidak Ditemukan - Titik Nunukan</title>

        <link rel="stylesheet" href="https://www.titiknunukan.id/build/assets/app-4f9c1a2e.css">
        <link rel="alternate" type="application/rss+xml" title="Titik Nunukan" href="https://www.titiknunukan.id/rss/berita">
    </head>
    <body class="antialiased bg-gray-100">
        <div class="relative flex items-top justify-center min-h-screen sm:items-center sm:pt-0">
            <div class="max-w-xl mx-auto sm:px-6 lg:px-8 text-center">
                <div class="flex items-center pt-8 sm:justify-start sm:pt-0">
                    <div class="px-4 text-lg text-gray-500 border-r border-gray-400 tracking-wider">404</div>
                    <div class="ml-4 text-lg text-gray-500 uppercase tracking-wider">Halaman tidak ditemukan</div>
                </div>
                <p class="mt-6"><a href="https://www.titiknunukan.id" class="underline">Kembali ke beranda</a></p>
                <p class="mt-2 text-sm">Berita populer: <a href="https://www.titiknunukan.id/berita/18342/speedboat-tarakan-nunukan-mogok-di-tengah-laut-penumpang-dievakuasi">Speedboat Tarakan-Nunukan Mogok di Tengah Laut</a></p>
            </div>
        </div>
    </body>
</html>
"""
add("html-404-at-feed.html", "feed", f"{H}/feed", "text/html; charset=UTF-8", body, [], "none", well_formed=False,
    status=404,
    notes="Laravel site has no /feed (its feed is /rss/berita, named in the rel=alternate link); the answer is "
          "a 404 HTML page with a 'popular' article link. Not a feed: [] and none.")

# ---------------------------------------------------------------- RSS with a default namespace on <rss>
H = "https://www.lintaskotabaru.com"
dn = [(f"{H}/berita/detail/5512/kapal-tongkang-batu-bara-kandas-di-selat-laut", "Mon, 15 Jul 2024 08:00:00 +0800",
       "2024-07-15T08:00:00+08:00"),
      (f"{H}/berita/detail/5510/pulau-sebuku-dapat-pasokan-listrik-24-jam", "Sun, 14 Jul 2024 17:20:00 +0800",
       "2024-07-14T17:20:00+08:00")]
body = ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns="http://backend.userland.com/rss2" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">\r\n  <channel>\r\n    <title>Lintas Kotabaru</title>\r\n'
        f'    <link>{H}/</link>\r\n    <description>Berita Kotabaru, Kalimantan Selatan</description>\r\n'
        '    <generator>LintasCMS 2.3 (.NET)</generator>\r\n')
for l, d, _ in dn:
    t = l.rsplit("/", 1)[1].replace("-", " ").capitalize()
    body += (f"    <item>\r\n      <title>{t}</title>\r\n      <link>{l}</link>\r\n      <pubDate>{d}</pubDate>\r\n"
             f"      <dc:creator>Redaksi</dc:creator>\r\n    </item>\r\n")
body += "  </channel>\r\n</rss>"
add("rss-default-namespace.xml", "feed", f"{H}/rss2.xml", "application/xml; charset=utf-8", body,
    [d[0] for d in dn], "feed", dates={d[0]: d[2] for d in dn},
    notes="<rss xmlns=\"http://backend.userland.com/rss2\">: a default namespace on the RSS root, so a "
          "namespace-aware parser sees {http://backend.userland.com/rss2}item, not item. CRLF line ends.")

# ---------------------------------------------------------------- PHP warning before a WordPress feed
H = "https://tapakbone.com"
pw = [(f"{H}/2024/07/15/ribuan-warga-hadiri-hari-jadi-bone-ke-694/", "Mon, 15 Jul 2024 02:12:40 +0000",
       "2024-07-15T02:12:40+00:00", "Ribuan Warga Hadiri Hari Jadi Bone ke-694"),
      (f"{H}/2024/07/14/tambak-udang-di-cenrana-gagal-panen-akibat-banjir-rob/", "Sun, 14 Jul 2024 07:30:05 +0000",
       "2024-07-14T07:30:05+00:00", "Tambak Udang di Cenrana Gagal Panen Akibat Banjir Rob")]
body = ("<br />\n<b>Warning</b>:  Undefined array key \"HTTP_ACCEPT_LANGUAGE\" in <b>/home/tapakbon/public_html/wp-content/"
        "themes/newsmag-child/functions.php</b> on line <b>214</b><br />\n"
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"\n\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
        '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n\txmlns:atom="http://www.w3.org/2005/Atom"\n\t>\n\n<channel>\n'
        '\t<title>Tapak Bone</title>\n\t<atom:link href="https://tapakbone.com/feed/" rel="self" type="application/rss+xml" />\n'
        '\t<link>https://tapakbone.com</link>\n\t<description>Jejak Berita Bumi Arung Palakka</description>\n')
for l, d, _, t in pw:
    body += (f"\t<item>\n\t\t<title>{t}</title>\n\t\t<link>{l}</link>\n\t\t<dc:creator><![CDATA[Andi Rahmat]]></dc:creator>\n"
             f"\t\t<pubDate>{d}</pubDate>\n\t\t<guid isPermaLink=\"false\">{H}/?p={12000 + len(t)}</guid>\n"
             f"\t\t<description><![CDATA[WATAMPONE &#8211; {t}. [&#8230;]]]></description>\n\t</item>\n")
body += "\t</channel>\n</rss>\n"
add("wp-feed-php-warning.xml", "feed", f"{H}/feed/", "application/rss+xml; charset=UTF-8", body,
    [p[0] for p in pw], "feed", dates={p[0]: p[2] for p in pw}, well_formed=False,
    notes="A PHP 8 'Warning: Undefined array key' in HTML markup is printed before <?xml (theme bug), so the "
          "declaration is no longer at the start. Skip to <?xml and parse.")

# ---------------------------------------------------------------- Blogger summary alt=rss
H = "https://kabarsasak.blogspot.com"
BID = "4839201175530912846"
br = [(f"{H}/2024/07/warga-sade-gelar-ritual-tolak-bala-jelang.html", "7712094418835512001",
       "Warga Sade Gelar Ritual Tolak Bala Jelang Musim Tanam", "Mon, 15 Jul 2024 00:41:00 +0000",
       "2024-07-15T08:41:00.003+08:00", "2024-07-15T00:41:00+00:00"),
      (f"{H}/2024/07/harga-tembakau-lombok-timur-mulai-naik.html", "5520938410029183370",
       "Harga Tembakau Lombok Timur Mulai Naik", "Sun, 14 Jul 2024 11:05:00 +0000", "2024-07-14T19:05:00.001+08:00",
       "2024-07-14T11:05:00+00:00"),
      (f"{H}/2024/07/sirkuit-mandalika-jadi-lokasi-lari-10k.html", "1180374920038816645",
       "Sirkuit Mandalika Jadi Lokasi Lari 10K", "Sat, 13 Jul 2024 02:30:00 +0000", "2024-07-13T10:30:00.002+08:00",
       "2024-07-13T02:30:00+00:00")]
body = ("<?xml version='1.0' encoding='UTF-8'?><rss xmlns:atom='http://www.w3.org/2005/Atom' "
        "xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' xmlns:blogger='http://schemas.google.com/blogger/2008' "
        "xmlns:georss='http://www.georss.org/georss' xmlns:gd=\"http://schemas.google.com/g/2005\" "
        "xmlns:thr='http://purl.org/syndication/thread/1.0' version='2.0'><channel>"
        f"<atom:id>tag:blogger.com,1999:blog-{BID}</atom:id><lastBuildDate>Mon, 15 Jul 2024 00:45:12 +0000</lastBuildDate>"
        "<category>Budaya</category><category>Lombok Tengah</category><title>Kabar Sasak</title>"
        f"<description>Berita ringan dari Pulau Lombok</description><link>{H}/</link>"
        "<managingEditor>noreply@blogger.com (Lalu Ardi)</managingEditor><generator>Blogger</generator>"
        "<openSearch:totalResults>3</openSearch:totalResults><openSearch:startIndex>1</openSearch:startIndex>"
        "<openSearch:itemsPerPage>25</openSearch:itemsPerPage>")
for l, pid, t, d, upd, _ in br:
    body += (f"<item><guid isPermaLink='false'>tag:blogger.com,1999:blog-{BID}.post-{pid}</guid><pubDate>{d}</pubDate>"
             f"<atom:updated>{upd}</atom:updated><category domain='http://www.blogger.com/atom/ns#'>Budaya</category>"
             f"<title>{t}</title><description>PRAYA - {t}. Tradisi ini sudah berlangsung turun-temurun&#8230;</description>"
             f"<link>{l}</link><author>noreply@blogger.com (Lalu Ardi)</author>"
             f"<media:thumbnail xmlns:media='http://search.yahoo.com/mrss/' url='https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEi{pid[:6]}/s72-w400-c-h225/IMG_{pid[-4:]}.jpg' height='72' width='72'/>"
             f"<thr:total>0</thr:total></item>")
body += "</channel></rss>"
add("blogger-summary-alt-rss.xml", "feed", f"{H}/feeds/posts/summary?alt=rss", "application/rss+xml; charset=UTF-8",
    body, [b[0] for b in br], "feed", dates={b[0]: b[5] for b in br},
    notes="Blogger /feeds/posts/summary?alt=rss: guid is a tag: URI (isPermaLink='false'); item <link> is the "
          "post. pubDate is UTC while atom:updated is local +08:00 (both name the same instant for these posts).")

# ---------------------------------------------------------------- Substack
H = "https://warkatpagi.substack.com"
ss = [(f"{H}/p/pagi-di-pasar-ikan-paotere", "Pagi di Pasar Ikan Paotere", "Sun, 14 Jul 2024 23:00:12 GMT",
       "2024-07-14T23:00:12+00:00", "image/jpeg", "https://substack-post-media.s3.amazonaws.com/public/images/5e1d0c2a-7b41-4f5e-9d3a-2c8b1a6f0e77_1600x1067.jpeg"),
      (f"{H}/p/episode-12-ngobrol-soal-bahasa-bugis", "Episode 12: Ngobrol Soal Bahasa Bugis",
       "Thu, 11 Jul 2024 12:00:00 GMT", "2024-07-11T12:00:00+00:00", "audio/mpeg",
       "https://api.substack.com/feed/podcast/146201938/8a7c1e2f4b6d.mp3"),
      (f"{H}/p/surat-untuk-pembaca-baru", "Surat untuk Pembaca Baru", "Mon, 08 Jul 2024 01:15:40 GMT",
       "2024-07-08T01:15:40+00:00", None, None)]
body = ('<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" version="2.0" '
        'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:googleplay="http://www.google.com/schemas/play-podcasts/1.0">'
        '<channel><title><![CDATA[Warkat Pagi]]></title><description><![CDATA[Surat mingguan dari Makassar.]]></description>'
        f'<link>{H}</link><image><url>https://substackcdn.com/image/fetch/w_256,c_limit,f_auto,q_auto:good/warkatpagi-logo.png</url>'
        f'<title>Warkat Pagi</title><link>{H}</link></image><generator>Substack</generator>'
        '<lastBuildDate>Mon, 15 Jul 2024 02:00:03 GMT</lastBuildDate>'
        f'<atom:link href="{H}/feed" rel="self" type="application/rss+xml"/>'
        '<author><![CDATA[Dimas Prakoso]]></author><copyright><![CDATA[Dimas Prakoso]]></copyright>'
        '<language><![CDATA[id]]></language><itunes:author>Dimas Prakoso</itunes:author>')
for l, t, d, _, et, eu in ss:
    body += (f'<item><title><![CDATA[{t}]]></title><description><![CDATA[{t} — catatan minggu ini.]]></description>'
             f'<link>{l}</link><guid isPermaLink="false">{l}</guid><dc:creator><![CDATA[Dimas Prakoso]]></dc:creator>'
             f'<pubDate>{d}</pubDate>')
    if et:
        body += f'<enclosure url="{eu}" length="{0 if et.startswith("image") else 28411904}" type="{et}"/>'
    body += (f'<content:encoded><![CDATA[<p>{t}.</p><p class="button-wrapper"><a class="button primary" '
             f'href="{H}/subscribe?utm_medium=web&amp;utm_source=subscribe-widget"><span>Subscribe now</span></a></p>]]></content:encoded></item>')
body += "</channel></rss>"
add("substack-rss.xml", "feed", f"{H}/feed", "application/xml; charset=utf-8", body, [s[0] for s in ss], "feed",
    dates={s[0]: s[3] for s in ss},
    notes="Substack feed: guid repeats the link but with isPermaLink=false; one item is a podcast episode "
          "(audio enclosure, still an item); enclosures and the /subscribe button are not items.")
