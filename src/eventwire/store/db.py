"""SQLAlchemy schema: documents, mentions, events, evidence and the review audit trail.

SQLite by default (``./eventwire.db``); any SQLAlchemy URL works, and ``postgresql://user@host/db`` is
supported and tested (psycopg 3; writers take turns through a transaction-level advisory lock).
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from alembic import command
from alembic.config import Config

from alembic.util.exc import CommandError
from sqlalchemy import (JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, String, Text,
                        create_engine, event, inspect)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
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


class ReviewRow(Base):
    """An analyst's review of an event (issue 12): confirm, edit one field, reject, merge into another event.

    Reviews are overrides applied when events are read (eventwire.review), never written into ``events``: a
    re-ingest that rewrites an event keeps its reviews, and a rejected event stays rejected. Undo marks a
    review undone (it is kept, with who undid it and when)."""
    __tablename__ = "reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(20))  # confirm, edit, reject, merge
    field: Mapped[str] = mapped_column(String(40), default="")
    value: Mapped[dict | list | str | int | float | None] = mapped_column(JSON, nullable=True)
    before: Mapped[dict | list | str | int | float | None] = mapped_column(JSON, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    user: Mapped[str] = mapped_column(String(100), default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    undone_by: Mapped[str] = mapped_column(String(100), default="")


class UserRow(Base):
    """A web app user: reader, reviewer or admin; the password hashed (eventwire.web.security)."""
    __tablename__ = "users"
    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    role: Mapped[str] = mapped_column(String(20), default="reviewer")
    password_hash: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class TokenRow(Base):
    """An API token for scripts; only its SHA-256 is stored."""
    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user: Mapped[str] = mapped_column(String(100), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


def db_url(db: str) -> str:
    """A SQLAlchemy URL for a path or URL. ``postgresql://`` (and ``postgres://``) URLs use psycopg 3, the
    driver eventwire ships with (SQLAlchemy's default for them is psycopg2); a URL naming its driver
    (``postgresql+psycopg2://``) is left as it is."""
    if "://" not in db:
        return f"sqlite:///{db}"
    scheme, sep, rest = db.partition("://")
    if scheme.lower() in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return db


MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(url: str) -> Config:
    """Alembic configuration for the store at ``url`` (migrations ship inside the package)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


class StoreError(Exception):
    """The store cannot be opened (a missing or wrong file, a folder, no store yet): a one-line reason."""


SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 120      # a writer waits this long for another process's write to finish
_STORE_TABLES = {"documents", "alembic_version"}


def open_db(db: str, create: bool = True) -> sessionmaker[Session]:
    """Open the store, creating it or migrating its schema to the current version; a session factory.

    ``create=False`` (read commands) never creates a store: a missing one is a :class:`StoreError`. Every
    problem opening the store (not a database, a folder, a missing folder, another program's database) is a
    :class:`StoreError` with a one-line message.
    """
    url = db_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError as e:
        raise StoreError(f"{db}: not a file name or database URL ({e})") from None
    sqlite = parsed.get_backend_name() == "sqlite"
    if not sqlite and parsed.password:   # messages name the store without its password
        db = make_url(db).render_as_string(hide_password=True)
    if sqlite and parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
        _check_sqlite_file(db, Path(parsed.database), create)
    try:
        engine = create_engine(url, future=True,
                               connect_args={"timeout": BUSY_TIMEOUT_S} if sqlite else {})
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
        elif engine.dialect.name == "postgresql":
            event.listen(engine, "begin", _postgres_begin)
        _migrate(engine, url, db, create)
    except StoreError:
        raise
    except (SQLAlchemyError, CommandError, OSError, ImportError) as e:
        raise StoreError(f"{db}: cannot open the store: {_reason(e)}") from None
    return sessionmaker(engine, expire_on_commit=False)


def writer(factory: sessionmaker[Session]) -> sessionmaker[Session]:
    """A session factory for writes: on SQLite each transaction starts with BEGIN IMMEDIATE, so processes
    writing one store take turns (each waits up to BUSY_TIMEOUT_S) and a check made inside the transaction
    ("is this document already stored?") still holds when it commits."""
    return sessionmaker(engine_of(factory).execution_options(eventwire_write=True), expire_on_commit=False)


def _check_sqlite_file(db: str, path: Path, create: bool) -> None:
    if path.is_dir():
        raise StoreError(f"{db} is a folder, not a store file (give a file name, e.g. {path / 'eventwire.db'})")
    if not path.exists():
        if not create:
            raise StoreError(f"no store at {db} (nothing was ingested there; check the path, or create it with "
                             f"eventwire ingest FILES --db {db})")
        if not path.parent.is_dir():
            raise StoreError(f"cannot create the store {db}: folder {path.parent} does not exist")
        return
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as e:
        raise StoreError(f"cannot read the store {db}: {(e.strerror or str(e)).lower()}") from None
    if not head and not create:
        raise StoreError(f"{db} is an empty file, not an eventwire store")
    if head and head != SQLITE_MAGIC:
        raise StoreError(f"{db} is not an eventwire store (not a SQLite database); give another --db")


def _migrate(engine: Engine, url: str, db: str, create: bool) -> None:
    cfg = alembic_config(url)
    with engine.execution_options(eventwire_write=True).begin() as conn:
        cfg.attributes["connection"] = conn
        tables = set(inspect(conn).get_table_names())
        if tables and not tables & _STORE_TABLES:
            raise StoreError(f"{db} is a database of another program (tables: {', '.join(sorted(tables)[:5])}), "
                             "not an eventwire store")
        if not tables and not create:
            raise StoreError(f"{db} holds no eventwire store (nothing was ingested there)")
        if tables and "alembic_version" not in tables:  # a store made before migrations: adopt it
            Base.metadata.create_all(conn)
            command.stamp(cfg, "head")
        else:
            command.upgrade(cfg, "head")


def _reason(e: BaseException) -> str:
    """A database error's reason on one line, without SQLAlchemy's statement and background link."""
    inner = e.orig if isinstance(e, DBAPIError) and e.orig is not None else e
    text = str(inner).strip().splitlines()
    return text[0] if text else type(inner).__name__


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None   # transactions are begun by _sqlite_begin (SQLAlchemy's SQLite recipe)
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("eventwire_write") else "BEGIN")


def _postgres_begin(conn) -> None:
    if conn.get_execution_options().get("eventwire_write"):   # writers take turns, as on SQLite
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(20240109)")


def engine_of(factory: sessionmaker[Session]) -> Engine:
    return factory.kw["bind"]
