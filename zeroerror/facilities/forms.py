from django import forms

from zeroerror.facilities.models import PlaceKind
from zeroerror.meetings.models import Room
from zeroerror.org.models import Person

DT_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.department.name}）"


class PeopleChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.department.name}）"


class PlaceForm(forms.Form):
    name = forms.CharField(label="场所名称", max_length=100)
    kind = forms.ChoiceField(label="类别", choices=PlaceKind.choices)
    room = forms.ModelChoiceField(label="对应会议室", queryset=Room.objects.none(), required=False,
                                  help_text="在此召开的会议结束后自动生成会后清理任务")
    occupant = PersonChoice(label="使用领导", queryset=Person.objects.none(), required=False)
    daily_slots = forms.CharField(label="每日保洁时间", max_length=100, required=False,
                                  help_text="时:分，多个用逗号分隔；不填则会议室、接待室 08:00，领导办公室 07:50 和 14:10")
    cleaners = PeopleChoice(label="保洁轮值人员", queryset=Person.objects.none(),
                            widget=forms.SelectMultiple(attrs={"size": 6}))
    active = forms.BooleanField(label="启用", required=False, initial=True)

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        people = Person.objects.active().filter(unit=unit).select_related("department")
        self.fields["occupant"].queryset = people
        self.fields["cleaners"].queryset = people
        self.fields["room"].queryset = Room.objects.of_unit(unit).active()

    def clean_daily_slots(self):
        text = self.cleaned_data["daily_slots"].replace("，", ",").replace("、", ",")
        return [s.strip() for s in text.split(",") if s.strip()]


class TickForm(forms.Form):
    done_at = forms.DateTimeField(label="清扫时间", widget=DT_WIDGET)
    photo = forms.FileField(label="现场照片", required=False,
                            widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"}))
    note = forms.CharField(label="说明", max_length=300, required=False)


class VisitForm(forms.Form):
    ended_at = forms.DateTimeField(label="来访结束时间", widget=DT_WIDGET)
    visitor = forms.CharField(label="来访客人", max_length=100)
