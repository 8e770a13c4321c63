"""Near-duplicate clusters: signatures, copy edits, canonical choice, determinism, the archive pass."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest
from datasketch import MinHash

from bench import neardup as bench
from crawler.archive import neardup
from crawler.archive.neardup import Doc, cluster_id_for, estimated_jaccard, find_clusters, signature
from crawler.archive.storage import Archive

# An invented regional story (seven paragraphs) and the edits other portals make to it.
STORY = [
    "Banjir merendam sedikitnya 240 rumah warga di Desa Tanjung Harapan, Kecamatan Rantau Bayur, "
    "sejak Senin dini hari setelah Sungai Lalan meluap akibat hujan deras sepanjang akhir pekan.",
    "Kepala Pelaksana BPBD Banyuasin, Sutrisno Wibowo, mengatakan ketinggian air di permukiman "
    "mencapai satu meter dan jalan penghubung ke ibu kota kecamatan tidak bisa dilalui kendaraan.",
    "Menurut dia, petugas gabungan telah mengevakuasi 86 kepala keluarga ke balai desa dan dua "
    "sekolah dasar yang berada di dataran lebih tinggi, termasuk belasan lansia dan balita.",
    '"Kami sudah mendirikan dapur umum dan menyiapkan tiga perahu karet untuk mengantar '
    'kebutuhan warga yang memilih bertahan di rumah panggung," kata Sutrisno kepada wartawan.',
    "Warga setempat, Fitri Handayani, menuturkan air mulai masuk ke rumahnya sekitar pukul dua "
    "pagi dan ia hanya sempat menyelamatkan dokumen penting serta beberapa ekor ayam peliharaan.",
    "Dinas Sosial Banyuasin menyalurkan 500 paket sembako, selimut dan obat-obatan, sementara "
    "puskesmas keliling membuka layanan pemeriksaan bagi pengungsi yang mulai terserang gatal.",
    "BPBD memperkirakan air baru surut dalam tiga hingga empat hari bila hujan tidak kembali "
    "turun di hulu sungai, dan meminta warga di bantaran tetap waspada terhadap banjir susulan.",
]
DISTINCT_SAME_TOPIC = [
    "Hujan lebat sejak Sabtu sore membuat Sungai Komering meluap dan menggenangi dua dusun di "
    "Desa Mekar Jaya, Kecamatan Lempuing, dengan ketinggian air selutut orang dewasa.",
    "Camat Lempuing, Hendra Saputra, menyebut sebagian warga memilih mengungsi ke rumah kerabat "
    "sedangkan ternak dipindahkan ke tanggul jalan provinsi yang tidak tergenang.",
    "Petugas kecamatan bersama relawan membagikan nasi bungkus dan air mineral kepada keluarga "
    "yang bertahan, sambil mendata sawah yang terancam gagal panen karena terendam.",
    "Warga berharap pemerintah kabupaten segera mengeruk muara sungai yang dangkal agar banjir "
    "tahunan tidak lagi memutus jalan menuju pasar kecamatan setiap musim hujan tiba.",
    "Hingga Minggu siang, belum ada laporan korban jiwa, namun dua rumah panggung yang sudah "
    "lapuk dilaporkan roboh diterjang arus yang cukup deras di sisi hilir desa.",
]


def body(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def reword(text: str) -> str:
    """Light rewording as a portal editor does it: a handful of synonyms."""
    for old, new in {
        "mengatakan": "menyampaikan",
        "warga": "masyarakat",
        "sejak": "mulai",
        "sementara": "adapun",
        "kata": "ujar",
        "meminta": "mengimbau",
    }.items():
        text = text.replace(old, new)
    return text


COPY_EDITS = {
    "another dateline and outlet": lambda p: ["BANYUASIN, SuaraLalan.id - " + p[0], *p[1:]],
    "baca juga lines": lambda p: [
        *p[:2],
        "Baca juga: Jembatan Gantung Putus",
        *p[2:5],
        "Baca juga: Harga Beras Turun",
        *p[5:],
    ],
    "first paragraph cut": lambda p: p[1:],
    "last paragraph cut": lambda p: p[:-1],
    "another byline": lambda p: [*p, "Penulis: Yuli Utami | Editor: Arif Lubis"],
    "light rewording": lambda p: [reword(x) for x in p],
    "all at once": lambda p: [
        "Banyuasin (Lalan News) - " + reword(p[1]),
        "Baca juga: Jembatan Gantung Putus",
        *[reword(x) for x in p[2:-1]],
        "(ant/rls)",
    ],
}


@pytest.mark.parametrize("edit", sorted(COPY_EDITS))
def test_an_edited_copy_stays_above_the_threshold(edit):
    original = signature(body(STORY))
    copy = signature(body(COPY_EDITS[edit](list(STORY))))
    assert estimated_jaccard(original, copy) >= neardup.THRESHOLD


def test_a_distinct_story_on_the_same_topic_stays_below_the_threshold():
    similarity = estimated_jaccard(signature(body(STORY)), signature(body(DISTINCT_SAME_TOPIC)))
    assert similarity < neardup.THRESHOLD / 2


def test_signatures_equal_datasketch_minhash_of_the_same_shingles():
    text = body(STORY)
    ours = signature(text)
    reference = MinHash(
        num_perm=neardup.NUM_PERM, seed=neardup.MINHASH_SEED, scheme="affine32", hashfunc=int
    )
    reference.update_batch(neardup.shingle_hashes(text).tolist())
    assert np.array_equal(ours, reference.hashvalues)
    other = signature(body(DISTINCT_SAME_TOPIC))
    assert neardup.as_minhash(ours).jaccard(neardup.as_minhash(other)) == pytest.approx(
        estimated_jaccard(ours, other)
    )


@pytest.mark.parametrize(
    "text",
    [
        "Banjir “besar” melanda – kata warga… Desa\xa0Sukamaju",
        "Pak Lurah bilang: jalan (rusak) 3,5 km; perbaikan 2024/2025!",
        "Ĉu Ünïcode façade naïve — tetap dihitung",
        "tab\tdan\nbaris baru_dengan garis_bawah",
        "Ｆｕｌｌｗｉｄｔｈ ｄａｎ ＡＳＣＩＩ",
    ],
)
def test_fast_tokeniser_gives_the_word_runs_of_the_regex(text):
    import unicodedata

    expected = re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())
    assert neardup.words(text) == expected


@pytest.mark.parametrize("bad", [None, "", "   ", "satu dua tiga", "\x00\x01", "🙂 " * 50])
def test_too_short_or_odd_bodies_never_raise_and_never_cluster(bad):
    assert signature(bad) is None
    docs = [Doc("a", bad), Doc("b", bad), Doc("c", body(STORY))]
    assert find_clusters(docs) == []


def _docs() -> list[Doc]:
    copies = {
        "outlet-a/banjir": ("2024-05-20T09:00:00+07:00", COPY_EDITS["another dateline and outlet"]),
        "outlet-b/banjir": ("2024-05-20T07:30:00+07:00", COPY_EDITS["light rewording"]),
        "outlet-c/banjir": ("2024-05-21T10:00:00+07:00", COPY_EDITS["first paragraph cut"]),
        "outlet-d/banjir": (None, COPY_EDITS["another byline"]),
    }
    docs = [Doc(key, body(edit(list(STORY))), when) for key, (when, edit) in copies.items()]
    docs.append(Doc("outlet-e/komering", body(DISTINCT_SAME_TOPIC), "2024-05-19T08:00:00+07:00"))
    return docs


def test_copies_form_one_cluster_with_the_earliest_published_as_canonical():
    clusters = find_clusters(_docs())
    assert len(clusters) == 1
    (cluster,) = clusters
    # 07:30 WIB is the earliest; an unknown date sorts after every known one.
    assert cluster.canonical == "outlet-b/banjir"
    assert cluster.members == (
        "outlet-b/banjir",
        "outlet-a/banjir",
        "outlet-c/banjir",
        "outlet-d/banjir",
    )
    assert cluster.cluster_id == cluster_id_for("outlet-b/banjir")


def test_offsets_are_compared_as_instants_not_as_strings():
    docs = [
        Doc("wib/x", body(STORY), "2024-05-20T08:00:00+07:00"),  # 01:00 UTC
        Doc("utc/x", body(STORY[:-1]), "2024-05-20T00:30:00+00:00"),  # 00:30 UTC: earlier
    ]
    assert find_clusters(docs)[0].canonical == "utc/x"


def test_an_exact_copy_is_never_canonical_while_its_original_is_in_the_cluster():
    docs = [
        Doc("orig/x", body(STORY), "2024-05-20T08:00:00+07:00"),
        Doc("copy/x", body(STORY), "2024-05-20T06:00:00+07:00", exact_copy_of="orig/x"),
        Doc("near/x", body(STORY[1:]), "2024-05-21T08:00:00+07:00"),
    ]
    assert find_clusters(docs)[0].canonical == "orig/x"


def test_clusters_do_not_depend_on_input_order():
    docs = _docs()
    expected = find_clusters(docs)
    for seed in range(3):
        shuffled = list(docs)
        random.Random(seed).shuffle(shuffled)
        assert find_clusters(shuffled) == expected


def test_generated_corpus_meets_the_issue_targets():
    corpus, _ = bench.build_corpus(400, "test")
    docs = [Doc(s.key, s.body, s.published_at) for s in corpus]
    result = bench.score(corpus, find_clusters(docs))
    assert result["pairs_true"] > 300
    assert result["precision"] >= bench.PRECISION_TARGET
    assert result["recall"] >= bench.RECALL_TARGET


# -- the archive pass --------------------------------------------------------------------------


def _save(archive: Archive, key: str, text: str, published: str | None, **extra) -> None:
    archive.save_article(
        {
            "url": f"https://{key}/",
            "url_key": key,
            "site": key.split("/")[0],
            "title": key,
            "body": text,
            "published_at": published,
            "content_hash": extra.pop("content_hash", key),
            **extra,
        }
    )


def _columns(archive: Archive) -> dict[str, tuple]:
    return {
        r[0]: (r[1], r[2])
        for r in archive.conn.execute("SELECT url_key, cluster_id, is_canonical FROM articles")
    }


def test_cluster_archive_writes_cluster_columns_and_is_idempotent(archive_path):
    with Archive(archive_path) as archive:
        for doc in _docs():
            _save(archive, doc.key, doc.body, doc.published_at)
        archive.commit()
        first = neardup.cluster_archive(archive)
        assert (first.articles, first.clusters, first.clustered_articles) == (5, 1, 4)
        assert first.rows_changed == 4  # the lone story keeps NULL / 1, as inserted
        columns = _columns(archive)
        cid = cluster_id_for("outlet-b/banjir")
        assert columns["outlet-b/banjir"] == (cid, 1)
        assert columns["outlet-a/banjir"] == (cid, 0)
        assert columns["outlet-e/komering"] == (None, 1)
        changes_before = archive.conn.total_changes
        again = neardup.cluster_archive(archive)
        assert again.rows_changed == 0
        assert archive.conn.total_changes == changes_before
    # The research engineers' canonical-only filter keeps one row per story.
    with Archive(archive_path, readonly=True) as archive:
        kept = archive.conn.execute(
            "SELECT url_key FROM articles WHERE is_canonical = 1 AND duplicate_of IS NULL"
            " ORDER BY url_key"
        ).fetchall()
    assert [k for (k,) in kept] == ["outlet-b/banjir", "outlet-e/komering"]


def test_an_earlier_copy_arriving_later_takes_over_as_canonical(archive_path):
    with Archive(archive_path) as archive:
        for doc in _docs():
            _save(archive, doc.key, doc.body, doc.published_at)
        neardup.cluster_archive(archive)
        _save(archive, "outlet-f/banjir", body(STORY[:-1]), "2024-05-19T23:00:00+07:00")
        summary = neardup.cluster_archive(archive)
        columns = _columns(archive)
    new_id = cluster_id_for("outlet-f/banjir")
    assert columns["outlet-f/banjir"] == (new_id, 1)
    assert columns["outlet-b/banjir"] == (new_id, 0)
    assert summary.rows_changed == 5  # every member moves to the new id; b also loses canonical


def test_a_member_that_stops_being_similar_leaves_its_cluster(archive_path):
    with Archive(archive_path) as archive:
        _save(archive, "a/x", body(STORY), "2024-05-20T08:00:00+07:00")
        _save(archive, "b/x", body(STORY[1:]), "2024-05-20T09:00:00+07:00")
        neardup.cluster_archive(archive)
        assert _columns(archive)["b/x"] == (cluster_id_for("a/x"), 0)
        archive.update_article_fields("b/x", {"body": body(DISTINCT_SAME_TOPIC)})
        neardup.cluster_archive(archive)
        assert _columns(archive) == {"a/x": (None, 1), "b/x": (None, 1)}


def test_numpy_banding_finds_exactly_the_pairs_of_datasketch_lsh():
    corpus, _ = bench.build_corpus(300, "banding")
    sigs, valid = neardup.signatures(s.body for s in corpus)

    def normal(pairs):
        return {(min(a, b), max(a, b)) for a, b in pairs}

    ours = normal(neardup.similar_pairs(sigs, valid))
    assert len(ours) > 200
    assert ours == normal(neardup.similar_pairs_datasketch(sigs, valid))


def test_a_template_bucket_too_large_to_pair_is_skipped_but_other_bands_still_match(
    monkeypatch, caplog
):
    monkeypatch.setattr(neardup, "MAX_BUCKET", 3)
    rng = np.random.default_rng(7)
    sigs = rng.integers(0, 2**32, (6, neardup.NUM_PERM), dtype=np.uint32)
    sigs[:, :3] = 42  # band 0 equal in all six rows: a bucket of 6 > MAX_BUCKET
    sigs[5] = sigs[4]
    sigs[5, -10:] = 7  # rows 4 and 5: estimated Jaccard 118/128, same in bands other than 0
    assert set(neardup.similar_pairs(sigs)) == {(4, 5)}
    assert "LSH band 0: 6 distinct bodies share one bucket" in caplog.text
