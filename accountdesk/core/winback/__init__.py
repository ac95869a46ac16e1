"""Win-back (挽回): a churn reason, dated actions that appear in Today, and an outcome."""
