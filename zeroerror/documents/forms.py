from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from zeroerror.documents.actions import PRINT_CHECKS
from zeroerror.documents.docnumber import DocumentKind, SecrecyLevel, Urgency
from zeroerror.documents.models import LEADER_ROLES, AgencyCode, Distribution, OutgoingDocument, SenderOrgan
from zeroerror.documents.timelimits import MAX_DAYS, IncomingStep, OutgoingStep
from zeroerror.org.models import Department, Person
from zeroerror.org.roles import Role

ALL_STEPS = [*IncomingStep, *OutgoingStep]
URGENCIES = [Urgency.EXTRA_URGENT, Urgency.URGENT, Urgency.NORMAL]

SECRECY_CHOICES = [("", "非密")] + SecrecyLevel.choices()
DATETIME = {"type": "datetime-local"}


def _textarea(rows: int = 4):
    return forms.Textarea(attrs={"rows": rows})


class OutgoingForm(forms.ModelForm):
    """拟稿 / 修改: the structured fields of the document (validated by the action)."""

    secrecy_level = forms.ChoiceField(label="密级", choices=SECRECY_CHOICES, required=False)
    agency_code = forms.ChoiceField(label="机关代字", required=False,
                                    help_text="不选则按文种自动选用（如函用“函”字代字）；代字由办公室主任设置")

    class Meta:
        model = OutgoingDocument
        fields = ["kind", "urgency", "agency_code", "secrecy_level", "secrecy_period", "title", "addressees", "body",
                  "attachment_names", "signature", "note", "copy_to", "copies", "attendees", "on_leave", "observers",
                  "countersign_departments"]
        widgets = {"body": _textarea(12), "attachment_names": _textarea(3), "copy_to": _textarea(3),
                   "attendees": _textarea(3), "on_leave": _textarea(2), "observers": _textarea(2),
                   "countersign_departments": forms.CheckboxSelectMultiple}

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit or (self.instance.unit if self.instance.pk else None)
        self.fields["signature"].required = False
        self.fields["signature"].help_text = "不填为本单位全称"
        if self.unit is not None and not self.instance.pk:
            self.fields["signature"].initial = self.unit.name
        self.fields["countersign_departments"].queryset = Department.objects.active().filter(unit=self.unit)
        codes = AgencyCode.objects.of_unit(getattr(self.unit, "pk", None)).active().order_by("code")
        choices = [("", "按文种自动选用")] + [(c.code, f"{c.code}（{c.kinds_display}）") for c in codes]
        if self.instance.pk:
            self.fields["agency_code"].initial = self.instance.agency_code
            if self.instance.agency_code not in {c.code for c in codes}:
                choices.append((self.instance.agency_code, self.instance.agency_code))
        self.fields["agency_code"].choices = choices

    def clean_signature(self):
        value = self.cleaned_data["signature"].strip()
        return value or (self.unit.name if self.unit else "")


class ReviewForm(forms.Form):
    override_reason = forms.CharField(label="校对差错放行理由", required=False, widget=_textarea(2),
                                      help_text="校对引擎发现差错而仍需通过核稿时填写，将被记录")


class FirstReadForm(forms.Form):
    policy = forms.BooleanField(label="政策性：符合党和国家方针政策、法律法规及上级规定", required=False)
    norms = forms.BooleanField(label="规范性：行文规则、文种、格式、体例符合要求", required=False)
    precision = forms.BooleanField(label="精准性：文字、数字、时间、名称准确无误", required=False)
    opinion = forms.CharField(label="首读意见", required=False, widget=_textarea(3),
                              help_text="任一项不通过时必填，文稿退回拟稿人修改")


class CountersignForm(forms.Form):
    agree = forms.TypedChoiceField(label="会签意见", coerce=lambda v: v == "yes",
                                   choices=[("yes", "同意"), ("no", "不同意，退回修改")])
    opinion = forms.CharField(label="意见", max_length=300, required=False)


class SignForm(forms.Form):
    opinion = forms.CharField(label="签发意见", max_length=300, initial="同意")


class VoidNumberForm(forms.Form):
    reason = forms.CharField(label="作废原因", max_length=300)


class PrintForm(forms.Form):
    secure_printing = forms.BooleanField(label="涉密公文已在符合保密要求的场所印制", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in PRINT_CHECKS.items():
            self.fields[key] = forms.BooleanField(label=f"已核对：{label}", required=False)
        self.order_fields([*PRINT_CHECKS, "secure_printing"])

    def action_kwargs(self):
        data = self.cleaned_data
        return {"checks": {k: data.get(k) for k in PRINT_CHECKS}, "secure_printing": data.get("secure_printing")}


class DistributeForm(forms.Form):
    recipients = forms.CharField(label="分发名单", widget=_textarea(4), required=False,
                                 help_text="每行一个接收单位；须包含全部主送、抄送机关，不填即按主送、抄送分发")
    note = forms.CharField(label="分发说明", required=False, max_length=300)

    def __init__(self, *args, doc=None, **kwargs):
        super().__init__(*args, **kwargs)
        if doc is not None:
            from zeroerror.documents.actions import required_recipients

            self.fields["recipients"].initial = "\n".join(required_recipients(doc))


class ReceiptForm(forms.Form):
    distribution = forms.ModelChoiceField(label="接收单位", queryset=Distribution.objects.none())
    receipt_by = forms.CharField(label="签收人", max_length=50, required=False)
    misdirected = forms.BooleanField(label="错发（对方退回，不属其接收）", required=False)
    note = forms.CharField(label="说明", max_length=300, required=False)

    def __init__(self, *args, doc=None, **kwargs):
        super().__init__(*args, **kwargs)
        if doc is not None:
            self.fields["distribution"].queryset = doc.distributions.awaiting_receipt()


class EmptyForm(forms.Form):
    pass


class AttachForm(forms.Form):
    upload = forms.FileField(label="文件")
    purpose = forms.CharField(label="用途", max_length=50, required=False, help_text="如 附件、扫描件、办理材料")


class RouteForm(forms.Form):
    person = forms.ModelChoiceField(label="人员", queryset=Person.objects.none())
    reason = forms.CharField(label="经办环节", max_length=50, initial="传阅")

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.active().filter(unit=unit).select_related("department")

    def action_kwargs(self):
        return {"person_added": self.cleaned_data["person"], "reason": self.cleaned_data["reason"]}


# 收文 ---------------------------------------------------------------------------------------------------------------

class OrganInput(forms.TextInput):
    """A text input offering the 来文机关 directory (names and abbreviations) as a datalist; typing stays possible."""

    def __init__(self, names=(), attrs=None):
        super().__init__(attrs)
        self.names = list(names)

    def render(self, name, value, attrs=None, renderer=None):
        list_id = f"{(attrs or {}).get('id', name)}-organs"
        html = super().render(name, value, {**(attrs or {}), "list": list_id, "autocomplete": "off"}, renderer)
        options = "".join(format_html('<option value="{}">', n) for n in self.names)
        return mark_safe(f'{html}<datalist id="{list_id}">{options}</datalist>')  # noqa: S308 (options escaped)


def organ_field() -> forms.CharField:
    return forms.CharField(label="来文机关", max_length=100, help_text="从名录中选择；简称自动换为规范全称")


class OrganFieldMixin:
    """``sender`` offers the unit's 来文机关 directory (``unit`` or the ``doc``'s unit)."""

    def __init__(self, *args, unit=None, doc=None, **kwargs):
        super().__init__(*args, **kwargs)
        unit = unit or getattr(doc, "unit", None)
        names = [n for o in SenderOrgan.objects.of_unit(getattr(unit, "pk", None)).active() for n in o.names]
        self.fields["sender"].widget = OrganInput(names)


class SenderOrganForm(forms.Form):
    name = forms.CharField(label="来文机关（规范全称）", max_length=100)
    aliases = forms.CharField(label="简称和别名", required=False, widget=_textarea(3), help_text="每行一个")
    active = forms.BooleanField(label="启用", required=False, initial=True)

    def clean_aliases(self):
        return [line.strip() for line in self.cleaned_data["aliases"].splitlines() if line.strip()]


class ReceiveForm(OrganFieldMixin, forms.Form):
    sender = organ_field()
    received_count = forms.IntegerField(label="件数", min_value=1, initial=1)
    urgency = forms.ChoiceField(label="紧急程度", choices=Urgency.choices(), initial=Urgency.NORMAL, required=False,
                                help_text="按来文标注；登记时可更正")


class RegisterForm(OrganFieldMixin, forms.Form):
    sender = organ_field()
    doc_number = forms.CharField(label="来文文号", max_length=50, help_text="如 青卫发〔2026〕12号")
    title = forms.CharField(label="标题", max_length=200)
    kind = forms.ChoiceField(label="文种", choices=[("", "—")] + DocumentKind.choices(), required=False)
    urgency = forms.ChoiceField(label="紧急程度", choices=Urgency.choices(), initial=Urgency.NORMAL)
    secrecy_level = forms.ChoiceField(label="密级", choices=SECRECY_CHOICES, required=False)
    secrecy_period = forms.CharField(label="保密期限", max_length=20, required=False, help_text="如 1年、6个月、长期")
    received_on = forms.DateField(label="收文日期", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    copies = forms.IntegerField(label="份数", min_value=1)
    pages = forms.IntegerField(label="页数", min_value=1)
    scan = forms.FileField(label="扫描件", required=False)
    year_confirmed = forms.BooleanField(label="文号年份已核对", required=False,
                                        help_text="文号年份比收文日期早一年以上的旧文，核对后勾选")

    def action_kwargs(self):
        data = dict(self.cleaned_data)
        upload = data.pop("scan", None)
        data["scans"] = [(upload.name, upload.read())] if upload else []
        return data


class WithdrawReceiptForm(forms.Form):
    reason = forms.CharField(label="撤销理由", max_length=200, widget=_textarea(2),
                             help_text="如：非本单位来文，误签；重复投递")


class IncomingReviewForm(forms.Form):
    ours = forms.TypedChoiceField(label="初审结论", coerce=lambda v: v == "yes",
                                  choices=[("yes", "属本单位办理，列入办理程序"), ("no", "不属本单位办理：退回或转办")])
    reason = forms.CharField(label="理由", required=False, widget=_textarea(2),
                             help_text="退回或转办时必填（行文规则、文种、格式或办理主体的问题）")
    transfer_to = forms.CharField(label="转至", required=False, max_length=100, help_text="转办时填写接收单位；不填为退回")


class ProposeForm(forms.Form):
    proposal = forms.CharField(label="拟办意见", widget=_textarea(3))
    leaders = forms.ModelMultipleChoiceField(label="呈送领导批示（批办件）", queryset=Person.objects.none(),
                                             widget=forms.CheckboxSelectMultiple, required=False)
    readers = forms.ModelMultipleChoiceField(label="传阅人员", queryset=Person.objects.none(), required=False,
                                             help_text="不呈领导批示的阅知件，传阅完毕即办结")
    main_department = forms.ModelChoiceField(label="拟主办科室", queryset=Department.objects.none(), required=False)

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        leaders = Person.objects.active().filter(unit=unit)
        ids = set()
        for role in LEADER_ROLES:
            ids |= set(leaders.with_role(role).values_list("pk", flat=True))
        self.fields["leaders"].queryset = leaders.filter(pk__in=ids)
        self.fields["readers"].queryset = Person.objects.active().filter(unit=unit).select_related("department")
        self.fields["main_department"].queryset = Department.objects.active().filter(unit=unit)


class InstructForm(forms.Form):
    text = forms.CharField(label="批示内容", widget=_textarea(3), strip=False, help_text="原文照录")
    due_at = forms.DateTimeField(label="要求办结时间", required=False,
                                 widget=forms.DateTimeInput(attrs=DATETIME, format="%Y-%m-%dT%H:%M"))

    def clean_due_at(self):
        due = self.cleaned_data["due_at"]
        if due is not None and due <= timezone.now():
            raise forms.ValidationError("要求办结时间须晚于当前时间。")
        return due


class AssignForm(forms.Form):
    main_department = forms.ModelChoiceField(label="主办科室", queryset=Department.objects.none())
    handler = forms.ModelChoiceField(label="承办人", queryset=Person.objects.none(), required=False,
                                     help_text="不选则由主办科室负责人承办")
    co_departments = forms.ModelMultipleChoiceField(label="协办科室", queryset=Department.objects.none(),
                                                    required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        departments = Department.objects.active().filter(unit=unit)
        self.fields["main_department"].queryset = departments
        self.fields["co_departments"].queryset = departments
        self.fields["handler"].queryset = Person.objects.active().filter(unit=unit).select_related("department")


class CirculateForm(forms.Form):
    readers = forms.ModelMultipleChoiceField(label="传阅人员", queryset=Person.objects.none())

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["readers"].queryset = Person.objects.active().filter(unit=unit).select_related("department")


class PaperInstructionForm(forms.Form):
    """The office enters a leader's handwritten 批示 (issue 11 2(d))."""

    leader = forms.ModelChoiceField(label="批示领导", queryset=Person.objects.none(), help_text="呈送的领导（或院长）")
    text = forms.CharField(label="批示内容", widget=_textarea(3), strip=False, help_text="按纸质批示原文照录")
    written_at = forms.DateTimeField(label="批示时间", widget=forms.DateTimeInput(attrs=DATETIME, format="%Y-%m-%dT%H:%M"),
                                     help_text="领导在阅办单上签批的时间")
    scan = forms.FileField(label="扫描件或照片", help_text="纸质批示页的扫描件或手机照片")
    due_at = forms.DateTimeField(label="要求办结时间", required=False,
                                 widget=forms.DateTimeInput(attrs=DATETIME, format="%Y-%m-%dT%H:%M"))

    def __init__(self, *args, doc=None, **kwargs):
        super().__init__(*args, **kwargs)
        if doc is not None:
            principal = Person.objects.active().with_role(Role.PRINCIPAL_LEADER).filter(unit_id=doc.unit_id)
            self.fields["leader"].queryset = Person.objects.filter(
                Q(pk__in=doc.leaders.values("pk")) | Q(pk__in=principal.values("pk")))


class WithdrawCirculationForm(forms.Form):
    reader = forms.ModelChoiceField(label="撤回谁的传阅", queryset=Person.objects.none(),
                                    help_text="只列出尚未阅毕的人员")
    reason = forms.CharField(label="撤回理由", max_length=200, widget=_textarea(2), help_text="如：出差在外，改由他人阅知")

    def __init__(self, *args, doc=None, **kwargs):
        super().__init__(*args, **kwargs)
        pending = doc.circulations.pending().values("reader_id") if doc is not None else []
        self.fields["reader"].queryset = Person.objects.filter(pk__in=pending)


class ReadForm(forms.Form):
    comment = forms.CharField(label="阅件意见", max_length=300, required=False)


class CompleteForm(forms.Form):
    result = forms.CharField(label="办理结果", widget=_textarea(3))
    reply = forms.CharField(label="答复情况", required=False, max_length=1000,
                            help_text="请示、函须填写：向来文机关答复的方式和文号")


class AgencyCodeForm(forms.Form):
    """One 机关代字 of the unit (issue 11 1(c))."""

    code = forms.CharField(label="机关代字", max_length=20, help_text="如 青医发、青医函、青医纪")
    kinds = forms.MultipleChoiceField(label="适用文种", choices=DocumentKind.choices(), required=False,
                                      widget=forms.CheckboxSelectMultiple,
                                      help_text="不选表示用于没有另设代字的所有文种；一个文种只能有一个代字")
    mark = forms.CharField(label="发文机关标志（版头）", max_length=100, required=False,
                           help_text="不填按文种自动：“××文件”，函为单位名称，纪要为“××纪要”")
    active = forms.BooleanField(label="启用", required=False, initial=True)


class TimeLimitForm(forms.Form):
    """The whole 办理时限 table as a grid (issue 11 item 4): for every step the days per 紧急程度, the per-文种 rows
    (all three blank removes one) and one row to add; validated as a whole by the action."""

    reason = forms.CharField(label="修改说明", max_length=300, help_text="为什么调整时限（记入审计和版本记录）")
    add_kind = forms.ChoiceField(label="新增按文种时限：文种", required=False,
                                 choices=[("", "—")] + DocumentKind.choices())
    add_step = forms.ChoiceField(label="步骤", required=False)

    def __init__(self, *args, table, **kwargs):
        super().__init__(*args, **kwargs)
        self.table = table
        self.default_rows, self.kind_rows = [], []
        for step in ALL_STEPS:
            self.default_rows.append((step, [self._days(f"{step.value}__{u.value}", table.limit(None, u, step),
                                                        f"{_direction(step)}·{step.label}·{u.label}", required=True)
                                             for u in URGENCIES]))
        for kind, step in sorted(((k, s) for k, s in table.rows if k is not None),
                                 key=lambda ks: (ks[0].value, ALL_STEPS.index(ks[1]))):
            limits = table.rows[(kind, step)]
            self.kind_rows.append((kind, step, [
                self._days(f"{kind.value}__{step.value}__{u.value}", limits.get(u),
                           f"{kind.label}·{_direction(step)}·{step.label}·{u.label}") for u in URGENCIES]))
        self.fields["add_step"].choices = [("", "—")] + [(s.value, f"{_direction(s)}·{s.label}") for s in ALL_STEPS]
        self.add_row = [self._days(f"add__{u.value}", None, f"新增·{u.label}") for u in URGENCIES]

    def _days(self, name: str, initial, label: str, *, required: bool = False) -> str:
        self.fields[name] = forms.IntegerField(label=label, min_value=0, max_value=MAX_DAYS, required=required,
                                               initial=initial, widget=forms.NumberInput(attrs={"class": "days"}))
        return name

    def clean(self):
        data = super().clean()
        if bool(data.get("add_kind")) != bool(data.get("add_step")):
            raise forms.ValidationError("新增按文种时限须同时选择文种和步骤")
        return data

    def table_data(self) -> dict:
        """The grid as a whole table in the ``TimeLimitTable.to_dict`` shape (Chinese labels)."""
        d = self.cleaned_data
        out: dict = {"收文": {}, "发文": {}, "按文种": {}}
        for step, names in self.default_rows:
            out[_direction(step)][step.label] = {u.label: d[n] for u, n in zip(URGENCIES, names, strict=True)}
        rows = [(kind, step, names) for kind, step, names in self.kind_rows]
        if d.get("add_kind") and d.get("add_step"):
            step = next(s for s in ALL_STEPS if s.value == d["add_step"])
            rows.append((DocumentKind(d["add_kind"]), step, self.add_row))
        for kind, step, names in rows:
            limits = {u.label: d[n] for u, n in zip(URGENCIES, names, strict=True) if d.get(n) is not None}
            if limits:
                out["按文种"].setdefault(kind.label, {}).setdefault(_direction(step), {})[step.label] = limits
        return out


def _direction(step) -> str:
    return "收文" if isinstance(step, IncomingStep) else "发文"
