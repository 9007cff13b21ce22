"""The desktop's conflicts view over a real server conflict: decided field by field, after
which both laptops and the server agree. (Here, beside the engine tests, for their fixtures.)"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from desktop.dialogs.conflicts import ConflictsDialog
from sync.engine import adopt_profile
from sync.engine.conflicts import open_conflicts
from sync.hazards import update_hazard
from sync.profile import load_profile
from sync.store.models import Hazard
from tests.desktop.app_context import install_language, make_context
from tests.engine.conftest import BRAKE_HAZARD, LESHAN, Laptop, ReferenceServer


def test_choosing_mine_in_the_view_resolves_on_both_laptops(
    qtbot, laptops: list[Laptop], reference_server: ReferenceServer
) -> None:
    first, second = laptops
    update_hazard(first.store, BRAKE_HAZARD, {"rectification": "更换闸瓦"}, "张伟")
    update_hazard(second.store, BRAKE_HAZARD, {"rectification": "调整制动间隙"}, "王强")
    assert first.sync().completed
    assert second.sync().outcomes.get("conflict") == 1

    adopt_profile(second.store, LESHAN, "demo-officer")
    translations = install_language("zh_CN")
    context = make_context(second.store, load_profile(second.store))
    dialog = ConflictsDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    row = [dialog.model.index(0, column).data() for column in range(6)]
    assert (row[1], row[3], row[4]) == ("整改情况", "调整制动间隙", "更换闸瓦")
    # Which hazard, not only "a hazard": its equipment and the start of its description.
    assert row[0].startswith("隐患：云海脱挂式吊厢索道 · 安全制动器闸瓦磨损"), row[0]
    dialog.table.selectRow(0)
    assert dialog.detail_title.text() == f"{row[0]} — 整改情况"
    assert dialog.mine_button.isEnabled() and not dialog.dismiss_button.isEnabled()
    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)

    assert dialog.model.rowCount() == 0 and dialog.empty_label.isVisibleTo(dialog)
    assert second.sync().completed
    assert first.sync().completed
    for laptop in laptops:
        assert open_conflicts(laptop.store) == []
        with laptop.store.session() as session:
            assert session.get(Hazard, BRAKE_HAZARD).rectification == "调整制动间隙"
    assert reference_server.record(BRAKE_HAZARD).fields["rectification"] == "调整制动间隙"

    # The view closes with its own button, not only with the window's cross.
    dialog.show()
    close = dialog.close_buttons.button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    del translations
