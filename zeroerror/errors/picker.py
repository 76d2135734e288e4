"""The 责任人 picker (issue 9 item 10): people grouped by department, searchable by name, full pinyin or initials
(“艾丽” matches 艾, aili, al). The keys are computed here (pypinyin); the page filters the options as one types
(errors/picker.js), and without JavaScript it is a plain grouped select."""

from __future__ import annotations

from django import forms
from pypinyin import Style, lazy_pinyin


def search_keys(name: str) -> str:
    """"艾丽" → "艾丽 aili al": what a search for the person may type, lower-case, space-separated."""
    full = "".join(lazy_pinyin(name, errors="default")).lower()
    initials = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default")).lower()
    return " ".join(dict.fromkeys(k for k in (name, full, initials) if k))


class PickerSelect(forms.Select):
    """A select whose options carry ``data-search`` (name, pinyin, initials) for errors/picker.js."""

    def __init__(self, attrs=None):
        super().__init__({"data-picker": "person", **(attrs or {})})
        self.search: dict[str, str] = {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        key = self.search.get(str(getattr(value, "value", value)))
        if key:
            option["attrs"]["data-search"] = key
        return option


class PersonPickerField(forms.ModelChoiceField):
    """A ModelChoiceField over people, shown grouped by department (in the department order), searchable."""

    widget = PickerSelect

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", "请选择（可输入姓名或拼音首字母查找）")
        super().__init__(*args, **kwargs)

    def set_people(self, queryset) -> None:
        """Use ``queryset`` (people) and group its options by department — one query."""
        self.queryset = queryset.select_related("department").order_by("department__order", "department_id", "rank",
                                                                         "id")
        groups: dict[str, list] = {}
        search = {}
        for person in self.queryset:
            groups.setdefault(person.department.name, []).append((person.pk, person.name))
            search[str(person.pk)] = search_keys(person.name)
        self.choices = [("", self.empty_label), *groups.items()]
        self.widget.search = search
