"""SQLAlchemy schema: documents, mentions, events, evidence and the review audit trail.

SQLite by default (``./eventwire.db``); any SQLAlchemy URL (e.g. PostgreSQL) works.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from alembic import command
from alembic.config import Config

from sqlalchemy import (JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, String, Text,
                        create_engine, event, inspect)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

def _now() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    path: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(100), default="")
    published: Mapped[str] = mapped_column(String(10), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(8), default="")
    dateline_place: Mapped[str] = mapped_column(String(200), default="")
    dateline_date: Mapped[str] = mapped_column(String(10), default="")
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(Text)
    sentences: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(40), default="ok")  # ok, skipped: <reason>
    duplicate_of: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class EventRow(Base):
    __tablename__ = "events"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[dict] = mapped_column(JSON)  # the Event, model.mention_to_dict form
    # denormalised for filtering and sorting
    event_date: Mapped[str] = mapped_column(String(10), default="", index=True)
    time_precision: Mapped[int | None] = mapped_column(Integer, nullable=True)
    event_type: Mapped[str] = mapped_column(String(60), default="", index=True)
    sub_event_type: Mapped[str] = mapped_column(String(60), default="")
    country: Mapped[str] = mapped_column(String(80), default="", index=True)
    admin1: Mapped[str] = mapped_column(String(120), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    actor1: Mapped[str] = mapped_column(String(200), default="")
    actor2: Mapped[str] = mapped_column(String(200), default="")
    fatalities: Mapped[int | None] = mapped_column(Integer, nullable=True)
    n_sources: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default="auto", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, onupdate=_now)


class MentionRow(Base):
    __tablename__ = "mentions"
    id: Mapped[str] = mapped_column(String(220), primary_key=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    sentence: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    kind_reason: Mapped[str] = mapped_column(Text, default="")
    event_id: Mapped[str | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"),
                                                 nullable=True, index=True)
    data: Mapped[dict] = mapped_column(JSON)  # the Mention, model.mention_to_dict form


class EvidenceRow(Base):
    """Every field's evidence, queryable: which span of which document supports which value."""
    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner: Mapped[str] = mapped_column(String(10))  # "mention" or "event"
    owner_id: Mapped[str] = mapped_column(String(220), index=True)
    field: Mapped[str] = mapped_column(String(40))
    doc_id: Mapped[str] = mapped_column(String(200), index=True)
    sentence: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class AuditRow(Base):
    """Review trail: who did what to which event, with the values before and after."""
    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    user: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(20))  # ingest, confirm, correct, merge, reject
    event_id: Mapped[str] = mapped_column(String(64), index=True)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    automatic: Mapped[bool] = mapped_column(Boolean, default=False)


class DocSignatureRow(Base):
    """A document's MinHash signature (the near-duplicate LSH index is rebuilt from these)."""
    __tablename__ = "doc_signatures"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(String(200), unique=True)
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class ReportRow(Base):
    """One document's telling of an incident (its own Event) and the merged event it belongs to."""
    __tablename__ = "event_reports"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(200), index=True)
    event_id: Mapped[str] = mapped_column(String(64), index=True)
    country: Mapped[str] = mapped_column(String(80), default="")
    area: Mapped[bool] = mapped_column(Boolean, default=True)
    cell_i: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cell_j: Mapped[int | None] = mapped_column(Integer, nullable=True)
    day_lo: Mapped[int | None] = mapped_column(Integer, nullable=True)
    day_hi: Mapped[int | None] = mapped_column(Integer, nullable=True)
    data: Mapped[dict] = mapped_column(JSON)  # the Event, model.mention_to_dict form

    __table_args__ = (Index("ix_reports_cell_day", "cell_i", "day_lo"),
                      Index("ix_reports_country_day", "country", "day_lo"))


def db_url(db: str) -> str:
    """A SQLAlchemy URL for a path or URL."""
    return db if "://" in db else f"sqlite:///{db}"


MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(url: str) -> Config:
    """Alembic configuration for the store at ``url`` (migrations ship inside the package)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def open_db(db: str) -> sessionmaker[Session]:
    """Open the store, creating it or migrating its schema to the current version; a session factory."""
    url = db_url(db)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    _migrate(engine, url)
    return sessionmaker(engine, expire_on_commit=False)


def _migrate(engine: Engine, url: str) -> None:
    cfg = alembic_config(url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        tables = set(inspect(conn).get_table_names())
        if tables and "alembic_version" not in tables:  # a store made before migrations: adopt it
            Base.metadata.create_all(conn)
            command.stamp(cfg, "head")
        else:
            command.upgrade(cfg, "head")


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def engine_of(factory: sessionmaker[Session]) -> Engine:
    return factory.kw["bind"]
