"""Forms of 财务管理. Amounts are typed as text and checked by ``rules.parse_amount`` in the action (one message for
the form and the API alike); a missing budget line or standard is refused by the action with its own message."""

from __future__ import annotations

from django import forms

from zeroerror.finance.actions.expenses import NO_LINE, NO_STANDARD
from zeroerror.finance.models import BudgetLine, Category, PrintMode, PrintShop, SpendingStandard
from zeroerror.org.models import Department

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
AMOUNT_WIDGET = forms.TextInput(attrs={"inputmode": "decimal", "placeholder": "如 1200.00"})


class LineChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.year}年 · {obj.name}（{obj.get_category_display()}）"


class StandardChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_category_display()} · {obj.name}（{obj.cap_text}）"


class BudgetLineForm(forms.Form):
    year = forms.CharField(label="预算年度", max_length=10)
    department = forms.ModelChoiceField(label="归口科室", queryset=Department.objects.none())
    category = forms.ChoiceField(label="支出类别", choices=Category.choices)
    name = forms.CharField(label="预算项目", max_length=100)
    amount = forms.CharField(label="预算金额（元）", max_length=40, widget=AMOUNT_WIDGET)
    note = forms.CharField(label="说明", required=False, max_length=500)

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.filter(unit=unit, active=True).order_by("order", "id")


class AdjustmentForm(forms.Form):
    new_amount = forms.CharField(label="调整后预算（元）", max_length=40, widget=AMOUNT_WIDGET)
    reason = forms.CharField(label="调整原因", max_length=500, widget=forms.Textarea(attrs={"rows": 2}),
                             help_text="如：上级追加经费、年中调整预算的批复文号")


class ExpenseForm(forms.Form):
    line = LineChoice(label="预算项目", queryset=BudgetLine.objects.none(), required=False,
                      help_text="只能在经批准的预算项目内列支", error_messages={"invalid_choice": NO_LINE})
    standard = StandardChoice(label="开支范围和标准", queryset=SpendingStandard.objects.none(), required=False,
                              error_messages={"invalid_choice": NO_STANDARD})
    spent_on = forms.DateField(label="支出日期", widget=DATE_WIDGET)
    description = forms.CharField(label="事由", max_length=300)
    amount = forms.CharField(label="金额（元）", max_length=40, widget=AMOUNT_WIDGET)
    quantity = forms.CharField(label="数量", max_length=12, initial="1",
                               help_text="按开支标准的计量单位填写，如人·天、页、次")
    reception_ref = forms.CharField(label="公函及接待清单编号", required=False, max_length=100,
                                    help_text="公务接待费必填（一(五)2）")
    print_mode = forms.ChoiceField(label="印制方式", required=False,
                                   choices=[("", "（非印刷费不填）")] + list(PrintMode.choices),
                                   help_text="印刷费必填：原则上内部打印复印；确需外印的，到定点打印店（一(五)3）")
    print_shop = forms.ModelChoiceField(label="定点打印店", queryset=PrintShop.objects.none(), required=False,
                                        error_messages={"invalid_choice": "请从定点名单中选择打印店。"})
    other_shop = forms.CharField(label="其他打印店", required=False, max_length=100,
                                 help_text="不在定点名单中的打印店一律不得外印")
    outside_reason = forms.CharField(label="外印理由", required=False, max_length=300)
    special_reason = forms.CharField(label="特批申请理由", required=False, max_length=1000,
                                     widget=forms.Textarea(attrs={"rows": 2}),
                                     help_text="超预算或超标准的支出须写明理由报领导特批；不填则不予登记")

    def __init__(self, *args, lines, standards, shops, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = lines
        self.fields["standard"].queryset = standards
        self.fields["print_shop"].queryset = shops


class StandardForm(forms.Form):
    category = forms.ChoiceField(label="支出类别", choices=Category.choices)
    name = forms.CharField(label="开支标准", max_length=100)
    cap = forms.CharField(label="限额（元）", required=False, max_length=40, widget=AMOUNT_WIDGET,
                          help_text="每计量单位的上限；空表示不设单项限额，以预算为限")
    per = forms.CharField(label="计量单位", max_length=20, help_text="如：人·天、页、次")


class PrintShopForm(forms.Form):
    name = forms.CharField(label="打印店", max_length=100)
    procurement_ref = forms.CharField(label="政府采购定点编号", max_length=100)
    address = forms.CharField(label="地址", required=False, max_length=200)
    valid_from = forms.DateField(label="定点起始日期", widget=DATE_WIDGET)
    valid_until = forms.DateField(label="定点截止日期", widget=DATE_WIDGET)


class NoteForm(forms.Form):
    note = forms.CharField(label="意见", required=False, max_length=500)
