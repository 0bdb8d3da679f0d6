"""The language of the window: Qt's own translation system.

Every user-visible string goes through `tr()` below; `pyside6-lupdate` collects
them into `resources/translations/lm_anatomy_<lang>.ts` (the sources, edited by translators),
`pyside6-lrelease` compiles each into the `.qm` beside it, which ships with the app
(packaging/README.md; `python -m app.i18n --update` runs both). Qt's own `qtbase_<lang>.qm` translates
the standard dialogs. Lessons and worksheets are HTML per language: `resources/lessons/<lang>/`.

The language is the one chosen in View > Language, else the system's, else English. Adding a language
is one `.ts` file and one lessons folder (README: "Translating LM Anatomy").

One convention, because lupdate and PySide6 disagree on contexts: every call site writes
`tr("text")` with the `tr` below (`from app.i18n import tr`), and constants that are translated later are
marked `QT_TR_NOOP("text")`. lupdate files a bare `tr(...)` or `QT_TR_NOOP(...)` under the empty context
wherever it stands (module level or inside a class), and this `tr` looks the text up in the empty context,
so what is extracted is what is looked up. Not used: a per-module helper `translate("Ctx", t)` (lupdate
files its calls under "" while it looks in "Ctx": never translated) and `self.tr` (filed under the class
it is written in; at run time the lookup starts from type(self), which only newer PySide6 versions follow up
the MRO). Placeholders are `{0}`, filled by `.format(...)` after translation; never tr(f"..."), which
lupdate would extract with the braces unfilled. Same English, same Spanish: one context for the whole app,
and a second argument (disambiguation) where one English word needs two translations.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from model.paths import resources_dir

LANGUAGE_KEY = "language"
NATIVE_NAMES = {"en": "English", "es": "Español"}  # each language named in itself, as pickers do
SOURCE_LANGUAGE = "en"
ROOT = Path(__file__).resolve().parent.parent


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the window's language (see the module docstring for why the context is empty)."""
    return QCoreApplication.translate("", text, disambiguation, n)


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks a constant for lupdate; translate it where it is shown, with tr(constant)."""
    return text


def translated(text) -> str:
    """What model/ said, in the window's language: a model.messages.Message (or an exception raised with one)
    has its template translated and filled with its arguments, themselves translated; any other text or
    exception is shown as it is."""
    from model.messages import Message, message_of

    if isinstance(text, BaseException):
        text = message_of(text)
    if not isinstance(text, Message):
        return str(text)
    args = [translated(a) if isinstance(a, Message) else a for a in text.args]
    return tr(text.template).format(*args) if args else tr(text.template)


def translations_dir() -> Path:
    return resources_dir() / "translations"


def available_languages() -> list[str]:
    """English, and every language whose compiled translation ships."""
    shipped = sorted(p.stem.removeprefix("lm_anatomy_") for p in translations_dir().glob("lm_anatomy_*.qm"))
    return [SOURCE_LANGUAGE] + [code for code in shipped if code != SOURCE_LANGUAGE]


def system_language() -> str:
    code = QLocale.system().name().split("_")[0]
    return code if code in available_languages() else SOURCE_LANGUAGE


def chosen_language(settings: QSettings, override: str | None = None) -> str:
    """--language (or LM_ANATOMY_LANGUAGE), else View > Language, else the system's language."""
    for wanted in (override, os.environ.get("LM_ANATOMY_LANGUAGE"), settings.value(LANGUAGE_KEY, "")):
        if isinstance(wanted, str) and wanted in available_languages():
            return wanted
    return system_language()


def install(app, language: str) -> list[QTranslator]:
    """Load the app's and Qt's translations for `language` into `app` (nothing for English). The
    translators are kept on the app: a QTranslator that is garbage-collected stops translating."""
    for old in getattr(app, "_lm_translators", []):
        app.removeTranslator(old)
    loaded = []
    if language != SOURCE_LANGUAGE:
        for name, folder in ((f"lm_anatomy_{language}", translations_dir()),
                             (f"qtbase_{language}", Path(QLibraryInfo.path(QLibraryInfo.TranslationsPath)))):
            translator = QTranslator(app)
            if translator.load(name, str(folder)):
                app.installTranslator(translator)
                loaded.append(translator)
    app._lm_translators = loaded
    app.setProperty("lm_language", language)
    QLocale.setDefault(QLocale(language))
    return loaded


def current_language() -> str:
    app = QCoreApplication.instance()
    value = app.property("lm_language") if app is not None else None
    return value if isinstance(value, str) and value else SOURCE_LANGUAGE


def localized_resource(folder: str, name: str, language: str | None = None) -> Path:
    """resources/<folder>/<language>/<name> where that translation exists, else the English original,
    resources/<folder>/en/<name> (lessons and worksheets: one folder per language)."""
    base = resources_dir() / folder
    translated = base / (language or current_language()) / name
    return translated if translated.is_file() else base / SOURCE_LANGUAGE / name


def choose_language(window, language: str) -> None:
    """View > Language: remember the choice; the window's texts are built once, so it takes effect on the
    next start, which the user may ask for at once (the same command line, started again)."""
    from PySide6.QtCore import QProcess
    from PySide6.QtWidgets import QMessageBox

    window.settings.setValue(LANGUAGE_KEY, language)
    window.settings.sync()
    if language == current_language():
        return
    name = NATIVE_NAMES.get(language, language)
    answer = QMessageBox.question(
        window, tr("Language"),
        tr("LM Anatomy will start in {0} next time. Restart now? Your prompt and settings are kept.").format(name))
    if answer == QMessageBox.Yes:
        args = sys.argv[1:] if getattr(sys, "frozen", False) else ["-m", "app", *sys.argv[1:]]
        window.close()  # saves the prompt and preferences first
        if not window.isVisible():
            QProcess.startDetached(sys.executable, args)


def translated_sources() -> list[str]:
    """What lupdate reads: the app, and model/, whose messages mark their templates (model/messages.py)."""
    return sorted(str(p.relative_to(ROOT)) for folder in ("app", "model") for p in (ROOT / folder).rglob("*.py"))


def update_translations() -> int:
    """lupdate every app source into each translations/*.ts, then lrelease them into resources/translations."""
    import subprocess

    sources = translated_sources()
    bin_dir = Path(sys.executable).parent
    for ts in sorted(translations_dir().glob("lm_anatomy_*.ts")):
        qm = ts.with_suffix(".qm")
        for cmd in ([str(bin_dir / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)],
                    [str(bin_dir / "pyside6-lrelease"), str(ts), "-qm", str(qm)]):
            done = subprocess.run(cmd, cwd=ROOT)
            if done.returncode:
                return done.returncode
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        sys.exit(update_translations())
    print("usage: python -m app.i18n --update", file=sys.stderr)
    sys.exit(2)
