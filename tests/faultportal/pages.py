"""The fault portal's healthy pages: invented Indonesian articles with their truth, and the HTML of
listing and calendar pages. Deterministic; no third-party text."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

SUBJECTS = [
    ("Banjir Rendam Tiga Desa di Kecamatan Sukamaju", "banjir-rendam-tiga-desa-di-kecamatan-sukamaju"),
    ("Petani Banyuasin Mulai Panen Padi Musim Gadu", "petani-banyuasin-mulai-panen-padi-musim-gadu"),
    ("Jembatan Gantung Desa Karangsari Selesai Diperbaiki", "jembatan-gantung-desa-karangsari-selesai-diperbaiki"),
    ("DPRD Garut Bahas Anggaran Perbaikan Jalan Kabupaten", "dprd-garut-bahas-anggaran-perbaikan-jalan-kabupaten"),
    ("Puskesmas Tanjung Lago Gelar Imunisasi Anak Serentak", "puskesmas-tanjung-lago-gelar-imunisasi-anak-serentak"),
    ("Pasar Murah Jelang Lebaran Diserbu Warga Pangkalan Balai", "pasar-murah-jelang-lebaran-diserbu-warga-pangkalan-balai"),
    ("Turnamen Sepak Bola Antardesa Dibuka Wakil Bupati", "turnamen-sepak-bola-antardesa-dibuka-wakil-bupati"),
    ("Sekolah Dasar di Lereng Gunung Terima Bantuan Buku", "sekolah-dasar-di-lereng-gunung-terima-bantuan-buku"),
]  # fmt: skip
"""Invented headlines (real regency names are fine; people and villages are made up)."""

PEOPLE = ["Darmaji Suryo", "Ratna Kemuning", "Hendrik Saleh", "Wulan Purbasari", "Agus Tirtana"]

PARAGRAPH_TEMPLATES = [
    "{place} — {title_lower} menjadi perhatian warga sejak awal pekan ini. Kepala desa setempat, "
    "{person}, mengatakan pihaknya sudah berkoordinasi dengan pemerintah kecamatan.",
    "Menurut {person}, sedikitnya {number} kepala keluarga terdampak langsung. Mereka berharap "
    "pemerintah kabupaten segera turun tangan agar kegiatan warga kembali normal.",
    "Camat {place} menyebut laporan lengkap akan disampaikan kepada bupati pada Senin mendatang. "
    "Data sementara dihimpun oleh perangkat desa bersama relawan setempat.",
    "Sejumlah warga yang ditemui di balai desa menyampaikan keluhan serupa. Mereka meminta agar "
    "informasi disampaikan terbuka dan berkala melalui pengeras suara masjid.",
    "Hingga berita ini diturunkan, petugas masih mendata kebutuhan di lapangan. Pemerintah desa "
    "membuka posko di halaman kantor desa yang buka setiap hari mulai pukul tujuh pagi.",
]
"""Sentence templates: every healthy article has five paragraphs of this invented prose."""

PLACES = ["Sukamaju", "Karangsari", "Tanjung Lago", "Pangkalan Balai", "Rantau Bayur"]


@dataclass(frozen=True)
class Article:
    """One healthy article and what the archive must hold for it."""

    path: str
    title: str
    paragraphs: tuple[str, ...]
    published_at: str
    author: str

    @property
    def body(self) -> str:
        """The clean body the archive must store (paragraphs joined by a blank line)."""
        return "\n\n".join(self.paragraphs)


def article(index: int, prefix: str = "") -> Article:
    """The `index`-th healthy article (deterministic), optionally under a path prefix."""
    title, slug = SUBJECTS[index % len(SUBJECTS)]
    day = 1 + index % 28
    person = PEOPLE[index % len(PEOPLE)]
    place = PLACES[index % len(PLACES)]
    paragraphs = tuple(
        template.format(
            place=place,
            person=person,
            title_lower=title[0].lower() + title[1:],
            number=40 + 7 * index + n,
        )
        for n, template in enumerate(PARAGRAPH_TEMPLATES)
    )
    return Article(
        path=f"{prefix}/2024/05/{day:02d}/{slug}-{index}/",
        title=title,
        paragraphs=paragraphs,
        published_at=f"2024-05-{day:02d}T08:{index % 60:02d}:00+07:00",
        author=person,
    )


def article_html(
    item: Article, base: str, *, charset: str = "utf-8", with_body: bool = True
) -> str:
    """A plain WordPress-like single post page for an article."""
    url = base + item.path
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.title,
        "datePublished": item.published_at,
        "author": {"@type": "Person", "name": item.author},
        "mainEntityOfPage": url,
    }
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in item.paragraphs)
    head = (
        f'<head><meta charset="{charset}"><title>{html.escape(item.title)} - Kabar Uji</title>'
        f'<link rel="canonical" href="{url}">'
        '<meta property="og:type" content="article">'
        f'<meta property="og:title" content="{html.escape(item.title)}">'
        f'<meta property="article:published_time" content="{item.published_at}">'
        f'<script type="application/ld+json">{json.dumps(data)}</script></head>'
    )
    post = (
        f'<article class="post type-post single"><h1 class="entry-title">{html.escape(item.title)}</h1>'
        f'<div class="entry-meta">Oleh <span class="author">{html.escape(item.author)}</span></div>'
        f'<div class="entry-content">{paragraphs}</div></article>'
    )
    if not with_body:
        return f"<!DOCTYPE html><html>{head}{post}</html>"
    return (
        f'<!DOCTYPE html><html lang="id">{head}<body class="single single-post">'
        '<header><a href="/">Kabar Uji</a></header>'
        f"<main>{post}</main><footer>© Kabar Uji</footer></body></html>"
    )


def listing_html(base: str, title: str, links: list[str], next_url: str | None = None) -> str:
    """A listing page (home or calendar) with article links and an optional rel=next."""
    items = "\n".join(
        f'<h2 class="entry-title"><a href="{base}{p}">{html.escape(p)}</a></h2>' for p in links
    )
    nxt = f'<link rel="next" href="{next_url}">' if next_url else ""
    more = f'<a class="next page-numbers" href="{next_url}">Berikutnya</a>' if next_url else ""
    return (
        f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"{nxt}</head><body><h1>{html.escape(title)}</h1>{items}"
        f'<nav class="navigation">{more}</nav></body></html>'
    )
