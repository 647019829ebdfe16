"""Rare name characters on screen: the bundled fallback fonts behind the main CJK font.

WenQuanYi Micro Hei lacks the CJK extensions that Chinese names often draw on; the
application font lists the fallback fonts after it, and a label must draw such a name with
their glyphs, not as boxes.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextLayout
from PySide6.QtWidgets import QLabel

from desktop.kit.fonts import FALLBACKS, FAMILY

# Ext. B (𡈽 U+2123D), Ext. G (𰻞 U+30EDE) and Ext. A (㐀) beside a common surname.
RARE_NAME = "王𡈽𰻞㐀"
NO_FONT_HAS = "\U0002ebf0"  # Ext. I: none of the bundled fonts has it
FALLBACK_FAMILIES = [family for _file, family in FALLBACKS]
PIXELS = 64


def _label(qtbot, text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("rare_name")
    label.setAccessibleName("Customer name")
    font = QFont(label.font())
    font.setPixelSize(PIXELS)
    label.setFont(font)
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    return label


def _ink(image: QImage) -> set[tuple[int, int]]:
    """Dark pixels, relative to the top left of their bounding box."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    stride, data = gray.bytesPerLine(), bytes(gray.constBits())
    dark = {
        (x, y)
        for y in range(gray.height())
        for x in range(gray.width())
        if data[y * stride + x] < 128
    }
    if not dark:
        return dark
    left, top = min(x for x, _ in dark), min(y for _, y in dark)
    return {(x - left, y - top) for x, y in dark}


def _near(ink: set[tuple[int, int]], other: set[tuple[int, int]]) -> float:
    grown = {(x + dx, y + dy) for x, y in other for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    return len(ink & grown) / max(len(ink), 1)


def _own_rendering(family: str, ch: str) -> set[tuple[int, int]]:
    """``ch`` drawn in one bundled family alone, at the label's size."""
    font = QFont(family)
    font.setPixelSize(PIXELS)
    image = QImage(3 * PIXELS, 2 * PIXELS, QImage.Format.Format_ARGB32)
    image.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor(Qt.GlobalColor.black))
    painter.drawText(QPointF(PIXELS / 2, 1.5 * PIXELS), ch)
    painter.end()
    return _ink(image)


def test_application_font_lists_the_fallbacks_after_the_main_font(qapp, cjk_font):
    assert qapp.font().families() == [FAMILY, *FALLBACK_FAMILIES]


def test_label_lays_out_a_rare_name_with_glyphs_of_the_bundled_fonts(qtbot, cjk_font):
    label = _label(qtbot, RARE_NAME)
    layout = QTextLayout(label.text(), label.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = {run.rawFont().familyName(): list(run.glyphIndexes()) for run in layout.glyphRuns()}
    # One glyph per character (𡈽 and 𰻞 are surrogate pairs in Qt's UTF-16), none missing.
    assert runs.keys() == {FAMILY, "HanaMinA Fallback", "HanaMinB Fallback",
                           "BabelStone Han Fallback"}  # fmt: skip
    assert sum(len(glyphs) for glyphs in runs.values()) == len(RARE_NAME)
    assert all(0 not in glyphs for glyphs in runs.values()), runs


def test_label_draws_an_ext_b_character_not_a_box(qtbot, cjk_font):
    drawn = _ink(_label(qtbot, "𡈽").grab().toImage())
    own = _own_rendering("HanaMinB Fallback", "𡈽")
    assert len(own) > 200
    assert _near(drawn, own) > 0.97 and _near(own, drawn) > 0.97
    # What a character no font has looks like: the comparison tells it apart.
    box = _ink(_label(qtbot, NO_FONT_HAS).grab().toImage())
    assert _near(box, own) < 0.8 or _near(own, box) < 0.8
