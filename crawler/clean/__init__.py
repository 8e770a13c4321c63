"""Cleaning: raw article text -> clean fields with the Indonesian grammar; `clean_article` is the face."""

from crawler.clean.cleaner import CleanText, clean_article, clean_body_text
from crawler.clean.language import detect_language

__all__ = ["CleanText", "clean_article", "clean_body_text", "detect_language"]
