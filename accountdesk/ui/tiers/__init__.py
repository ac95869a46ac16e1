"""分级看板: the tier board, its cards and the re-grade preview."""
