"""统计: the statistics page, its tables and charts."""
