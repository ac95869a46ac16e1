"""回访日历: the month grid and week agenda of revisits and care dates, and the printed sheets."""
