"""One settings object, read once from command-line options and ``EVENTWIRE_*`` variables, then passed down.

Precedence: an option given on the command line, else the environment variable, else the default.

| setting | variable | default |
|---|---|---|
| db | EVENTWIRE_DB | eventwire.db |
| host | EVENTWIRE_HOST | 127.0.0.1 |
| port | EVENTWIRE_PORT | 8000 |
| private | EVENTWIRE_PRIVATE (1/true/yes) | false: anonymous users may read |
| secret_key | EVENTWIRE_SECRET_KEY | random per process (sessions end when the server restarts) |
| page_size | EVENTWIRE_PAGE_SIZE | 50 |
| max_page_size | EVENTWIRE_MAX_PAGE_SIZE | 1000 |
| session_hours | EVENTWIRE_SESSION_HOURS | 12 |
| store_batch | EVENTWIRE_STORE_BATCH | 32: documents stored in one write transaction at most (1: one each) |
| sentence_roles | EVENTWIRE_SENTENCE_ROLES (1/true/yes) | false: the learned sentence-role model (eventwire.extract.roles) is not combined with the rules |
| event_filter | EVENTWIRE_EVENT_FILTER (1/true/yes) | true: the learned export decision (eventwire.extract.export_filter) drops events of pages of 4 sentences or more below its language's threshold (English only: French has none, its held-out gain was too small); 0 keeps every event the rules export |
"""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field, fields
from typing import Any, Mapping

_TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    db: str = "eventwire.db"
    host: str = "127.0.0.1"
    port: int = 8000
    private: bool = False
    secret_key: str = field(default="", repr=False)
    page_size: int = 50
    max_page_size: int = 1000
    session_hours: int = 12
    store_batch: int = 32
    sentence_roles: bool = False
    event_filter: bool = True

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, **options: Any) -> "Settings":
        """Settings from ``options`` (None means not given), else ``EVENTWIRE_<NAME>``, else the default."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in fields(cls):
            given = options.get(f.name)
            if given is not None:
                values[f.name] = given
                continue
            raw = env.get(f"EVENTWIRE_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            if f.type in ("bool", bool):
                values[f.name] = raw.strip().lower() in _TRUE
            elif f.type in ("int", int):
                try:
                    values[f.name] = int(raw)
                except ValueError:
                    raise ValueError(f"EVENTWIRE_{f.name.upper()}={raw!r} is not a whole number") from None
            else:
                values[f.name] = raw
        unknown = set(options) - {f.name for f in fields(cls)}
        if unknown:
            raise TypeError(f"unknown settings: {', '.join(sorted(unknown))}")
        if not values.get("secret_key"):
            values["secret_key"] = secrets.token_urlsafe(32)
        return cls(**values)
