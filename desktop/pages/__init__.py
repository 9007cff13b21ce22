"""The pages of the main window, found by looking at the modules of this package.

A page module exposes ``PAGE = PageSpec(...)``. Adding a page means adding a module here; the
main window imports every module of the package at start and orders the navigation list by
``order``. A page widget may define:

- ``activate(target)``: called each time the page is shown, with its navigation target or None;
- ``flush()``: save anything typed but not yet written (called before the page is hidden and
  when the window closes).

A frozen build must ship these modules (PyInstaller: ``collect_submodules("desktop.pages")``),
because nothing imports them by name (#5).
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.context import AppContext

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageSpec:
    """How the main window shows a page.

    ``title`` is an English source string marked with ``QT_TRANSLATE_NOOP("Navigation", ...)``;
    the window translates it when it builds the navigation list. A page that is only reached
    through a link (the daily check) has ``in_navigation=False``.
    """

    key: str
    title: str
    order: int
    factory: Callable[[AppContext], QWidget]
    in_navigation: bool = True
    shortcut: str | None = None


def discover_pages() -> list[PageSpec]:
    """Every ``PAGE`` of this package's modules, in navigation order."""
    specs: list[PageSpec] = []
    for module_info in pkgutil.iter_modules(__path__, prefix=f"{__name__}."):
        module = importlib.import_module(module_info.name)
        spec = getattr(module, "PAGE", None)
        if isinstance(spec, PageSpec):
            specs.append(spec)
    keys = [spec.key for spec in specs]
    duplicates = {key for key in keys if keys.count(key) > 1}
    if duplicates:
        raise RuntimeError(f"two page modules claim the key(s) {sorted(duplicates)}")
    logger.debug("pages found: %s", keys)
    return sorted(specs, key=lambda spec: spec.order)
