"""零差错办公管理系统 (zeroerror)."""

__version__ = "0.1.0"
