"""The Qt catalogues: complete Chinese, safe placeholders, and in step with the code."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from desktop.i18n import Translations
from sync import paths

FOLDER = paths.resource_path("translations")
LANGUAGES = ("zh_CN", "en")
FIELD = re.compile(r"\{([a-z_]+)(?::[^}]*)?\}")
REPO = Path(__file__).resolve().parents[2]


def _tool(name: str) -> Path | None:
    candidate = Path(sys.executable).parent / name
    return candidate if candidate.exists() else None


def _messages(ts_file: Path) -> list[tuple[str, str, list[str], bool]]:
    """(context, source, translations, finished) of every message."""
    found = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [form.text or "" for form in translation.iter("numerusform")]
            if not forms:
                forms = [translation.text or ""]
            finished = translation.get("type") not in ("unfinished", "vanished", "obsolete")
            found.append((name, message.findtext("source"), forms, finished))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated_with_the_same_fields(language: str) -> None:
    messages = _messages(FOLDER / f"safedesk_{language}.ts")

    assert len(messages) > 100
    for context, source, forms, finished in messages:
        assert finished, f"{language}: unfinished {context}: {source!r}"
        for form in forms:
            assert form.strip(), f"{language}: empty {context}: {source!r}"
            assert sorted(FIELD.findall(form)) == sorted(FIELD.findall(source)), (
                f"{language}: the fields of {context}: {source!r} differ in {form!r}"
            )
            assert ("%n" in form) == ("%n" in source), f"{language}: %n in {source!r}"


def test_catalogues_hold_exactly_the_strings_of_the_code(tmp_path: Path) -> None:
    lupdate = _tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed next to this Python")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(path) for path in (REPO / "desktop").rglob("*.py"))

    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)

    in_code = {(context, source) for context, source, _, _ in _messages(fresh)}
    for language in LANGUAGES:
        catalogued = {(c, s) for c, s, _, _ in _messages(FOLDER / f"safedesk_{language}.ts")}
        assert in_code - catalogued == set(), f"run `make translations` ({language})"
        assert catalogued - in_code == set(), f"strings no longer in the code ({language})"


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language: str, tmp_path: Path) -> None:
    lrelease = _tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed next to this Python")
    source = tmp_path / f"safedesk_{language}.ts"
    shutil.copy(FOLDER / source.name, source)
    compiled = tmp_path / f"safedesk_{language}.qm"

    subprocess.run(
        [str(lrelease), str(source), "-qm", str(compiled)], check=True, capture_output=True
    )

    assert compiled.read_bytes() == (FOLDER / compiled.name).read_bytes(), (
        "the committed .qm is stale: run `make translations`"
    )


def test_qt_standard_dialogs_speak_chinese(qtbot) -> None:
    translations = Translations()
    translations.install("zh_CN")
    chooser = QFileDialog(None, "CA")
    chooser.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on Linux
    qtbot.addWidget(chooser)
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "SafeDesk",
        "?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
    )
    qtbot.addWidget(box)

    labels = {label.objectName(): label.text() for label in chooser.findChildren(QLabel)}
    folder_type = QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "")
    yes = box.button(QMessageBox.StandardButton.Yes).text()
    translations.uninstall()

    assert labels["lookInLabel"] == "查找范围(&L)："
    assert labels["fileTypeLabel"] == "文件类型(&T)："
    assert labels["fileNameLabel"] == "文件名称(&N)："
    assert folder_type == "文件夹"
    assert yes == "是(&Y)"
