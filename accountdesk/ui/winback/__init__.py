"""Win-back forms shared by Today, the reminder centre and the customer detail."""
