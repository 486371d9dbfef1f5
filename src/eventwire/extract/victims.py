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


AFTER_CHARS = 30  # the victims' noun may follow the figure the toll quotes ("fait état de 15 | militaires tombés")


def security_victims(lang: str, evidence: list[Evidence], text: str = "") -> str | None:
    """'Military' or 'Police' when a toll's own words (and the few words after its figure) name soldiers or
    police officers as the victims."""
    table = _patterns().get(lang) or _patterns()["fr"]
    for ev in evidence:
        after = re.split(r"[,.;:()\n]", text[ev.end:ev.end + AFTER_CHARS])[0] if text and ev.end >= 0 else ""
        words = (ev.text or "") + after
        for force, rx in table.items():
            if rx.search(words):
                return force
    return None
