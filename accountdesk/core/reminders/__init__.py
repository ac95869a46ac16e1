"""Reminders: care dates (solar and lunar birthdays, festivals, anniversaries), churn warnings, the
reminder runs and the reminder centre."""
