"""Alembic environment: migrations run programmatically by eventwire.store.db.open_db."""
from alembic import context
from sqlalchemy import create_engine

from eventwire.store.db import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    with create_engine(config.get_main_option("sqlalchemy.url")).connect() as conn:
        _run(conn)


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
