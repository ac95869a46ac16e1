"""Search keys for a whole import at once: search.build_search_key's text, each distinct text read once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from accountdesk.core.archive.pinyin_readings import load as load_readings
from accountdesk.core.archive.search import digits, join_sections, normalize_text, text_section


class SearchKeyBuilder:
    """Builds search keys identical to search.build_search_key (a test holds them equal).

    Both read a text through search.text_section; here each distinct text's section is kept for the
    whole batch (contact names and company suffixes repeat across customers), and the reading
    tables are loaded by prepare(), before the rows are written."""

    _REMEMBERED = 200_000  # distinct texts kept: about a 100,000-customer sheet's names and contacts

    def __init__(self) -> None:
        self._sections: dict[str, str] = {}

    def prepare(self, texts: Iterable[str | None] = ()) -> None:
        load_readings()

    def _section(self, text: str) -> str:
        section = self._sections.get(text)
        if section is None:
            section = text_section.__wrapped__(text)  # the shared cache is too small for a batch
            if len(self._sections) < self._REMEMBERED:
                self._sections[text] = section
        return section

    def key(self, name: str, code: str = "", phone: str | None = None, extra_names: Sequence[str | None] = ()) -> str:
        section = self._section
        sections = [section(name) if name else ""]
        sections.extend(section(text) for text in extra_names if text)
        if code:
            sections.append(normalize_text(code))
        sections.append(digits(phone))
        return join_sections(sections)
