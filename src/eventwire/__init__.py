"""eventwire: news wire stories in, ACLED-coded, geocoded, deduplicated conflict events out."""
__version__ = "0.1.0"
