"""The 接待方案 templates a plan is drafted from (clause 一(三)2): the usual schedule of each kind of visit (slots
with their offset from the guests' arrival; place and people left for the handler to fill) and the etiquette
checklist (一(三)6). Plain Python."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SlotTemplate:
    offset_minutes: int  # from the arrival
    minutes: int
    activity: str
    is_stop: bool = False


@dataclass(frozen=True)
class PlanTemplate:
    key: str
    label: str
    slots: tuple[SlotTemplate, ...]


ETIQUETTE = (
    ("着装", "接待人员着正装；来宾特殊着装要求："),
    ("礼宾次序", "迎送、座谈、合影按职务排序"),
    ("语言与翻译", "是否需要翻译或少数民族语言服务"),
    ("饮食禁忌", "民族、宗教、健康原因的饮食要求"),
    ("礼品", "按规定不赠送礼金、礼品、纪念品"),
    ("迎送", "不安排迎送、不张贴悬挂标语横幅、不铺设迎宾地毯"),
)

TEMPLATES = {t.key: t for t in (
    PlanTemplate("inspection", "参观考察", (
        SlotTemplate(0, 30, "迎接来宾，介绍日程"),
        SlotTemplate(30, 60, "参观考察点一", is_stop=True),
        SlotTemplate(100, 60, "参观考察点二", is_stop=True),
        SlotTemplate(170, 60, "座谈交流"),
        SlotTemplate(240, 60, "工作餐"),
    )),
    PlanTemplate("research", "上级检查调研", (
        SlotTemplate(0, 30, "迎接，简要汇报"),
        SlotTemplate(30, 90, "实地检查", is_stop=True),
        SlotTemplate(130, 60, "反馈座谈"),
        SlotTemplate(200, 60, "工作餐"),
    )),
    PlanTemplate("exchange", "学习交流", (
        SlotTemplate(0, 30, "迎接来宾"),
        SlotTemplate(30, 90, "交流座谈"),
        SlotTemplate(130, 60, "参观科室", is_stop=True),
        SlotTemplate(200, 60, "工作餐"),
    )),
)}

CHOICES = [(t.key, t.label) for t in TEMPLATES.values()]
