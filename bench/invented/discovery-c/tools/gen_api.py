"""JSON Feed, WordPress REST and Blogger JSON cases (9 files)."""
import json

from common import add


def php_json(obj, pretty=False):
    """json_encode() default flags: escaped slashes, \\uXXXX for non-ASCII."""
    s = json.dumps(obj, ensure_ascii=True, indent=4 if pretty else None,
                   separators=(",", ": ") if pretty else (",", ":"))
    return s.replace("/", "\\/")


# ---------------------------------------------------------------- JSON Feed 1.1 (WordPress JSON Feed plugin style)
H = "https://kawanbaca.id"
jf_items = [
    {"id": f"{H}/?p=5521", "url": f"{H}/ulasan/novel-perempuan-dari-lembah-baliem/",
     "title": "Ulasan: Novel \u201cPerempuan dari Lembah Baliem\u201d",
     "content_html": "<p>Sebuah novel tentang pulang.</p>", "summary": "Sebuah novel tentang pulang.",
     "date_published": "2024-07-15T09:00:00+07:00", "date_modified": "2024-07-15T09:20:11+07:00",
     "authors": [{"name": "Rara Ayuningtyas", "url": f"{H}/author/rara/",
                  "avatar": "https://secure.gravatar.com/avatar/0f1e2d3c4b5a69788796a5b4c3d2e1f0?s=512&d=mm&r=g"}],
     "author": {"name": "Rara Ayuningtyas", "url": f"{H}/author/rara/"},
     "image": f"{H}/wp-content/uploads/2024/07/sampul-baliem.jpg", "tags": ["Ulasan", "Novel"]},
    {"id": f"{H}/?p=5517", "url": f"{H}/tautan/perpustakaan-desa-terbaik-versi-perpusnas/",
     "external_url": "https://perpustakaan-desa.example.org/pengumuman/2024/pemenang",
     "title": "Tautan: Perpustakaan Desa Terbaik 2024",
     "content_html": "<p>Daftar lengkap di tautan.</p>", "date_published": "2024-07-14T20:15:00Z",
     "authors": [{"name": "Redaksi Kawan Baca"}], "tags": ["Tautan"]},
    {"id": f"{H}/?p=5509", "url": f"{H}/esai/membaca-di-kapal-pelni/",
     "title": "Membaca di Kapal Pelni", "content_html": "<p>Tiga hari dua malam dari Makassar ke Sorong.</p>",
     "date_published": "2024-07-12T08:00:00.000+07:00", "authors": [{"name": "Gilang Saputra"}], "tags": ["Esai"]},
]
obj = {"version": "https://jsonfeed.org/version/1.1", "user_comment": "Feed ini bisa dibaca di aplikasi pembaca feed yang mendukung format JSON Feed. Salin alamat https://kawanbaca.id/feed/json/ ke aplikasi Anda.",
       "next_url": f"{H}/feed/json/?paged=2", "home_page_url": f"{H}/", "feed_url": f"{H}/feed/json/",
       "language": "id-ID", "title": "Kawan Baca", "description": "Ulasan buku, esai, dan kabar literasi dari daerah",
       "icon": f"{H}/wp-content/uploads/2023/05/cropped-ikon-kawanbaca-512x512.png", "items": jf_items}
add("jsonfeed-1.1.json", "feed", f"{H}/feed/json/", "application/feed+json; charset=UTF-8", php_json(obj, True),
    [i["url"] for i in jf_items], "feed",
    dates={jf_items[0]["url"]: "2024-07-15T09:00:00+07:00", jf_items[1]["url"]: "2024-07-14T20:15:00+00:00",
           jf_items[2]["url"]: "2024-07-12T08:00:00+07:00"},
    next_page=f"{H}/feed/json/?paged=2",
    notes="JSON Feed 1.1 as a WordPress plugin prints it (pretty, \\/ escaped, \\u201c quotes): id is the ?p= "
          "form, url is the permalink (use url). Item 2 is a link post whose external_url points off-site: the "
          "item is still its own url. authors[] plus the deprecated author object; next_url paginates. "
          "Milliseconds in the third date are truncated.")

# ---------------------------------------------------------------- WP REST ?_fields=link,date_gmt
H = "https://wartakuningan.co.id"
rows = [("2024-07-15T04:12:09", f"{H}/ratusan-warga-ikuti-kirab-budaya-seren-taun-cigugur/"),
        ("2024-07-14T11:38:52", f"{H}/waduk-darma-kembali-dipadati-wisatawan-saat-libur-sekolah/"),
        ("2024-07-13T02:05:30", f"{H}/petani-bawang-daun-cilimus-keluhkan-harga-anjlok/")]
body = php_json([{"date_gmt": d, "link": l} for d, l in rows])
add("wp-json-fields-link-date_gmt.json", "wp-json", f"{H}/wp-json/wp/v2/posts?_fields=link,date_gmt&per_page=3",
    "application/json; charset=UTF-8", body, [r[1] for r in rows], "feed",
    dates={r[1]: r[0] + "+00:00" for r in rows},
    extra_headers={"X-WP-Total": "2184", "X-WP-TotalPages": "728",
                   "Link": f'<{H}/wp-json/wp/v2/posts?_fields=link%2Cdate_gmt&per_page=3&page=2>; rel="next"'},
    next_page=f"{H}/wp-json/wp/v2/posts?_fields=link%2Cdate_gmt&per_page=3&page=2",
    notes="Minimal REST answer: only date_gmt (naive text but UTC by definition, so it has a date) and link. "
          "Pagination is only in the Link / X-WP-TotalPages headers.")

# ---------------------------------------------------------------- WP REST with _embed (Jetpack site)
H = "https://lensabuton.com"
H_ = "https://lensabuton.com"
posts = [
    (5521, "2024-07-14T09:40:12", "2024-07-14T01:40:12",
     f"{H}/2024/07/14/nelayan-wakorumba-temukan-paus-terdampar-di-pantai-lakansai/",
     "Nelayan Wakorumba Temukan Paus Terdampar di Pantai Lakansai", 5530, "img_20240714_081233", [4], [88, 91]),
    (5514, "2024-07-12T10:02:44", "2024-07-12T02:02:44",
     f"{H}/2024/07/12/pasar-terapung-pasarwajo-dibuka-kembali/", "Pasar Terapung Pasarwajo Dibuka Kembali",
     5516, "whatsapp-image-2024-07-12-at-09-41-07", [7], [102]),
]
out = []
for pid, d, dg, link, title, mid, mslug, cats, tags in posts:
    out.append({
        "id": pid, "date": d, "date_gmt": dg, "guid": {"rendered": f"{H}/?p={pid}"}, "modified": d,
        "modified_gmt": dg, "slug": link.rstrip("/").rsplit("/", 1)[1], "status": "publish", "type": "post",
        "link": link, "title": {"rendered": title},
        "content": {"rendered": f"<p><strong>BUTON, LensaButon</strong> &#8211; {title}.</p>\n"
                                f"<p><strong>Baca Juga:</strong> <a href=\"{H}/2024/07/10/dermaga-banabungi-rusak-diterjang-ombak/\">Dermaga Banabungi Rusak Diterjang Ombak</a></p>\n",
                    "protected": False},
        "excerpt": {"rendered": f"<p>BUTON, LensaButon &#8211; {title}. [&hellip;]</p>\n", "protected": False},
        "author": 2, "featured_media": mid, "comment_status": "open", "ping_status": "open", "sticky": False,
        "template": "", "format": "standard", "meta": {"_jetpack_memberships_contains_paid_content": False,
                                                       "footnotes": ""},
        "categories": cats, "tags": tags,
        "jetpack_featured_media_url": f"{H}/wp-content/uploads/2024/07/{mslug}.jpg",
        "jetpack_shortlink": f"https://wp.me/pf3Kx9-{pid:x}",
        "jetpack-related-posts": [{"id": 5488, "url": f"{H}/2024/07/08/harga-ikan-cakalang-di-pasar-wajo-turun/",
                                   "url_meta": {"origin": pid, "position": 0}}],
        "_links": {"self": [{"href": f"{H}/wp-json/wp/v2/posts/{pid}"}],
                   "collection": [{"href": f"{H}/wp-json/wp/v2/posts"}],
                   "about": [{"href": f"{H}/wp-json/wp/v2/types/post"}],
                   "author": [{"embeddable": True, "href": f"{H}/wp-json/wp/v2/users/2"}],
                   "replies": [{"embeddable": True, "href": f"{H}/wp-json/wp/v2/comments?post={pid}"}],
                   "wp:featuredmedia": [{"embeddable": True, "href": f"{H}/wp-json/wp/v2/media/{mid}"}],
                   "wp:attachment": [{"href": f"{H}/wp-json/wp/v2/media?parent={pid}"}],
                   "wp:term": [{"taxonomy": "category", "embeddable": True, "href": f"{H}/wp-json/wp/v2/categories?post={pid}"},
                               {"taxonomy": "post_tag", "embeddable": True, "href": f"{H}/wp-json/wp/v2/tags?post={pid}"}],
                   "curies": [{"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}]},
        "_embedded": {
            "author": [{"id": 2, "name": "La Ode Haris", "url": "", "description": "", "link": f"{H}/author/laodeharis/",
                        "slug": "laodeharis", "avatar_urls": {"24": "https://secure.gravatar.com/avatar/9a8b7c6d5e4f?s=24&d=mm&r=g"}}],
            "wp:featuredmedia": [{"id": mid, "date": d, "slug": mslug, "type": "attachment",
                                  "link": f"{link}{mslug}/", "title": {"rendered": mslug},
                                  "media_type": "image", "mime_type": "image/jpeg",
                                  "source_url": f"{H}/wp-content/uploads/2024/07/{mslug}.jpg"}],
            "wp:term": [[{"id": cats[0], "link": f"{H}/category/{'daerah' if cats[0] == 4 else 'ekonomi'}/",
                          "name": "Daerah" if cats[0] == 4 else "Ekonomi", "slug": "daerah" if cats[0] == 4 else "ekonomi",
                          "taxonomy": "category"}],
                        [{"id": t, "link": f"{H}/tag/tag-{t}/", "name": f"tag {t}", "slug": f"tag-{t}",
                          "taxonomy": "post_tag"} for t in tags]]},
    })
add("wp-json-posts-embed-jetpack.json", "wp-json", f"{H}/wp-json/wp/v2/posts?_embed=1&per_page=2",
    "application/json; charset=UTF-8", php_json(out), [p[3] for p in posts], "feed",
    dates={p[3]: p[2] + "+00:00" for p in posts},
    notes="Full post objects with _embed on a Jetpack site. Only each post's top-level link is an entry: guid "
          "(?p=), jetpack_shortlink (wp.me), jetpack-related-posts url, the 'Baca Juga' link in content, the "
          "embedded author/attachment/term links and _links hrefs are not. The embedded featured media link "
          "is an attachment page. date (WITA, naive) must not be used; date_gmt is.")

# ---------------------------------------------------------------- REST errors
add("wp-json-rest-no-route-id.json", "wp-json", "https://kabarsigi.id/wp-json/wp/v2/artikel?per_page=10",
    "application/json; charset=UTF-8",
    php_json({"code": "rest_no_route", "message": "Tidak ditemukan rute yang cocok dengan URL dan metode permintaan.",
              "data": {"status": 404}}), [], "none", status=404,
    notes="rest_no_route with an Indonesian (id_ID) message: the crawler guessed a custom post type 'artikel' "
          "that does not exist.")

add("wp-json-rest-forbidden-401.json", "wp-json", "https://jurnalmuratara.com/wp-json/wp/v2/posts?per_page=10",
    "application/json; charset=UTF-8",
    php_json({"code": "rest_forbidden", "message": "Maaf, Anda tidak diizinkan melakukan hal itu.",
              "data": {"status": 401}}), [], "none", status=401,
    notes="A security plugin limits the REST API to logged-in users: rest_forbidden with HTTP 401. The site's "
          "RSS feed still works (see wp-feed-content-encoded-next.xml).")

add("wp-json-dra-cannot-access.json", "wp-json", "https://suaramentawai.com/wp-json/wp/v2/posts",
    "application/json; charset=UTF-8",
    php_json({"code": "rest_cannot_access", "message": "DRA: Only authenticated users can access the REST API.",
              "data": {"status": 401}}), [], "none", status=401,
    notes="'Disable REST API' plugin answer: rest_cannot_access, 401, English message on an Indonesian site.")

add("wp-json-critical-error.json", "wp-json", "https://pelitamuarojambi.com/wp-json/wp/v2/posts?per_page=20",
    "application/json; charset=UTF-8",
    php_json({"code": "internal_server_error",
              "message": "<p>Ada galat kritis pada situs web ini.</p><p><a href=\"https://wordpress.org/documentation/article/faq-troubleshooting/\">Pelajari lebih lanjut tentang pemecahan masalah WordPress.</a></p>",
              "data": {"status": 500}, "additional_errors": []}), [], "none", status=500,
    notes="PHP fatal error during a REST request: WordPress's fatal-error handler answers JSON with code "
          "internal_server_error, HTTP 500 and an HTML message containing a link. Not a post list.")

# ---------------------------------------------------------------- Blogger ?alt=json on a custom domain
H = "https://www.infopulaumuna.com"
BID = "2209317745610982213"
ents = [("4471029384756102938", "2024-07-12T16:40:00.004+08:00", "2024-07-12T16:40:00+08:00",
         f"{H}/2024/07/kebun-jambu-mete-di-tongkuno-mulai-berbuah.html", "Kebun Jambu Mete di Tongkuno Mulai Berbuah", 1),
        ("8820193847561029384", "2024-07-12T08:05:00.001+08:00", "2024-07-12T08:05:00+08:00",
         f"{H}/2024/07/siswa-smp-di-kabawo-jalan-kaki-5-km-ke.html", "Siswa SMP di Kabawo Jalan Kaki 5 Km ke Sekolah", 0),
        ("2938475610293847561", "2024-07-11T19:30:00.003+08:00", "2024-07-11T19:30:00+08:00",
         f"{H}/2024/07/pentas-seni-tari-linda-meriahkan-hut.html", "Pentas Seni Tari Linda Meriahkan HUT Kelurahan", 3)]
feed = {"version": "1.0", "encoding": "UTF-8", "feed": {
    "xmlns": "http://www.w3.org/2005/Atom", "xmlns$openSearch": "http://a9.com/-/spec/opensearchrss/1.0/",
    "xmlns$blogger": "http://schemas.google.com/blogger/2008", "xmlns$georss": "http://www.georss.org/georss",
    "xmlns$gd": "http://schemas.google.com/g/2005", "xmlns$thr": "http://purl.org/syndication/thread/1.0",
    "id": {"$t": f"tag:blogger.com,1999:blog-{BID}"}, "updated": {"$t": "2024-07-15T07:35:40.557+08:00"},
    "category": [{"term": "Daerah"}, {"term": "Pendidikan"}, {"term": "Wisata"}],
    "title": {"type": "text", "$t": "Info Pulau Muna"}, "subtitle": {"type": "html", "$t": "Kabar dari Bumi Sowite"},
    "link": [{"rel": "http://schemas.google.com/g/2005#feed", "type": "application/atom+xml", "href": f"{H}/feeds/posts/default"},
             {"rel": "self", "type": "application/atom+xml", "href": f"https://www.blogger.com/feeds/{BID}/posts/default?alt=json&start-index=4&max-results=3"},
             {"rel": "alternate", "type": "text/html", "href": f"{H}/"},
             {"rel": "hub", "href": "http://pubsubhubbub.appspot.com/"},
             {"rel": "previous", "type": "application/atom+xml", "href": f"https://www.blogger.com/feeds/{BID}/posts/default?alt=json&start-index=1&max-results=3"},
             {"rel": "next", "type": "application/atom+xml", "href": f"https://www.blogger.com/feeds/{BID}/posts/default?alt=json&start-index=7&max-results=3"}],
    "author": [{"name": {"$t": "Admin IPM"}, "uri": {"$t": "https://www.blogger.com/profile/11029384756473829100"},
                "email": {"$t": "noreply@blogger.com"}}],
    "generator": {"version": "7.00", "uri": "https://www.blogger.com", "$t": "Blogger"},
    "openSearch$totalResults": {"$t": "412"}, "openSearch$startIndex": {"$t": "4"},
    "openSearch$itemsPerPage": {"$t": "3"}, "entry": []}}
for pid, pub, _, url, t, n in ents:
    feed["feed"]["entry"].append({
        "id": {"$t": f"tag:blogger.com,1999:blog-{BID}.post-{pid}"}, "published": {"$t": pub}, "updated": {"$t": pub},
        "category": [{"scheme": "http://www.blogger.com/atom/ns#", "term": "Daerah"}],
        "title": {"type": "text", "$t": t},
        "content": {"type": "html", "$t": f"<div class=\"separator\" style=\"clear: both;\"><a href=\"https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEj{pid[:7]}/s1600/foto.jpg\" style=\"display: block; padding: 1em 0; text-align: center;\"><img border=\"0\" src=\"https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEj{pid[:7]}/s320/foto.jpg\" width=\"320\"/></a></div><p>RAHA - {t}.</p>"},
        "link": [{"rel": "replies", "type": "application/atom+xml", "href": f"{H}/feeds/{pid}/comments/default", "title": "Posting Komentar"},
                 {"rel": "replies", "type": "text/html", "href": f"{url}#comment-form", "title": f"{n} Komentar"},
                 {"rel": "edit", "type": "application/atom+xml", "href": f"https://www.blogger.com/feeds/{BID}/posts/default/{pid}"},
                 {"rel": "self", "type": "application/atom+xml", "href": f"https://www.blogger.com/feeds/{BID}/posts/default/{pid}"},
                 {"rel": "alternate", "type": "text/html", "href": url, "title": t}],
        "author": [{"name": {"$t": "Admin IPM"}, "uri": {"$t": "https://www.blogger.com/profile/11029384756473829100"},
                    "email": {"$t": "noreply@blogger.com"},
                    "gd$image": {"rel": "http://schemas.google.com/g/2005#thumbnail", "width": "16", "height": "16",
                                 "src": "https://img1.blogblog.com/img/b16-rounded.gif"}}],
        "media$thumbnail": {"xmlns$media": "http://search.yahoo.com/mrss/",
                            "url": f"https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEj{pid[:7]}/s72-c/foto.jpg",
                            "height": "72", "width": "72"},
        "thr$total": {"$t": str(n)}})
s = json.dumps(feed, ensure_ascii=False, separators=(",", ":"))
s = s.replace("=", "\\u003d").replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
add("blogger-alt-json-start-index.json", "blogger-json",
    f"{H}/feeds/posts/default?alt=json&max-results=3&start-index=4", "application/json; charset=UTF-8", s,
    [e[3] for e in ents], "feed", dates={e[3]: e[2] for e in ents},
    next_page=f"https://www.blogger.com/feeds/{BID}/posts/default?alt=json&start-index=7&max-results=3",
    notes="Blogger ?alt=json, second page (start-index=4) on a custom domain, with rel=previous and rel=next. "
          "'=', '&', '<', '>' are written \\u003d \\u0026 \\u003c \\u003e. Entry URL = the rel=alternate href (last "
          "link); the text/html replies link has #comment-form. openSearch values are strings.")

# ---------------------------------------------------------------- Blogger comments feed ?alt=json
H = "https://kabarsasak.blogspot.com"
BID = "4839201175530912846"
cm = [("4412093847561029384", "1721012345678", f"{H}/2024/07/warga-sade-gelar-ritual-tolak-bala-jelang.html",
       "7712094418835512001", "2024-07-15T10:59:05.678+08:00", "2024-07-15T10:59:05+08:00", "Mantap, semoga lestari adatnya."),
      ("6601928374650192837", "1720956001122", f"{H}/2024/07/harga-tembakau-lombok-timur-mulai-naik.html",
       "5520938410029183370", "2024-07-14T19:20:01.122+08:00", "2024-07-14T19:20:01+08:00",
       "Di Sakra harganya belum naik min.")]
entries = []
for cid, ms, post, pid, pub, _, txt in cm:
    entries.append({
        "id": {"$t": f"tag:blogger.com,1999:blog-{BID}.post-{cid}"}, "published": {"$t": pub}, "updated": {"$t": pub},
        "title": {"type": "text", "$t": txt}, "content": {"type": "html", "$t": txt},
        "link": [{"rel": "edit", "type": "application/atom+xml", "href": f"https://www.blogger.com/feeds/{BID}/{pid}/comments/default/{cid}"},
                 {"rel": "self", "type": "application/atom+xml", "href": f"https://www.blogger.com/feeds/{BID}/{pid}/comments/default/{cid}"},
                 {"rel": "alternate", "type": "text/html", "href": f"{post}?showComment={ms}#c{cid}", "title": ""},
                 {"rel": "related", "type": "application/atom+xml", "href": f"https://www.blogger.com/feeds/{BID}/posts/default/{pid}"}],
        "author": [{"name": {"$t": "Anonim"}, "email": {"$t": "noreply@blogger.com"}}],
        "thr$in-reply-to": {"xmlns$thr": "http://purl.org/syndication/thread/1.0", "href": post,
                            "ref": f"tag:blogger.com,1999:blog-{BID}.post-{pid}",
                            "source": f"https://www.blogger.com/feeds/{BID}/posts/default/{pid}", "type": "text/html"},
        "gd$extendedProperty": [{"name": "blogger.itemClass", "value": "pid-1029384756"},
                                {"name": "blogger.displayTime", "value": "15 Juli 2024 pukul 10.59"}]})
cfeed = {"version": "1.0", "encoding": "UTF-8", "feed": {
    "xmlns": "http://www.w3.org/2005/Atom", "xmlns$openSearch": "http://a9.com/-/spec/opensearchrss/1.0/",
    "xmlns$gd": "http://schemas.google.com/g/2005",
    "id": {"$t": f"tag:blogger.com,1999:blog-{BID}.comments"}, "updated": {"$t": "2024-07-15T10:59:05.678+08:00"},
    "title": {"type": "text", "$t": "Kabar Sasak"},
    "link": [{"rel": "http://schemas.google.com/g/2005#feed", "type": "application/atom+xml", "href": f"{H}/feeds/comments/default"},
             {"rel": "self", "type": "application/atom+xml", "href": f"https://www.blogger.com/feeds/{BID}/comments/default?alt=json"},
             {"rel": "alternate", "type": "text/html", "href": f"{H}/"}],
    "author": [{"name": {"$t": "Lalu Ardi"}, "email": {"$t": "noreply@blogger.com"}}],
    "generator": {"version": "7.00", "uri": "https://www.blogger.com", "$t": "Blogger"},
    "openSearch$totalResults": {"$t": "2"}, "openSearch$startIndex": {"$t": "1"},
    "openSearch$itemsPerPage": {"$t": "25"}, "entry": entries}}
s = json.dumps(cfeed, ensure_ascii=False, separators=(",", ":")).replace("=", "\\u003d").replace("&", "\\u0026")
add("blogger-comments-alt-json.json", "blogger-json", f"{H}/feeds/comments/default?alt=json",
    "application/json; charset=UTF-8", s, [f"{c[2]}?showComment={c[1]}#c{c[0]}" for c in cm], "feed",
    dates={f"{c[2]}?showComment={c[1]}#c{c[0]}": c[5] for c in cm},
    comments_feed=True, parent_article_urls=[c[2] for c in cm],
    notes="Blogger COMMENTS feed in JSON: each entry is a comment; its rel=alternate is the post URL plus "
          "?showComment=<ms>#c<id> (listed per the rule), and thr$in-reply-to.href names the article. A "
          "crawler should not file comments as new articles; parent_article_urls gives the posts.")
