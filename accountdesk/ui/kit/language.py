"""The interface language: which Qt translators are installed, and switching them at runtime."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from accountdesk.core import i18n
from accountdesk.paths import bundled

LANGUAGES = ("zh_CN", "en")


def translations_dir() -> Path:
    return bundled("resources") / "translations"


def resolve(choice: str) -> str:
    """"system" follows ACCOUNTDESK_LANG / the locale (as the command line does)."""
    if choice in LANGUAGES:
        return choice
    return "zh_CN" if i18n.system_language() == "zh" else "en"


class LanguageSwitcher:
    """Installs AccountDesk's and Qt's own translations for one language at a time.

    Installing a translator makes Qt send every widget a LanguageChange event; widgets
    answer it by setting their texts again (see ``retranslate``), so switching needs no restart.
    """

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language: str | None = None

    def apply(self, choice: str) -> str:
        language = resolve(choice)
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before choosing a language")
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        for translator in self._load(language):
            app.installTranslator(translator)
            self._installed.append(translator)
        # Core error messages follow the same language as the screens around them.
        i18n.set_language("zh" if language == "zh_CN" else "en")
        QLocale.setDefault(QLocale("zh_CN" if language == "zh_CN" else "en_US"))
        self.language = language
        if not self._installed:
            # No translator changed, but screens may still show the other language.
            QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
        # Qt posts LanguageChange to each window; deliver it now so every label is in the new
        # language when this returns (the caller may go on to read or grab the screen).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        return language

    def _load(self, language: str) -> list[QTranslator]:
        loaded = []
        ours = QTranslator()
        if ours.load(f"accountdesk_{language}", str(translations_dir())):
            loaded.append(ours)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if language != "en":
            # Qt's own strings: standard buttons (Yes / No / Cancel), file dialogs, context menus.
            qt = QTranslator()
            if qt.load(f"qtbase_{language}", qt_dir):
                loaded.append(qt)
        return loaded


_switcher: LanguageSwitcher | None = None


def switcher() -> LanguageSwitcher:
    global _switcher
    if _switcher is None:
        _switcher = LanguageSwitcher()
    return _switcher


def current_language() -> str:
    return switcher().language or resolve("system")


def set_interface_language(choice: str, settings=None) -> str:
    """Switch the running interface to "zh_CN", "en" or "system"; remembered when settings given."""
    if settings is not None:
        settings.language = choice
    return switcher().apply(choice)
