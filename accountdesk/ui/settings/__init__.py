"""设置: the scoring sheet editor, tier policies, reminder settings, the user and the database."""
