"""The kept per-customer figures that grading and the churn check read."""
