"""Storage: opening a database, the ORM models, migrations glue, the one bulk writer (driver SQL,
uid batches, pragmas), the change counter and the audit hooks."""
