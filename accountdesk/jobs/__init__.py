"""Background jobs (APScheduler) that call core services: reminders, the nightly re-grade, backups."""
