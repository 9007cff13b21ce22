"""Draw SafeDesk's app icon and write resources/icons/safedesk.png and safedesk.ico.

Run from the repository root whenever the design changes, then commit both files:

    python tools/make_icons.py

The icon is drawn with QPainter (no extra dependency): a white shield with a check mark on a
rounded safety-blue square. The .ico holds PNG-compressed images from 16 to 256 px, which every
Windows since Vista reads; each size is drawn at that size, so small ones stay crisp.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
BACKGROUND = QColor("#1d5fa8")
SHIELD = QColor("#ffffff")
CHECK = QColor("#1f9d55")


def draw_icon(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 100.0, size / 100.0)

    # The background: a rounded square filling the canvas, as Windows 11 app icons do.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BACKGROUND)
    painter.drawRoundedRect(QRectF(2, 2, 96, 96), 20, 20)

    # The shield: flat top, straight sides, curving to a point at the bottom.
    shield = QPainterPath()
    shield.moveTo(50, 12)
    shield.lineTo(80, 22)
    shield.lineTo(80, 48)
    shield.cubicTo(80, 68, 66, 80, 50, 88)
    shield.cubicTo(34, 80, 20, 68, 20, 48)
    shield.lineTo(20, 22)
    shield.closeSubpath()
    painter.setBrush(SHIELD)
    painter.drawPath(shield)

    # The check mark, thicker at small sizes so it survives at 16 px.
    stroke = 11.0 if size <= 24 else 9.0
    pen = QPen(CHECK, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    check = QPainterPath(QPointF(35, 49))
    check.lineTo(46, 60)
    check.lineTo(66, 37)
    painter.drawPath(check)

    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: list[bytes], sizes: tuple[int, ...]) -> bytes:
    """An ICO file whose entries are PNG images (ICONDIR, then ICONDIRENTRYs, then data)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, data in zip(sizes, images, strict=True):
        # A width or height of 256 is written as 0, as the format requires.
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(images)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICON_DIR.mkdir(parents=True, exist_ok=True)

    pngs = [png_bytes(draw_icon(size)) for size in ICO_SIZES]
    (ICON_DIR / "safedesk.ico").write_bytes(ico_bytes(pngs, ICO_SIZES))
    (ICON_DIR / "safedesk.png").write_bytes(png_bytes(draw_icon(256)))

    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
