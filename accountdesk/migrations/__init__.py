"""Alembic migrations for the AccountDesk schema."""
