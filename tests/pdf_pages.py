"""Reading a PDF in tests as a person would, with pip-installed libraries only (no poppler).

pypdf reads the structure (pages, which fonts are embedded); pdfium, the engine of Chrome's
viewer, gives the text a reader copies and renders pages. pdfium rather than pypdf for text:
it honours /ActualText, so text Qt draws twice for a synthesized bold comes out once, as in
any viewer, and it keeps a line's spaces as spaces.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy
import pypdfium2
from pypdf import PdfReader
from pypdf.generic import DictionaryObject


@contextmanager
def _document(pdf: Path) -> Iterator[pypdfium2.PdfDocument]:
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        yield document
    finally:
        document.close()


def page_count(pdf: Path) -> int:
    return len(PdfReader(pdf).pages)


def page_text(pdf: Path, page: int | None = None) -> str:
    """The text of one page (numbered from 1), or of every page, as a viewer copies it."""
    with _document(pdf) as document:
        numbers = [page] if page else range(1, len(document) + 1)
        texts = []
        for number in numbers:
            text_page = document[number - 1].get_textpage()
            texts.append(text_page.get_text_range())
        return "\f".join(texts)


@dataclass(frozen=True)
class PdfFont:
    name: str  # the BaseFont, e.g. "AccountDeskSansSC-Regular" (a subset prefix removed)
    embedded: bool


def _font_file(font: DictionaryObject) -> bool:
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _fonts_in(resources: DictionaryObject | None, found: dict[str, bool]) -> None:
    if resources is None:
        return
    resources = resources.get_object()
    for reference in (resources.get("/Font") or {}).values():
        font = reference.get_object()
        name = str(font.get("/BaseFont", "?")).lstrip("/")
        name = name.split("+", 1)[1] if len(name) > 7 and name[6] == "+" else name
        # A composite (Type0) font keeps its glyphs in its descendant; a Type3 font draws them itself.
        parts = [part.get_object() for part in font.get("/DescendantFonts", [])] or [font]
        embedded = all(_font_file(part) or part.get("/Subtype") == "/Type3" for part in parts)
        found[name] = found.get(name, True) and embedded
    for reference in (resources.get("/XObject") or {}).values():
        xobject = reference.get_object()
        if xobject.get("/Subtype") == "/Form":
            _fonts_in(xobject.get("/Resources"), found)


def fonts(pdf: Path) -> list[PdfFont]:
    """Every font the pages use, and whether the PDF carries its glyphs."""
    found: dict[str, bool] = {}
    for page in PdfReader(pdf).pages:
        _fonts_in(page.get("/Resources"), found)
    return [PdfFont(name, embedded) for name, embedded in sorted(found.items())]


def render_page(pdf: Path, page: int, dpi: float = 100) -> numpy.ndarray:
    """Page `page` (from 1) as an RGB image: an array of rows × columns × 3 bytes."""
    with _document(pdf) as document:
        bitmap = document[page - 1].render(scale=dpi / 72, rev_byteorder=True)
        return bitmap.to_numpy().copy()


def char_image(pdf: Path, page: int, text: str, dpi: float = 200) -> numpy.ndarray:
    """The rendered pixels of the first `text` on `page`, cut out along pdfium's character boxes."""
    with _document(pdf) as document:
        pdf_page = document[page - 1]
        text_page = pdf_page.get_textpage()
        index = text_page.get_text_range().find(text)
        assert index >= 0, f"{text!r} is not on page {page}"
        boxes = [text_page.get_charbox(index + offset) for offset in range(len(text))]
        scale = dpi / 72
        image = pdf_page.render(scale=scale, rev_byteorder=True).to_numpy()
        height = pdf_page.get_height()
        left, right = min(box[0] for box in boxes), max(box[2] for box in boxes)
        bottom, top = min(box[1] for box in boxes), max(box[3] for box in boxes)
        rows = slice(int((height - top) * scale), int((height - bottom) * scale) + 1)
        columns = slice(int(left * scale), int(right * scale) + 1)
        return image[rows, columns].copy()


def ink(image: numpy.ndarray) -> numpy.ndarray:
    """True where a pixel is darker than the paper."""
    return image.min(axis=2) < 128


def save_png(image: numpy.ndarray, path: Path) -> Path:
    """Write an RGB array as a PNG (with Qt, which the project has anyway) to look at."""
    from PySide6.QtGui import QImage

    rows, columns, _ = image.shape
    data = numpy.ascontiguousarray(image)
    picture = QImage(data.data, columns, rows, columns * 3, QImage.Format.Format_RGB888)
    assert picture.save(str(path)), path
    return path
