"""Demo data for 财务管理 (built in the next step)."""
