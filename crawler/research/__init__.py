"""What researchers do with the archive: search (FTS5 ranking, Indonesian stems), export, serve, health.

`search` (queries, filters, ranking, snippets), `stemming` (Sastrawi stems for the index and
queries), `export` (JSONL / CSV / Parquet datasets with a card), `serve` (Datasette, read-only),
`health` (per-portal health figures).
"""
