"""SQLAlchemy schema: documents, mentions, events, evidence and the review audit trail.

SQLite by default (``./eventwire.db``); any SQLAlchemy URL (e.g. PostgreSQL) works.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (JSON, Boolean, DateTime, Float, ForeignKey, Integer, String, Text, create_engine,
                        event)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

SCHEMA_VERSION = 1


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
    duplicate_of: Mapped[str | None] = mapped_column(String(200), nullable=True)
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


class MetaRow(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


def db_url(db: str) -> str:
    """A SQLAlchemy URL for a path or URL."""
    return db if "://" in db else f"sqlite:///{db}"


def open_db(db: str) -> sessionmaker[Session]:
    """Open (and create if needed) the store; returns a session factory."""
    engine = create_engine(db_url(db), future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    Base.metadata.create_all(engine)
    factory = sessionmaker(engine, expire_on_commit=False)
    with factory() as s:
        if s.get(MetaRow, "schema_version") is None:
            s.add(MetaRow(key="schema_version", value=str(SCHEMA_VERSION)))
            s.commit()
    return factory


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def engine_of(factory: sessionmaker[Session]) -> Engine:
    return factory.kw["bind"]
