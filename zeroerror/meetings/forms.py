from django import forms
from django.utils import timezone

from zeroerror.meetings import seating
from zeroerror.meetings.actions import FILE_PURPOSES, MAX_OCCURRENCES
from zeroerror.meetings.models import BannerKind, BreachKind, Reply, Room
from zeroerror.org.models import Person

DT_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.department.name}{' · ' + obj.position if obj.position else ''}）"


class PeopleChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.department.name}{' · ' + obj.position if obj.position else ''}）"


class RoomForm(forms.ModelForm):
    class Meta:
        model = Room
        fields = ["name", "location", "capacity", "is_large", "has_power", "has_sound", "has_video", "has_recording",
                  "has_projector", "podium_row_size", "hall_rows", "hall_cols", "active"]


class AttendeesForm(forms.Form):
    attendees = PeopleChoice(label="参会人员", queryset=Person.objects.none(),
                             widget=forms.SelectMultiple(attrs={"size": 12}))
    podium = PeopleChoice(label="主席台就座", queryset=Person.objects.none(), required=False,
                          widget=forms.SelectMultiple(attrs={"size": 6}),
                          help_text="大会议室开会时主席台人员；按职级排序自动排座次")
    host = PersonChoice(label="主持人", queryset=Person.objects.none(), required=False)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        people = people if people is not None else Person.objects.active()
        people = people.select_related("department").order_by("department__order", "rank", "id")
        for name in ("attendees", "podium", "host"):
            self.fields[name].queryset = people


class MeetingForm(AttendeesForm):
    title = forms.CharField(label="会议名称", max_length=200)
    purpose = forms.CharField(label="会议目的", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
    agenda = forms.CharField(label="会议议程", widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)
    start_at = forms.DateTimeField(label="开始时间", widget=DT_WIDGET)
    end_at = forms.DateTimeField(label="结束时间", widget=DT_WIDGET)
    room = forms.ModelChoiceField(label="会议室", queryset=Room.objects.none())
    weeks = forms.IntegerField(label="每周重复次数", min_value=1, max_value=MAX_OCCURRENCES, initial=1,
                               help_text="1 表示只开一次；每次都要有空闲的会议室，否则整个系列都不预订")
    materials_note = forms.CharField(label="需携带材料", required=False, max_length=1000)
    budget = forms.DecimalField(label="经费预算（元）", min_value=0, max_digits=12, decimal_places=2, initial=0)
    dress_code = forms.CharField(label="着装要求", required=False, max_length=100)
    rules = forms.CharField(label="会议纪律", required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2}),
                            initial="请提前10分钟到场签到；会议期间手机调至静音，不得随意进出。")
    important = forms.BooleanField(label="重要会议", required=False)

    field_order = ["title", "purpose", "agenda", "start_at", "end_at", "room", "weeks", "attendees", "podium", "host",
                   "materials_note", "dress_code", "rules", "budget", "important"]

    def __init__(self, *args, rooms=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = rooms if rooms is not None else Room.objects.active()

    def clean(self):
        data = super().clean()
        start, end = data.get("start_at"), data.get("end_at")
        if start and start <= timezone.now():
            self.add_error("start_at", "开始时间须晚于当前时间。")
        if start and end and end <= start:
            self.add_error("end_at", "结束时间须晚于开始时间。")
        return data


class ReplyForm(forms.Form):
    reply = forms.ChoiceField(label="回执", widget=forms.RadioSelect,
                              choices=[(Reply.ATTEND, Reply.ATTEND.label), (Reply.DEPUTY, Reply.DEPUTY.label),
                                       (Reply.ABSENT, Reply.ABSENT.label)],
                              error_messages={"required": "请选择回执：本人参加、委派他人参加或请假。"})
    deputy = PersonChoice(label="代参会人员（本单位）", queryset=Person.objects.none(), required=False,
                          help_text="选本单位人员的，由其本人扫码签到")
    deputy_name = forms.CharField(label="代参会人员姓名（外单位或不在名单中的）", required=False, max_length=50)
    reason = forms.CharField(label="请假事由", required=False, max_length=200)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        if people is not None:
            self.fields["deputy"].queryset = people.select_related("department").order_by("department__order", "rank")


class NoticeForm(forms.Form):
    reply_deadline = forms.DateTimeField(label="回执截止时间", widget=DT_WIDGET, required=False,
                                         help_text="不填则为会前一个工作日")


class RescheduleForm(forms.Form):
    start_at = forms.DateTimeField(label="新的开始时间", widget=DT_WIDGET)
    end_at = forms.DateTimeField(label="新的结束时间", widget=DT_WIDGET)
    room = forms.ModelChoiceField(label="会议室", queryset=Room.objects.none(), required=False,
                                  help_text="不选则仍在原会议室")
    reason = forms.CharField(label="改期原因", max_length=500)

    def __init__(self, *args, rooms=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = rooms if rooms is not None else Room.objects.active()


class ReasonForm(forms.Form):
    reason = forms.CharField(label="意见/原因", max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))


class SeatingForm(forms.Form):
    unit_order = forms.ChoiceField(label="单位排序", choices=[
        (seating.UnitOrder.LIST, "按公布的科室顺序"), (seating.UnitOrder.STROKES, "按笔画"),
        (seating.UnitOrder.PINYIN, "按拼音")])
    fill = forms.ChoiceField(label="排列方式", choices=[
        (seating.Fill.ROWS, "横排"), (seating.Fill.COLUMNS, "竖排"), (seating.Fill.CENTRE_OUT, "左右交错")])
    unit_starts_new_line = forms.BooleanField(label="每个单位另起一排（竖排为另起一列）", required=False)
    even_rule = forms.ChoiceField(label="主席台偶数排法", choices=[
        (seating.EvenRule.SECOND_ON_LEFT, "2号在1号左手（面向主席台看：…3 1 2 4…）"),
        (seating.EvenRule.YI_YOU_YI_ZUO, "一右一左（面向主席台看：…4 2 1 3…）")])
    two_seat = forms.ChoiceField(label="主席台两人时", choices=[
        (seating.TwoSeat.SECOND_ON_FIRSTS_LEFT, "2号在1号左手（面向主席台看：1 2）"),
        (seating.TwoSeat.FIRST_ON_LEFT, "1号居左（面向主席台看：2 1）")])
    host_position = forms.ChoiceField(label="主持人位置", choices=[
        (seating.HostPosition.BY_RANK, "按职级排座"), (seating.HostPosition.CENTRE, "居中"),
        (seating.HostPosition.END_LEFT, "前排左端（面向主席台看）"), (seating.HostPosition.END_RIGHT, "前排右端（面向主席台看）")])


class MinutesForm(forms.Form):
    text = forms.CharField(label="会议记录/纪要", widget=forms.Textarea(attrs={"rows": 8}), max_length=50000)


class DecisionForm(forms.Form):
    text = forms.CharField(label="议定事项", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
    owner = PersonChoice(label="责任人", queryset=Person.objects.none())
    due_at = forms.DateTimeField(label="完成时限", widget=DT_WIDGET)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        people = people if people is not None else Person.objects.active()
        self.fields["owner"].queryset = people.select_related("department")

    def clean_due_at(self):
        due = self.cleaned_data["due_at"]
        if due <= timezone.now():
            raise forms.ValidationError("完成时限须晚于当前时间。")
        return due


class AttachForm(forms.Form):
    purpose = forms.ChoiceField(label="文件类别", choices=[(p, p) for p in FILE_PURPOSES])
    file = forms.FileField(label="文件")


class ChecklistForm(forms.Form):
    """One 正常 tick and one note per item; an unticked item is a failure and needs its note."""

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for n, item in enumerate(self.items):
            self.fields[f"ok_{n}"] = forms.BooleanField(label=f"{item}：正常", required=False, initial=True)
            self.fields[f"note_{n}"] = forms.CharField(label=f"{item}：故障情况", required=False, max_length=300)

    def results(self) -> list[tuple[str, bool, str]]:
        return [(item, self.cleaned_data[f"ok_{n}"], self.cleaned_data[f"note_{n}"]) for n, item in enumerate(self.items)]


class SupervisorsForm(forms.Form):
    supervisors = PeopleChoice(label="会风监督员", queryset=Person.objects.none(), required=False,
                               widget=forms.SelectMultiple(attrs={"size": 8}),
                               help_text="由办公室和相关科室人员组成；重要会议必须指定（一(二)10）")

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        people = people if people is not None else Person.objects.active()
        self.fields["supervisors"].queryset = people.select_related("department").order_by("department__order", "rank")


class BreachForm(forms.Form):
    kind = forms.ChoiceField(label="情形", choices=BreachKind.choices)
    person = PersonChoice(label="当事人", queryset=Person.objects.none(), required=False)
    description = forms.CharField(label="情况说明", max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = (people if people is not None else Person.objects.none()).select_related(
            "department")


class NewsForm(forms.Form):
    title = forms.CharField(label="标题", max_length=200)
    text = forms.CharField(label="正文", max_length=20000, widget=forms.Textarea(attrs={"rows": 6}))


class BannerForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=BannerKind.choices)
    text = forms.CharField(label="文字", max_length=200)


class MaterialForm(forms.Form):
    title = forms.CharField(label="材料名称", max_length=200, help_text="同名材料再次上传即为新版本")
    file = forms.FileField(label="文件", help_text="Word 文档（.docx）上传后自动校对")
    copies_per_attendee = forms.IntegerField(label="每人份数", min_value=1, max_value=50, initial=1)
    spare_copies = forms.IntegerField(label="备用份数", min_value=0, max_value=500, initial=0)


class PlanForm(forms.Form):
    """Revising a draft 会议方案 (attendees are changed on their own page)."""

    title = MeetingForm.base_fields["title"]
    purpose = MeetingForm.base_fields["purpose"]
    agenda = MeetingForm.base_fields["agenda"]
    start_at = MeetingForm.base_fields["start_at"]
    end_at = MeetingForm.base_fields["end_at"]
    room = forms.ModelChoiceField(label="会议室", queryset=Room.objects.none())
    materials_note = MeetingForm.base_fields["materials_note"]
    dress_code = MeetingForm.base_fields["dress_code"]
    rules = MeetingForm.base_fields["rules"]
    budget = MeetingForm.base_fields["budget"]
    important = MeetingForm.base_fields["important"]

    def __init__(self, *args, rooms=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = rooms if rooms is not None else Room.objects.active()

    def clean(self):
        data = super().clean()
        start, end = data.get("start_at"), data.get("end_at")
        if start and start <= timezone.now():
            self.add_error("start_at", "开始时间须晚于当前时间。")
        if start and end and end <= start:
            self.add_error("end_at", "结束时间须晚于开始时间。")
        return data
