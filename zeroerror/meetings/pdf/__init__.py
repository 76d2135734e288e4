"""Printable seating charts, 席卡 name cards and 会标 proofs (reportlab, vendored CJK font). Pure: no Django."""

from .banner import BannerProof, banner_proof_pdf
from .cards import CardSpec, card_text, name_cards_pdf, plan_card_names
from .chart import PAPERS, ChartInfo, seating_chart_pdf
from .fonts import CJK_FONT, FONT_FILE, register_fonts

__all__ = [
    "BannerProof",
    "CJK_FONT",
    "FONT_FILE",
    "PAPERS",
    "CardSpec",
    "ChartInfo",
    "banner_proof_pdf",
    "card_text",
    "name_cards_pdf",
    "plan_card_names",
    "register_fonts",
    "seating_chart_pdf",
]
