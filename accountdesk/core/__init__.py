"""The headless core: domain and data. Nothing here imports PySide6."""
