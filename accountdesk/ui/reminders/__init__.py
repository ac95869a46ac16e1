"""提醒中心: the reminder centre page and its table."""
