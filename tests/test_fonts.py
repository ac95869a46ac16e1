"""The bundled Chinese font: it draws every Chinese text the app has, and the screen uses it when
the system has no Chinese font (as on a fresh Linux, and on this test machine)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter, QRawFont

import accountdesk.core.demo.vocabulary as demo_vocabulary
import accountdesk.printing.layout as sheet_layout
from accountdesk.paths import bundled
from accountdesk.printing import fonts

# Where a missing glyph would show as a box: hanzi, CJK punctuation and full-width forms.
CHINESE = [(0x3000, 0x303F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xFF00, 0xFFEF)]


def _chinese_in(text: str) -> set[str]:
    return {char for char in text if any(first <= ord(char) <= last for first, last in CHINESE)}


def _app_texts() -> dict[str, str]:
    translations = sorted((bundled("resources") / "translations").glob("*.ts"))
    assert translations, "no translation files found"
    files = [*translations, Path(demo_vocabulary.__file__), Path(sheet_layout.__file__)]
    return {path.name: path.read_text(encoding="utf-8") for path in files}


def test_bundled_font_has_a_glyph_for_every_chinese_character_the_app_writes(qapp):
    raw = QRawFont(str(fonts.bundled_font_path()), 24)
    assert raw.isValid() and raw.familyName() == fonts.BUNDLED_FAMILY
    texts = _app_texts()
    assert len(_chinese_in("".join(texts.values()))) > 1000  # these are the files the Chinese is in
    for name, text in texts.items():
        chars = "".join(sorted(_chinese_in(text)))
        glyphs = raw.glyphIndexesForString(chars)
        missing = "".join(char for char, glyph in zip(chars, glyphs, strict=True) if glyph == 0)
        assert missing == "", f"{name}: the bundled font lacks {missing}; re-run tools/make_cjk_font.py"


def test_bundled_font_covers_names_beyond_gb2312_and_leaves_out_radicals(qapp):
    raw = QRawFont(str(fonts.bundled_font_path()), 24)
    # 喆 and 堃 are common in given names and not in GB2312; ⼾ (a radical) would make PDFs
    # give back "客⼾" for 客户, since the font draws both with one glyph.
    glyphs = dict(zip("喆堃镕⼾⽇", raw.glyphIndexesForString("喆堃镕⼾⽇"), strict=True))
    assert all(glyphs[char] for char in "喆堃镕"), glyphs
    assert glyphs["⼾"] == 0 and glyphs["⽇"] == 0, glyphs


class _FontList:
    """Stands in for QFontDatabase: the families a machine has, and those that carry Chinese."""

    WritingSystem = QFontDatabase.WritingSystem

    def __init__(self, families: list[str], chinese: list[str]) -> None:
        self._families, self._chinese = families, chinese

    def families(self, writing_system=None) -> list[str]:
        return list(self._chinese if writing_system == self.WritingSystem.SimplifiedChinese else self._families)

    @staticmethod
    def isPrivateFamily(family: str) -> bool:
        return family.startswith(".")


@pytest.mark.parametrize(
    ("families", "chinese", "expected"),
    [
        (["DejaVu Sans", "WenQuanYi Micro Hei", "Noto Sans CJK SC"], ["WenQuanYi Micro Hei", "Noto Sans CJK SC"],
         "Noto Sans CJK SC"),
        (["Segoe UI", "Microsoft YaHei UI", "SimSun"], ["Microsoft YaHei UI", "SimSun"], "Microsoft YaHei UI"),
        (["DejaVu Sans", "AR PL UMing CN"], ["AR PL UMing CN"], "AR PL UMing CN"),
        (["DejaVu Sans", fonts.BUNDLED_FAMILY], [fonts.BUNDLED_FAMILY], None),
        (["DejaVu Sans", ".PingFang SC"], [".PingFang SC"], None),
    ],
)
def test_system_chinese_font_is_the_best_the_machine_has(monkeypatch, families, chinese, expected):
    monkeypatch.setattr(fonts, "QFontDatabase", _FontList(families, chinese))
    assert fonts.system_cjk_family() == expected


def _drawn(family: str, char: str) -> QImage:
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    font = QFont(family)
    font.setPixelSize(48)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), int(Qt.AlignmentFlag.AlignCenter), char)
    painter.end()
    return image


def _inked(image: QImage) -> int:
    return sum(1 for y in range(image.height()) for x in range(image.width()) if image.pixelColor(x, y).value() < 128)


def test_without_a_system_chinese_font_the_screen_draws_hanzi_with_the_bundled_one(qapp, monkeypatch):
    monkeypatch.setattr(fonts, "system_cjk_family", lambda: None)
    family = fonts.ensure_cjk_font()
    assert family == fonts.BUNDLED_FAMILY
    assert family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    # A missing glyph is drawn as the same box for every character (or not at all).
    shapes = {char: _drawn(family, char) for char in "客户级"}
    assert all(_inked(image) > 100 for image in shapes.values())
    assert shapes["客"] != shapes["户"] and shapes["户"] != shapes["级"] and shapes["客"] != shapes["级"]


def test_the_application_font_shows_chinese(qapp):
    from accountdesk.ui.app import make_application

    before = QFont(qapp.font())
    try:
        app = make_application()
        family = fonts.ensure_cjk_font()
        assert app.font().families()[0] == family
        shapes = [_drawn(app.font().family(), char) for char in "回访"]
        assert all(_inked(image) > 100 for image in shapes) and shapes[0] != shapes[1]
    finally:
        qapp.setFont(before)
