"""Languages: Chinese (zh_CN, the default) and English, through Qt's translators.

Source strings in the code are English; ``resources/translations/safedesk_zh_CN.ts`` holds the
Chinese, ``safedesk_en.ts`` the (identical) English so that a missing string is visible there
too. Strings are translated when shown and values are put in afterwards with ``str.format`` and
named fields (``{name}``), never inside the translation call. Qt's own ``qtbase`` catalogue is
loaded as well, so standard dialogs (file picker, message box buttons) speak Chinese; the few
Qt 6 strings that catalogue lacks are in ours, under Qt's own contexts (:data:`QT_CATALOGUE_GAPS`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from sync import paths

logger = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}
LANGUAGE_SETTING = "language"

# Strings of Qt's own file dialog that PySide6's qtbase_zh_CN.qm leaves in English: Qt 6 gave
# them a mnemonic or moved them to another context, the catalogue still has the Qt 5 wording.
# Marked here, lupdate puts them in our catalogue under Qt's contexts; Qt asks the translators
# in turn, so ours answers when qtbase has nothing. (The comments Qt passes with "Folder" and
# "Alias" need no match: a translator falls back to the entry without a comment.)
QT_CATALOGUE_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Alias"),
)


def translations_folder():
    return paths.resource_path("translations")


class Translations:
    """The translators installed in the application; ``install`` swaps them for a language.

    Translator objects must outlive their installation, so this object keeps them.
    """

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = DEFAULT_LANGUAGE

    def install(self, language: str) -> None:
        if language not in LANGUAGES:
            logger.warning("unknown language %s; using %s", language, DEFAULT_LANGUAGE)
            language = DEFAULT_LANGUAGE
        self.uninstall()
        app = QCoreApplication.instance()

        own = QTranslator()
        own_file = translations_folder() / f"safedesk_{language}.qm"
        if own.load(str(own_file)):
            app.installTranslator(own)
            self._installed.append(own)
        else:
            logger.error("translation file %s could not be loaded", own_file)

        if language != "en":
            # In a frozen build this is the bundle's PySide6/Qt/translations, which the build
            # must collect (qtbase_zh_CN.qm), or standard dialogs fall back to English (#5).
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qtbase = QTranslator()
            if qtbase.load(f"qtbase_{language}", qt_folder):
                app.installTranslator(qtbase)
                self._installed.append(qtbase)
            else:
                logger.warning("Qt's own %s translation not found in %s", language, qt_folder)

        QLocale.setDefault(QLocale(language))
        self.language = language
        logger.info("language set to %s", language)

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
