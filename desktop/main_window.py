"""The main window: header (unit, user, role), navigation list, and the stack of pages."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QFont,
    QFontMetrics,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.dialogs.conflicts import ConflictsDialog
from desktop.dialogs.login import LoginDialog
from desktop.dialogs.sync_settings import SyncSettingsDialog
from desktop.i18n import LANGUAGE_NAMES, LANGUAGES
from desktop.navigation import TODAY
from desktop.pages import PageSpec
from desktop.sync_controller import SyncController
from desktop.widgets.sync_status import SyncStatusBar
from sync import paths
from sync.clock import china_today
from sync.errors import SignInRequired
from sync.records import ROLE_LABELS, label

logger = logging.getLogger(__name__)

NAVIGATION_WIDTH = 150
# Kept equal to the style sheet's QListWidget#navigation font size and item side padding.
NAVIGATION_FONT_PX = 14
NAVIGATION_PADDING_PX = 14
DAY_CHECK_INTERVAL_MS = 60_000


class HeaderBar(QWidget):
    """Unit, user and role on the left; the sync button on the right."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        profile = context.profile

        app_title = QLabel(self.tr("SafeDesk"))
        app_title.setObjectName("appTitle")
        self.unit_label = QLabel(profile.unit_name)
        self.unit_label.setObjectName("headerDetail")
        role = label(ROLE_LABELS, profile.role, context.language)
        self.user_label = QLabel(
            self.tr("{name} · {role}").format(name=profile.person_name, role=role)
        )
        self.user_label.setObjectName("headerDetail")
        self.day_label = QLabel(china_today().isoformat())
        self.day_label.setObjectName("headerDetail")
        self.day_label.setToolTip(self.tr("Today in China (Asia/Shanghai)"))

        self.sync_button = QPushButton(self.tr("Sync (F5)"))
        self.sync_button.setObjectName("syncButton")
        self.sync_button.setEnabled(context.sync is not None)
        self.sync_button.setToolTip(self.tr("Sync with the provincial platform"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 10, 6)
        layout.setSpacing(16)
        layout.addWidget(app_title)
        layout.addWidget(self.unit_label)
        layout.addWidget(self.user_label)
        layout.addStretch(1)
        layout.addWidget(self.day_label)
        layout.addWidget(self.sync_button)

    def show_day(self, day) -> None:
        self.day_label.setText(day.isoformat())


class MainWindow(QMainWindow):
    """Shows one page at a time; pages ask for others through ``context.navigator``.

    Pages are made when first shown. Before a page is hidden, and when the window closes, its
    ``flush()`` saves whatever was typed but not yet written.
    """

    language_change_requested = Signal(str)
    """The user picked another language in the menu (``zh_CN`` or ``en``)."""

    page_shown = Signal(str)
    """A page (by key) became the visible one."""

    def __init__(self, context: AppContext, specs: list[PageSpec]) -> None:
        super().__init__()
        self.context = context
        self._specs = {spec.key: spec for spec in specs}
        self._pages: dict[str, QWidget] = {}
        self._history: list[tuple[str, object | None]] = []
        self.current_key: str | None = None
        self._current_target: object | None = None
        self.setWindowTitle(self.tr("SafeDesk · Special Equipment Safety Desk"))

        self.header = HeaderBar(context)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setWordWrap(True)
        for spec in specs:
            if not spec.in_navigation:
                continue
            item = QListWidgetItem(QCoreApplication.translate("Navigation", spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            if spec.shortcut:
                item.setToolTip(spec.shortcut)
            self.navigation.addItem(item)
        self._fit_navigation_width()
        self.navigation.itemSelectionChanged.connect(self._navigation_picked)
        self.stack = QStackedWidget()

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.navigation)
        body.addWidget(self.stack, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)

        self._build_menus(specs)
        context.navigator.navigate_requested.connect(self.show_page)
        self._user_sync = False
        self.sync_status: SyncStatusBar | None = None
        if context.sync is not None:
            self._connect_sync(context.sync)

        # A station laptop may stay open overnight: at the China midnight the header and the
        # lists move to the new day (a draft of yesterday stays yesterday's record).
        self._day = china_today()
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(DAY_CHECK_INTERVAL_MS)
        self._day_timer.timeout.connect(self._check_day)
        self._day_timer.start()

    def _fit_navigation_width(self) -> None:
        """At least NAVIGATION_WIDTH, wider when a title needs it (English "Weekly
        investigation"): a cut title is a page the user cannot find."""
        font = QFont(self.navigation.font())
        font.setPixelSize(NAVIGATION_FONT_PX)
        font.setBold(True)  # the selected title is bold
        metrics = QFontMetrics(font)
        widest = max(
            (
                metrics.horizontalAdvance(self.navigation.item(row).text())
                for row in range(self.navigation.count())
            ),
            default=0,
        )
        frame = 2 * self.navigation.frameWidth() + 1  # plus the 1 px right border
        self.navigation.setFixedWidth(
            max(NAVIGATION_WIDTH, widest + 2 * NAVIGATION_PADDING_PX + frame + 2)
        )

    # Sync (#4) ----------------------------------------------------------------------------

    def _connect_sync(self, controller: SyncController) -> None:
        self.sync_status = SyncStatusBar(controller, self.context.language)
        self.sync_status.conflicts_requested.connect(self.open_conflicts)
        self.sync_status.sign_in_requested.connect(self.open_login)
        self.statusBar().addPermanentWidget(self.sync_status, 1)
        self.header.sync_button.clicked.connect(self.sync_now)
        controller.status_changed.connect(self._sync_status_changed)
        controller.run_finished.connect(self._sync_finished)
        self.context.events.records_changed.connect(lambda _kind: controller.refresh_status())
        self._sync_status_changed(controller.status)

    def sync_now(self) -> None:
        """The Sync button and F5: start a run, or ask to sign in first."""
        controller = self.context.sync
        if controller is None:
            return
        self.flush_all()
        self._user_sync = True
        if not controller.start() and controller.status.state == "sign_in":
            self._user_sync = False
            self.open_login()

    def _sync_status_changed(self, status) -> None:
        self.header.sync_button.setEnabled(status.state != "running")
        self.sign_out_action.setEnabled(status.signed_in)

    def _sync_finished(self, result) -> None:
        asked = self._user_sync
        self._user_sync = False
        for kind in ("hazard", "daily_check", "weekly_report", "monthly_minutes", "equipment"):
            self.context.events.records_changed.emit(kind)
        if asked and isinstance(result.error, SignInRequired):
            self.open_login()

    def open_login(self) -> None:
        controller = self.context.sync
        if controller is None:
            return
        dialog = LoginDialog(controller, self.context.language, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            controller.start()

    def sign_out(self) -> None:
        """Sync → Sign out: forget the sign-in, keep every record and what waits to be sent.
        A running sync is cancelled first (between two requests), then the sign-in is
        forgotten; the status area says "not signed in" once it is."""
        controller = self.context.sync
        if controller is None:
            return
        controller.sign_out()

    def open_conflicts(self) -> None:
        dialog = ConflictsDialog(self.context, self)
        if self.context.sync is not None:
            dialog.decided.connect(self.context.sync.refresh_status)
        dialog.exec()

    def open_sync_settings(self) -> None:
        controller = self.context.sync
        if controller is None:
            return
        dialog = SyncSettingsDialog(controller, self.context.language, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if accepted and dialog.chosen_language != self.context.language:
            self.language_change_requested.emit(dialog.chosen_language)

    def _check_day(self) -> None:
        today = china_today()
        if today != self._day:
            logger.info("the China day changed to %s", today)
            self._day = today
            self.header.show_day(today)
            self.context.events.records_changed.emit("day")

    def sizeHint(self) -> QSize:
        return QSize(1280, 760)

    def _build_menus(self, specs: list[PageSpec]) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        open_data = file_menu.addAction(self.tr("Open the &data folder"))
        open_data.triggered.connect(lambda: self._open_folder(self.context.store.data_folder))
        open_logs = file_menu.addAction(self.tr("Open the &log folder"))
        open_logs.triggered.connect(lambda: self._open_folder(paths.log_dir()))
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("E&xit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for spec in specs:
            if not spec.in_navigation:
                continue
            action = go_menu.addAction(QCoreApplication.translate("Navigation", spec.title))
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            action.triggered.connect(lambda _=False, key=spec.key: self.show_page(key))
        back = go_menu.addAction(self.tr("&Back"))
        back.setShortcut(QKeySequence.StandardKey.Back)
        back.triggered.connect(self.go_back)

        if self.context.sync is not None:
            sync_menu = self.menuBar().addMenu(self.tr("&Sync"))
            self.sync_action = sync_menu.addAction(self.tr("Sync &now"))
            self.sync_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
            self.sync_action.triggered.connect(self.sync_now)
            cancel = sync_menu.addAction(self.tr("&Cancel the sync"))
            cancel.triggered.connect(self.context.sync.cancel)
            sync_menu.addSeparator()
            sign_in = sync_menu.addAction(self.tr("Sign &in…"))
            sign_in.triggered.connect(self.open_login)
            self.sign_out_action = sync_menu.addAction(self.tr("Sign o&ut"))
            self.sign_out_action.setObjectName("signOutAction")
            self.sign_out_action.setToolTip(
                self.tr("Forget the sign-in on this computer; records stay and wait to be sent.")
            )
            self.sign_out_action.triggered.connect(self.sign_out)
            conflicts = sync_menu.addAction(self.tr("C&onflicts and needs attention…"))
            conflicts.triggered.connect(self.open_conflicts)
            settings = sync_menu.addAction(self.tr("Sync &settings…"))
            settings.triggered.connect(self.open_sync_settings)

        language_menu = self.menuBar().addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for language in LANGUAGES:
            action = QAction(LANGUAGE_NAMES[language], self, checkable=True)
            action.setChecked(language == self.context.language)
            action.setData(language)
            group.addAction(action)
            language_menu.addAction(action)
        group.triggered.connect(self._language_picked)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = help_menu.addAction(self.tr("&About SafeDesk"))
        about.triggered.connect(self._about)

    def page(self, key: str) -> QWidget:
        """The page widget of ``key``, made on first use."""
        if key not in self._pages:
            widget = self._specs[key].factory(self.context)
            widget.setObjectName(f"page_{key}")
            self._pages[key] = widget
            self.stack.addWidget(widget)
        return self._pages[key]

    def show_page(self, key: str, target: object | None = None, *, remember: bool = True) -> None:
        """Show the page of ``key`` and hand it ``target`` (None: picked from the list)."""
        if key not in self._specs:
            logger.error("no page %s to show (target %s)", key, target)
            return
        self._flush_current()
        if remember and self.current_key is not None:
            self._history.append((self.current_key, self._current_target))
            del self._history[:-20]

        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        self.current_key = key
        self._current_target = target
        self._select_navigation(key)
        activate = getattr(widget, "activate", None)
        if callable(activate):
            activate(target)
        logger.debug("page %s shown (%s)", key, target)
        self.page_shown.emit(key)

    def go_back(self) -> None:
        if not self._history:
            self.show_page(TODAY, remember=False)
            return
        key, target = self._history.pop()
        self.show_page(key, target, remember=False)

    def _select_navigation(self, key: str) -> None:
        self.navigation.blockSignals(True)
        self.navigation.clearSelection()
        for row in range(self.navigation.count()):
            item = self.navigation.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                item.setSelected(True)
                self.navigation.setCurrentItem(item)
        self.navigation.blockSignals(False)

    def _navigation_picked(self) -> None:
        items = self.navigation.selectedItems()
        if items:
            self.show_page(items[0].data(Qt.ItemDataRole.UserRole))

    def _flush_current(self) -> None:
        if self.current_key is None:
            return
        flush = getattr(self._pages[self.current_key], "flush", None)
        if callable(flush):
            flush()

    def flush_all(self) -> None:
        """Save what every page holds unsaved (before closing or switching language)."""
        for widget in self._pages.values():
            flush = getattr(widget, "flush", None)
            if callable(flush):
                flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._day_timer.stop()
        self.flush_all()
        logger.info("main window closed")
        super().closeEvent(event)

    def _language_picked(self, action: QAction) -> None:
        language = action.data()
        if language != self.context.language:
            self.language_change_requested.emit(language)

    def _open_folder(self, folder) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About SafeDesk"),
            self.tr(
                "SafeDesk keeps the daily checks, weekly investigations, monthly meetings and "
                "hazards of special equipment, fully offline.\n\nData folder: {folder}"
            ).format(folder=self.context.store.data_folder),
        )
