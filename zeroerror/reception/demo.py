"""Demo data for 政务接待 (filled in later)."""
