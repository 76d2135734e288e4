"""Demo data for 信息公开 (filled in below)."""
