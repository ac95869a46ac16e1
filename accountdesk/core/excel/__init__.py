"""Excel and CSV import and export."""
