"""Assessment figures (考核): retention, satisfaction, value, tier migration, per owner and per period."""
