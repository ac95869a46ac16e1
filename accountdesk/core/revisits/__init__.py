"""Revisits (定期回访): cadences, plans, completion, the calendar's data and the printed sheets' rows."""
