"""Scrapy spiders (SPIDER_MODULES): `portal`, the generic spider for any portal by URL or registry name."""
