"""Demo data for 公务用车 (filled in below)."""
