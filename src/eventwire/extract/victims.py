"""Who the dead and wounded are: state security forces named in an incident's toll (``data/victims.yaml``)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import Evidence

DATA = Path(__file__).resolve().parent.parent / "data" / "victims.yaml"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, dict[str, re.Pattern]]:
    with DATA.open(encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    return {lang: {force: re.compile(rf"(?<!\w)(?:{rx})(?!\w)", re.I) for force, rx in forces.items()}
            for lang, forces in raw.items()}


def security_victims(lang: str, evidence: list[Evidence]) -> str | None:
    """'Military' or 'Police' when a toll's own words name soldiers or police officers as the victims."""
    table = _patterns().get(lang) or _patterns()["fr"]
    for ev in evidence:
        for force, rx in table.items():
            if rx.search(ev.text or ""):
                return force
    return None
