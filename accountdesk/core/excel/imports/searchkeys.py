"""Search keys for a whole import at once: search.build_search_key's text, built with translation tables."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from accountdesk.core.archive.search import _char_pinyin, digits, normalize_text

_SEPARATOR = "|"


class SearchKeyBuilder:
    """Builds search keys identical to search.build_search_key (a test holds them equal).

    Call prepare() with every text it will see: the pinyin of each distinct character is then looked
    up once for the whole batch, and each text takes two str.translate calls. Without prepare() each
    text's characters are checked as they come."""

    def __init__(self) -> None:
        self._full: dict[int, str] = {}
        self._initials: dict[int, str] = {}
        self._known: set[str] = set()
        self._repeated: dict[str, tuple[str, ...]] = {}
        self._prepared = False

    def prepare(self, texts: Iterable[str | None]) -> None:
        joined = "".join(t for t in texts if t)
        # The keys are built from the folded text, so its characters are the ones to know.
        chars = set(joined) | set(unicodedata.normalize("NFKC", joined).lower())
        self._learn(chars - self._known)
        # From here on every text is assumed to be among those prepared: no per-text check.
        self._prepared = True

    def _learn(self, chars: set[str]) -> None:
        for char in chars:
            reading, initial = _char_pinyin(char)
            self._full[ord(char)] = reading
            self._initials[ord(char)] = initial
        self._known |= chars

    def _text_parts(self, text: str) -> tuple[str, ...]:
        plain = normalize_text(text)
        if not plain:
            return ()
        if not self._prepared:
            unknown = set(plain) - self._known
            if unknown:
                self._learn(unknown)
        return tuple(p for p in (plain, plain.translate(self._full), plain.translate(self._initials)) if p)

    def _cached_parts(self, text: str) -> tuple[str, ...]:
        parts = self._repeated.get(text)
        if parts is None:
            parts = self._text_parts(text)
            if len(self._repeated) < 100_000:
                self._repeated[text] = parts
        return parts

    def key(self, name: str, code: str = "", phone: str | None = None, extra_names: Sequence[str | None] = ()) -> str:
        parts: list[str] = list(self._text_parts(name)) if name else []
        for text in extra_names:
            if text:
                parts.extend(self._cached_parts(text))  # contact names repeat across customers
        if code:
            parts.append(normalize_text(code))
        number = digits(phone)
        if number:
            parts.append(number)
        return _SEPARATOR.join(dict.fromkeys(parts))
