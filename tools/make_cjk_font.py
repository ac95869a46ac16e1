"""Builds the bundled Chinese font (resources/fonts/) as a subset of Noto Sans CJK SC.

Why: a machine with no CJK font (a fresh Linux install, CI) shows every hanzi as a box on screen
and in the printed revisit sheets. AccountDesk therefore ships one font that covers what its
users type and what it prints, and prints with it everywhere so a sheet looks the same on
every machine.

Source: Debian's package fonts-noto-cjk 1:20220127+repack1-1 (Noto Sans CJK 2.004), face
"Noto Sans CJK SC" (index 2) of NotoSansCJK-Regular.ttc. Get it without installing the fonts
system-wide:

    apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb /tmp/noto
    pip install fonttools==4.68.0
    python tools/make_cjk_font.py /tmp/noto/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

The subset keeps every character of GBK (its 20,902 unified ideographs, a superset of GB2312's
6,763 hanzi, so names such as 王喆 or 刘堃 print too; symbols, pinyin letters, Greek,
Cyrillic), ASCII and Latin-1, general punctuation, CJK symbols and punctuation, full-width
forms, and every character that AccountDesk's own sources and translation files contain.
Left out on purpose:
- the Kangxi radicals and the CJK radicals supplement: the font draws ⼾ with the glyph of 户,
  and a PDF maps a glyph back to the lowest code point that shows it, so copied text would
  read "客⼾";
- the 'locl' feature (its Latin-script lookups replace digits after letters with glyphs no
  character maps to, so "KH-0001" could not be found in a PDF) and the vertical-writing
  features: nothing in AccountDesk is set vertically, and both roughly double the glyph count.
One weight, regular: GBK coverage in two weights would pass the 10 MB budget, and Qt
synthesizes bold (a missing character in a bold face would print as a box; a synthesized
bold never lacks one).

The family is renamed "AccountDesk Sans SC" so it never collides with a full Noto Sans CJK SC
installed on the same machine ("Noto" is Google's trademark; the licence, OFL 1.1, allows
modified versions under another name). The output is byte-for-byte reproducible from the
same source and fontTools version.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parents[1]
FAMILY = "AccountDesk Sans SC"
POSTSCRIPT = "AccountDeskSansSC-Regular"
OUTPUT = ROOT / "resources" / "fonts" / f"{POSTSCRIPT}.otf"
SC_FACE = 2  # JP, KR, SC, TC, HK, then the Mono faces, in NotoSansCJK-*.ttc
# Horizontal features that change how Chinese and Latin text look; see the docstring for 'locl'.
FEATURES = ["ccmp", "kern", "liga", "calt", "mark", "mkmk", "palt", "halt"]
BLOCKS = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1: ¥ · × ÷
    (0x2000, 0x206F),  # general punctuation: — – “ ” …
    (0x3000, 0x303F),  # CJK symbols and punctuation: 、。「」【】〇
    (0xFF00, 0xFFEF),  # full-width and half-width forms: （）：，￥
]
EXCLUDED = [
    (0x2E80, 0x2FDF),  # radicals (see the docstring)
    (0xE000, 0xF8FF),  # private use: GBK's unassigned codes map here
]
SOURCES = ["accountdesk/**/*.py", "resources/translations/*.ts", "resources/translations/incoming/*.json"]


def gbk_characters() -> set[str]:
    """Every character GBK encodes (a superset of GB2312)."""
    found = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                found.add(bytes((lead, trail)).decode("gbk"))
            except UnicodeDecodeError:
                continue
    return found


def source_characters(root: Path = ROOT) -> set[str]:
    """Every non-ASCII character in the app's sources and translation files."""
    found: set[str] = set()
    for pattern in SOURCES:
        for path in sorted(root.glob(pattern)):
            found.update(char for char in path.read_text(encoding="utf-8") if ord(char) > 0x7E)
    return found


def wanted_characters(root: Path = ROOT) -> set[str]:
    chars = gbk_characters() | source_characters(root)
    for first, last in BLOCKS:
        chars.update(chr(code) for code in range(first, last + 1))
    return {char for char in chars if not any(first <= ord(char) <= last for first, last in EXCLUDED)}


def _rename(font) -> None:
    """Name the subset as its own family; the copyright, licence and designer records stay."""
    names = font["name"]
    version = names.getDebugName(5) or ""
    for name_id in (1, 2, 3, 4, 5, 6, 16, 17, 18, 21, 22):
        names.removeNames(nameID=name_id)
    names.removeNames(platformID=1)  # the legacy Macintosh records; Windows ones are what Qt reads
    records = {
        1: FAMILY,
        2: "Regular",
        3: f"{version.removeprefix('Version ').split(';')[0]};AccountDesk;{POSTSCRIPT}",
        4: FAMILY,
        5: f"{version}; subset by AccountDesk tools/make_cjk_font.py",
        6: POSTSCRIPT,
    }
    for name_id, text in records.items():
        names.setName(text, name_id, 3, 1, 0x409)
    cff = font["CFF "].cff
    cff.fontNames = [POSTSCRIPT]
    top = cff.topDictIndex[0]
    top.FullName, top.FamilyName = FAMILY, FAMILY


def build(source: Path, output: Path = OUTPUT) -> Path:
    # recalcTimestamp=False keeps the source's dates, so the same inputs give the same bytes.
    font = TTCollection(str(source), recalcTimestamp=False).fonts[SC_FACE]
    face = font["name"].getDebugName(4)
    if face != "Noto Sans CJK SC":
        raise SystemExit(f"{source}: face {SC_FACE} is {face!r}, not Noto Sans CJK SC")
    options = subset.Options()
    options.layout_features = FEATURES
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(char) for char in wanted_characters()))
    subsetter.subset(font)
    _rename(font)
    output.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(output))
    return output


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="NotoSansCJK-Regular.ttc from Debian's fonts-noto-cjk")
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    output = build(args.source, args.out)
    print(f"source {args.source} sha256 {_sha256(args.source)}")
    print(f"wrote  {output} ({output.stat().st_size:,} bytes) sha256 {_sha256(output)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
