"""Maintaining the interface translations: extract (lupdate), fill, check and compile (lrelease).

    python -m tools.translation_files update          # extract strings, compile .qm
    python -m tools.translation_files fill zh_CN F.json  # merge {context: {source: text}}
    python -m tools.translation_files check           # list untranslated strings

Source strings are English; accountdesk_zh_CN.ts carries the Chinese, accountdesk_en.ts only
the English plural forms. Locations are left out of the .ts files so that several people
adding strings in different modules do not conflict on line numbers.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from accountdesk.paths import bundled

LANGUAGES = ("zh_CN", "en")


def ui_dir() -> Path:
    """The interface's sources, where every translatable string lives (not this tool's folder)."""
    return Path(__file__).resolve().parent.parent / "accountdesk" / "ui"


def ts_path(language: str) -> Path:
    return bundled("resources") / "translations" / f"accountdesk_{language}.ts"


def _tool(name: str) -> str:
    beside_python = Path(sys.executable).parent / name
    found = str(beside_python) if beside_python.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def source_files() -> list[str]:
    return sorted(str(p) for p in ui_dir().rglob("*.py") if "__pycache__" not in p.parts)


def update() -> None:
    """Extract every translatable string into both .ts files, then compile them."""
    finished = {language: _finished_counts(language) for language in LANGUAGES}
    for language in LANGUAGES:
        path = ts_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [_tool("pyside6-lupdate"), *source_files(), "-no-obsolete", "-locations", "none",
             "-target-language", language, "-ts", str(path)],
            check=True,
        )
    for language in LANGUAGES:
        mark_counted_messages(language, finished[language])
    fill_english_plurals()
    release()


def release() -> None:
    for language in LANGUAGES:
        path = ts_path(language)
        subprocess.run([_tool("pyside6-lrelease"), str(path), "-qm", str(path.with_suffix(".qm"))], check=True)


def _write(tree: ET.ElementTree, path: Path) -> None:
    """Write a .ts file laid out as lupdate lays it out (contexts at the margin), so that filling
    translations changes only the lines it fills."""
    root = tree.getroot()
    root.text = "\n"
    for context in root:
        ET.indent(context, space="    ")
        context.tail = "\n"
    body = ET.tostring(root, encoding="unicode").replace("'", "&apos;")  # as lupdate escapes it
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def _english_plural(source: str) -> tuple[str, str]:
    """("%n customer", "%n customers") from "%n customer(s)"; otherwise the source twice."""
    if "(s)" in source:
        return source.replace("(s)", ""), source.replace("(s)", "s")
    return source, source


def _finished_counts(language: str) -> set[tuple[str, str]]:
    """(context, source) of the count messages that have a finished translation now."""
    path = ts_path(language)
    if not path.exists():
        return set()
    found = set()
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if (message.get("numerus") == "yes" and translation is not None
                    and translation.get("type") != "unfinished"):
                found.add((name, message.findtext("source") or ""))
    return found


def mark_counted_messages(language: str, finished: set[tuple[str, str]] = frozenset()) -> None:
    """lupdate sees a count only in self.tr(text, "", n); a module's QCoreApplication.translate(context,
    text, "", n) it files as a plain message (and flags its translation unfinished when it was a
    count before), so English would read "1 day(s)". A source with %n or %Ln is a count wherever it
    is written: mark it so, its translation as its form, finished if it was before this run."""
    path = ts_path(language)
    tree = ET.parse(path)
    changed = False
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if message.get("numerus") == "yes" or ("%n" not in source and "%Ln" not in source):
                continue
            message.set("numerus", "yes")
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation", {"type": "unfinished"})
            text = translation.text
            translation.text = None
            ET.SubElement(translation, "numerusform").text = text if text and text.strip() else None
            if (name, source) in finished and text and text.strip():
                translation.attrib.pop("type", None)
            changed = True
    if changed:
        _write(tree, path)


def fill_english_plurals() -> None:
    """English needs a translation only where a plural form differs from the source."""
    path = ts_path("en")
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None:
            continue
        if message.get("numerus") == "yes":
            forms = translation.findall("numerusform")
            singular, plural = _english_plural(source)
            while len(forms) < 2:
                forms.append(ET.SubElement(translation, "numerusform"))
            forms[0].text, forms[1].text = singular, plural
        else:
            translation.text = source
        translation.attrib.pop("type", None)
    _write(tree, path)


def fill(language: str, mapping: dict[str, dict[str, str | list[str]]]) -> int:
    """Merge translations {context: {source: text or [plural forms]}} into a .ts file."""
    path = ts_path(language)
    tree = ET.parse(path)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        table = mapping.get(name, {})
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if source not in table:
                continue
            value = table[source]
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if message.get("numerus") == "yes":
                for child in list(translation):
                    translation.remove(child)
                for form in value if isinstance(value, list) else [value]:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = value if isinstance(value, str) else value[0]
            translation.attrib.pop("type", None)
            filled += 1
    _write(tree, path)
    return filled


def unfinished(language: str) -> list[tuple[str, str]]:
    """(context, source) of every string without a finished translation."""
    tree = ET.parse(ts_path(language))
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished",):
                missing.append((name, message.findtext("source") or ""))
    return missing


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "update"
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "fill":
        language, mapping_file = argv[1], Path(argv[2])
        count = fill(language, json.loads(mapping_file.read_text(encoding="utf-8")))
        print(f"filled {count} translations into {ts_path(language).name}")
        release()
    elif command == "check":
        status = 0
        for language in LANGUAGES:
            for context, source in unfinished(language):
                print(f"{language}\t{context}\t{source}")
                status = 1
        return status
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
