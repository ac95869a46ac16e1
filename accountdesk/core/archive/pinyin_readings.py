"""How Chinese text is read for search: phrase readings, surnames and the common other readings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# A text is indexed under its phrase reading and at most this many readings in all, so a name
# full of polyphonic characters cannot blow up its key (each reading adds its pinyin and initials).
MAX_READINGS = 4

# Place names pypinyin's own phrase list reads with the everyday reading (长治 as zhangzhi, 朝阳 as
# zhaoyang); checked against CC-CEDICT. Used beside pypinyin's phrases.
PLACE_READINGS: dict[str, tuple[str, ...]] = {
    "长治": ("chang", "zhi"), "长葛": ("chang", "ge"), "长垣": ("chang", "yuan"), "长岭": ("chang", "ling"),
    "长海": ("chang", "hai"), "长丰": ("chang", "feng"), "长武": ("chang", "wu"), "长宁": ("chang", "ning"),
    "长清": ("chang", "qing"), "长顺": ("chang", "shun"), "长阳": ("chang", "yang"), "长泰": ("chang", "tai"),
    "长岛": ("chang", "dao"), "朝阳": ("chao", "yang"), "单县": ("shan", "xian"), "洪洞": ("hong", "tong"),
    "都匀": ("du", "yun"), "都昌": ("du", "chang"), "都安": ("du", "an"), "都兰": ("du", "lan"),
    "六合": ("lu", "he"), "会稽": ("kuai", "ji"), "荥经": ("ying", "jing"), "浚县": ("xun", "xian"),
    "涡阳": ("guo", "yang"), "繁峙": ("fan", "shi"), "阿勒泰": ("a", "le", "tai"),
}

# Surnames read otherwise than the character usually is (曾 zeng, not ceng; 单 shan, not dan), for
# the first characters of a text: a contact's name starts with the surname. Compound surnames first.
COMPOUND_SURNAMES: dict[str, tuple[str, str]] = {
    "尉迟": ("yu", "chi"), "万俟": ("mo", "qi"), "单于": ("chan", "yu"), "长孙": ("zhang", "sun"),
    "澹台": ("tan", "tai"), "乐正": ("yue", "zheng"), "子车": ("zi", "ju"),
}
SURNAMES: dict[str, str] = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao", "查": "zha", "缪": "miao",
    "覃": "qin", "盖": "ge", "柏": "bai", "薄": "bo", "翟": "zhai", "秘": "bi", "种": "chong", "重": "chong",
    "繁": "po", "员": "yun", "贲": "ben", "隗": "wei", "句": "gou", "乜": "nie", "佴": "nai", "召": "shao",
    "祭": "zhai", "折": "she", "粘": "nian", "藏": "zang", "都": "du", "乐": "yue",
}

# The other readings people commonly type for characters of names, places and trades (重庆 as
# zhongqing, 厦门 as shamen, 长沙 as zhangsha, 银行 as yinxing). Each is indexed as an alternative,
# one character at a time, so a name's alternatives grow with its length, not combinatorially.
# Kept to characters whose both readings are common in names: a rare reading (大 dai, 车 ju) would
# only make keys longer and match more noise.
COMMON_HETERONYMS: dict[str, tuple[str, ...]] = {
    "长": ("chang", "zhang"), "重": ("zhong", "chong"), "厦": ("sha", "xia"), "曾": ("ceng", "zeng"),
    "行": ("xing", "hang"), "乐": ("le", "yue"), "朝": ("chao", "zhao"), "单": ("dan", "shan"),
    "都": ("du", "dou"), "会": ("hui", "kuai"), "六": ("liu", "lu"), "番": ("fan", "pan"),
    "蚌": ("bang", "beng"), "堡": ("bao", "pu", "bu"), "莞": ("guan", "wan"), "涌": ("yong", "chong"),
    "浒": ("hu", "xu"), "埔": ("pu", "bu"), "荥": ("xing", "ying"), "莘": ("shen", "xin"),
    "宿": ("su", "xiu"), "尉": ("wei", "yu"), "蔚": ("wei", "yu"), "种": ("zhong", "chong"),
    "藏": ("cang", "zang"), "柏": ("bai", "bo"), "传": ("chuan", "zhuan"), "调": ("diao", "tiao"),
}


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


@dataclass(frozen=True)
class _Tables:
    """What reading a text needs, built from pypinyin's dictionaries once per process."""

    default: dict[str, str]  # each Han character's everyday reading
    full: dict[int, str]  # the same as str.translate tables: reading, and its first letter
    initial: dict[int, str]
    phrases: dict[str, tuple[str, ...]]  # pypinyin's phrases and ours, as plain syllables
    prefixes: frozenset[str]  # every beginning of a phrase, for forward maximum matching
    # Every phrase read otherwise than its characters' everyday readings holds one of `differing`
    # (the characters it reads otherwise); `around` gives, for the two characters starting at (or,
    # for a phrase's last character, ending at) such a character, the phrases and where those two
    # characters stand in them. A text holding none of these phrases reads the everyday way and
    # needs no segmentation: most texts, and segmenting is what costs.
    differing: re.Pattern[str]
    around: dict[str, tuple[tuple[str, int], ...]]
    notable: frozenset[str]  # `differing` as a set: one test rules most texts out


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    # Imported here: pypinyin's dictionaries take about half a second to load, and searching (as
    # opposed to building keys) never needs them, so the app starts without them.
    from pypinyin import Style
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT
    from pypinyin.style import convert as convert_style

    plain_of: dict[str, str] = {}

    def plain(toned: str) -> str:
        found = plain_of.get(toned)
        if found is None:
            found = plain_of[toned] = convert_style(toned, Style.NORMAL, True)
        return found

    default = {}
    for code, readings in PINYIN_DICT.items():
        char, reading = chr(code), plain(readings.split(",")[0])
        if reading and _is_han(char):
            default[char] = reading
    # Read as PHRASES_DICT is now, so phrases added with pypinyin's load_phrases_dict count too.
    phrases = {phrase: tuple(plain(r[0]) for r in readings) for phrase, readings in PHRASES_DICT.items()
               if len(phrase) > 1 and len(readings) == len(phrase)}
    phrases.update(PLACE_READINGS)
    around: dict[str, list[tuple[str, int]]] = {}
    differing: set[str] = set()
    for phrase, syllables in phrases.items():
        for index, (char, syllable) in enumerate(zip(phrase, syllables, strict=True)):
            if default.get(char, char) != syllable:
                differing.add(char)
                start = index if index + 1 < len(phrase) else index - 1
                around.setdefault(phrase[start:start + 2], []).append((phrase, start))
    return _Tables(
        default=default,
        full={ord(c): r for c, r in default.items()},
        initial={ord(c): r[0] for c, r in default.items()},
        phrases=phrases,
        prefixes=frozenset(phrase[:end] for phrase in phrases for end in range(2, len(phrase) + 1)),
        differing=re.compile("[" + "".join(re.escape(c) for c in sorted(differing)) + "]"),
        around={pair: tuple(dict.fromkeys(found)) for pair, found in around.items()},
        notable=frozenset(differing),
    )


def load() -> None:
    """Load pypinyin and build the tables now (a bulk builder does it before its timing starts)."""
    _tables()


def _reads_otherwise(text: str, tables: _Tables) -> bool:
    """Whether a phrase read otherwise than its characters' everyday readings occurs in `text`."""
    around = tables.around
    for match in tables.differing.finditer(text):
        at = match.start()
        for start in (at, at - 1):
            for phrase, offset in around.get(text[start:start + 2], ()) if start >= 0 else ():
                if start >= offset and text.startswith(phrase, start - offset):
                    return True
    return False


def _phrase_syllables(text: str, tables: _Tables) -> list[str]:
    """One syllable per character, read by phrases: pypinyin's forward maximum matching (the
    longest phrase starting here, then on after it), done here with plain sets because pypinyin's
    own segmenter would cost more than everything else in building keys."""
    default, phrases, prefixes = tables.default, tables.phrases, tables.prefixes
    syllables: list[str] = []
    start, size = 0, len(text)
    while start < size:
        end, longest = start + 2, 0
        while end <= size and text[start:end] in prefixes:
            if text[start:end] in phrases:
                longest = end
            end += 1
        if longest:
            syllables.extend(phrases[text[start:longest]])
            start = longest
        else:
            char = text[start]
            syllables.append(default.get(char, char))
            start += 1
    return syllables


def _surname_syllables(text: str, primary: list[str]) -> list[str] | None:
    compound = COMPOUND_SURNAMES.get(text[:2])
    if compound is not None:
        return [*compound, *primary[2:]]
    single = SURNAMES.get(text[:1])
    if single is not None:
        return [single, *primary[1:]]
    return None


def _readings(text: str, primary: list[str], everyday: list[str]) -> list[list[str]]:
    found = [primary]
    surname = _surname_syllables(text, primary)
    if surname is not None:
        found.append(surname)
    found.append(everyday)  # how keys read a text before phrases: no one loses a match they had
    for index, char in enumerate(text):
        for other in COMMON_HETERONYMS.get(char, ()):
            if other != primary[index]:
                found.append([*primary[:index], other, *primary[index + 1:]])
    unique: list[list[str]] = []
    for syllables in found:
        if syllables not in unique:
            unique.append(syllables)
            if len(unique) == MAX_READINGS:
                break
    return unique


_HETERONYM_CHARS = frozenset(COMMON_HETERONYMS)
_SURNAME_STARTS = frozenset(SURNAMES) | frozenset(name[0] for name in COMPOUND_SURNAMES)


def reading_parts(text: str) -> tuple[str, ...]:
    """A normalised text, then the full pinyin and initials of each way it is read, no repeats:
    the phrase reading first (长春 changchun, 重庆 chongqing), then a surname's reading of its first
    characters (曾伟 zengwei), the characters' everyday readings, and the common other readings of
    its polyphonic characters (厦门 shamen), at most MAX_READINGS in all. Characters that are not
    Chinese stay as they are."""
    if not text:
        return ()
    tables = _tables()
    surname = text[0] in _SURNAME_STARTS
    by_phrases = not tables.notable.isdisjoint(text) and _reads_otherwise(text, tables)
    if not (surname or by_phrases) and _HETERONYM_CHARS.isdisjoint(text):
        # Most texts: every character read its everyday way, nothing else to index.
        full = text.translate(tables.full)
        if full == text:
            return (text,)  # nothing Chinese in it
        initials = text.translate(tables.initial)
        return (text, full) if initials == full else (text, full, initials)
    default = tables.default
    everyday = [default.get(c, c) for c in text]
    primary = _phrase_syllables(text, tables) if by_phrases else everyday
    parts = [text]
    for syllables in _readings(text, primary, everyday):
        parts.append("".join(syllables))
        parts.append("".join([s[:1] for s in syllables]))
    return tuple(dict.fromkeys(parts))


def primary_reading(text: str) -> tuple[str, str]:
    """(full pinyin, initials) of a normalised text as it is said: its phrase reading."""
    tables = _tables()
    if not _reads_otherwise(text, tables):
        return text.translate(tables.full), text.translate(tables.initial)
    syllables = _phrase_syllables(text, tables)
    return "".join(syllables), "".join(s[:1] for s in syllables)
