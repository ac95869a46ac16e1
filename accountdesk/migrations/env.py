"""Alembic environment: runs on the connection open_database() hands over, or on alembic.ini's URL."""

from alembic import context
from sqlalchemy import engine_from_config, pool

from accountdesk.core.storage.models import Base, autogenerate_includes

config = context.config
target_metadata = Base.metadata


def run_on(connection) -> None:
    # render_as_batch: SQLite alters tables by copying them; batch mode does that for us.
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                      include_object=autogenerate_includes)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_on(connection)
        return
    engine = engine_from_config(config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.", poolclass=pool.NullPool)
    with engine.connect() as connection:
        run_on(connection)


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata, render_as_batch=True,
                      include_object=autogenerate_includes)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
