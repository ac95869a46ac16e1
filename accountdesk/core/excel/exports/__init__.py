"""Exports: the rows and columns of each kind, the .xlsx/.csv/.json writers and company templates."""
