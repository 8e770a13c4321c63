"""Warta's own name lists for the gazetteer: regency seats, abbreviations, old names, towns."""
