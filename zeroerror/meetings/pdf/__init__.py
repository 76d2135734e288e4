"""Printable seating charts and 席卡 name cards (reportlab, vendored CJK font). Pure: no Django."""

from .cards import CardSpec, card_text, name_cards_pdf, plan_card_names
from .chart import PAPERS, ChartInfo, seating_chart_pdf
from .fonts import CJK_FONT, FONT_FILE, register_fonts

__all__ = [
    "CJK_FONT",
    "FONT_FILE",
    "PAPERS",
    "CardSpec",
    "ChartInfo",
    "card_text",
    "name_cards_pdf",
    "plan_card_names",
    "register_fonts",
    "seating_chart_pdf",
]
