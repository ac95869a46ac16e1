"""Importing sheets: mapping rows to fields, the plan of every row, writing it in batches, undo, reports."""
