"""Demo data for 印信管理 (filled in below)."""
