"""Reading sheets: the readers (calamine, CSV), hostile-file limits, headers and cell values."""
