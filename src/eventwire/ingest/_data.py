"""Load the ingest stage's YAML resources from eventwire/data (cached)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=None)
def load_data(name: str) -> dict[str, Any]:
    """The parsed YAML file ``eventwire/data/<name>``."""
    with open(DATA_DIR / name, encoding="utf-8") as f:
        return yaml.safe_load(f)
