"""Synthetic article pages in the shapes of real themes (text invented for the tests)."""

STORY = [
    "Pemerintah Kabupaten Banyuasin meresmikan jembatan gantung baru di Desa Sukamaju, Selasa "
    "pagi, setelah warga menunggu hampir tiga tahun.",
    "Bupati menyebut jembatan sepanjang 120 meter itu akan memperpendek jarak tempuh petani "
    "menuju pasar kecamatan dari dua jam menjadi dua puluh menit.",
    "Warga menyambut peresmian dengan kenduri sederhana, sementara anak-anak sekolah langsung "
    "mencoba menyeberang sambil bernyanyi bersama para guru mereka.",
]
"""Three invented story paragraphs."""

STORY_HTML = "".join(f"<p>{p}</p>" for p in STORY)


def page(body: str, head: str = "", body_class: str = "") -> str:
    """A whole page around a body fragment."""
    return (
        f"<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'>{head}</head>"
        f"<body class='{body_class}'><nav class='menu'><a href='/'>Beranda</a> "
        f"<a href='/daerah'>Daerah</a></nav>{body}"
        "<footer class='site-footer'><p>Hak cipta milik redaksi contoh, semua hak dilindungi "
        "undang-undang, dilarang mengutip tanpa izin.</p></footer></body></html>"
    )


SHARE = "<div class='td-post-sharing'><a href='#'>Bagikan ke Facebook</a></div>"
TAGS = "<div class='post-tags'><a href='/tag/a'>jembatan</a> <a href='/tag/b'>desa</a></div>"
RELATED = (
    "<div class='jp-relatedposts'><h3>Terkait</h3><a href='/x'>Jalan desa rusak parah</a></div>"
)
COMMENTS = (
    "<div id='comments' class='comments-area'><p>Komentar pembaca yang panjang sekali dan "
    "tidak ada hubungannya dengan isi berita sama sekali, sungguh.</p></div>"
)
AD = "<div class='td-a-rec td-a-rec-id-content_inline'><ins class='adsbygoogle'></ins>IKLAN</div>"
CAPTION = (
    "<figure class='wp-caption'><img src='a.jpg'><figcaption>Jembatan baru. (Foto: Dok)"
    "</figcaption></figure>"
)
SCRIPT = "<script>var teks = 'jangan ikut';</script><style>.x{color:red}</style>"
CHROME = SHARE + TAGS + RELATED + AD + CAPTION + SCRIPT
"""Every kind of in-container chrome the container cleaning must drop."""

THEMES = {
    "theme:tagdiv": "<div class='td-post-content tagdiv-type'>{chrome}{story}</div>",
    "theme:jnews": (
        "<div class='jeg_inner_content'><div class='entry-content no-share'>"
        "<div class='jeg_share_button'>Bagikan</div><div class='content-inner '>{chrome}{story}"
        "</div></div></div>"
    ),
    "theme:publisher": "<div class='entry-content clearfix single-post-content'>{chrome}{story}</div>",
    "theme:smartmag": (
        "<div class='post-content-wrap'><div class='post-content cf entry-content'>"
        "{chrome}{story}</div></div>"
    ),
    "theme:mh": (
        "<div class='mh-content'><article><div class='entry-content clearfix'>{chrome}{story}"
        "</div></article></div>"
    ),
    "theme:colormag": (
        "<div class='article-content clearfix'><div class='entry-content clearfix'>{chrome}{story}"
        "</div></div>"
    ),
    "theme:soledad": "<div class='inner-post-entry entry-content'>{chrome}{story}</div>",
    "theme:herald": "<div class='entry-content herald-entry-content'>{chrome}{story}</div>",
    "theme:bimber": "<div class='g1-content-narrow g1-typography-xl entry-content'>{chrome}{story}</div>",
    "theme:zox": "<div id='mvp-content-main'>{chrome}{story}</div>",
    "theme:jannah": "<div class='entry-content entry clearfix'>{chrome}{story}</div>",
    "theme:sahifa": "<div class='post-inner'><div class='entry'>{chrome}{story}</div></div>",
    "blogspot:post-body": (
        "<div class='post hentry'><div class='post-body entry-content' id='post-body-1'>"
        "{chrome}{story}</div></div>"
    ),
    "schema:articleBody": "<div itemprop='articleBody'>{chrome}{story}</div>",
    "wp:entry-content": "<div class='entry-content'>{chrome}{story}</div>",
}
"""Container markup per theme, with `{story}` and `{chrome}` slots."""
