"""Demo data for 会务工作 (filled in below)."""
