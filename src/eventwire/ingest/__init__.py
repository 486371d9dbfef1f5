"""Ingest stage: read articles from files, folders or stdin into clean Documents.

Formats: the sample text format (' date YYYY-MM' header), plain text, JSON Lines, CSV and HTML.
Bad input never stops a batch: it comes out as :class:`ReadError` items between the Documents.
"""
from .clean import clean_text, content_hash, is_clutter
from .dateline import Dateline, detect_agency, normalise_agency, parse_dateline
from .readers import count_inputs, read_paths
from .records import ReadError

__all__ = ["Dateline", "ReadError", "clean_text", "content_hash", "count_inputs", "detect_agency",
           "is_clutter", "normalise_agency", "parse_dateline", "read_paths"]
