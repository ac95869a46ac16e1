"""Tiering (分级): metrics, the scoring sheet, tiers, lifecycle, RFM, explanations, overrides, policies
and the tier board's data."""
