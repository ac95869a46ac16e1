"""今日 (Today): the day's ranked list for the signed-in owner, with one-click actions."""
