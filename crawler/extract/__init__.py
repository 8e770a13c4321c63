"""Extraction: HTML page (or REST/Blogger entry) -> RawArticle; `extract_page` is the stage's face."""

from crawler.extract.page import extract_page, raw_from_blogger_entry, raw_from_wp_post

__all__ = ["extract_page", "raw_from_blogger_entry", "raw_from_wp_post"]
