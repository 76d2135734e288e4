from django.db import models


class CalendarOverrideQuerySet(models.QuerySet):
    def as_mapping(self) -> dict:
        return dict(self.values_list("date", "is_workday"))


class CalendarOverride(models.Model):
    """An administrator's correction to the statutory calendar: a holiday or an adjusted working day (调休)."""

    date = models.DateField("日期", unique=True)
    is_workday = models.BooleanField("是否工作日")
    note = models.CharField("说明", max_length=100, blank=True, help_text="如“2027年春节”“国庆调休上班”")

    objects = CalendarOverrideQuerySet.as_manager()

    class Meta:
        verbose_name = "工作日历调整"
        verbose_name_plural = "工作日历调整"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {'上班' if self.is_workday else '放假'}"
