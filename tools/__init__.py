"""Developer tools: README screenshots, translation files, the bundled font."""
