"""Team use: presence, where the file lives, conflicts, backups and merging a diverged copy."""
