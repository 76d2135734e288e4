"""Registers offices file are append-only: a row once written is never changed or deleted in the app (a correction
is a new explained entry). The guard is here so that no code path — a view, the admin, a shell — edits a row."""

from __future__ import annotations

from django.db import models


class AppendOnlyError(RuntimeError):
    pass


class AppendOnly(models.Model):
    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"{self._meta.verbose_name}只能追加，不能修改。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{self._meta.verbose_name}只能追加，不能删除。")
