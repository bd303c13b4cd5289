"""Paint a chart :class:`~.chart_drawing.Picture` into a PNG for the DOCX, with Pillow.

Why not reportlab's ``renderPM``: since reportlab 4 it needs the ``rlPyCairo``
backend, which needs ``pycairo``; PyPI has no Linux wheel of pycairo (it
builds from source against the system's cairo headers and a compiler), and
reportlab 5 no longer accepts the older ``rl_renderPM`` extension.  Pillow is
already installed as a reportlab dependency, and a chart uses only five
shape types, so painting them here costs ~70 lines and no new dependency.

The PNG is drawn at :data:`DPI` (300, sharp in print) and tagged with that
resolution, so Word and LibreOffice size it from the inserted width alone.
Text uses the same bundled font files as the PDF, looked up by the
reportlab font name each ``String`` carries.
"""

from __future__ import annotations

import io
from functools import cache
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from jjj_brief.writers.charts.drawing import Picture, Shape
from jjj_brief.writers.pdf.fonts import HAN_FACES, LATIN_FACES, find_face_file

DPI = 300
_ANCHORS = {"start": "ls", "middle": "ms", "end": "rs"}


@cache
def _font_files() -> dict[str, str]:
    """reportlab font name → bundled file, for every face the PDF writer may register."""
    faces = [*LATIN_FACES.values(), *HAN_FACES.values()]
    return {face.name: str(find_face_file(face)) for face in faces}


@cache
def _font(name: str, pixels: int) -> Any:
    return ImageFont.truetype(_font_files()[name], pixels)


class _Painter:
    """Maps picture points (origin bottom left) to pixels (origin top left) and paints shapes."""

    def __init__(self, picture: Picture, dpi: int) -> None:
        self.scale = dpi / 72.0
        self.height = picture.height
        size = (round(picture.width * self.scale), round(picture.height * self.scale))
        self.image = Image.new("RGB", size, "white")
        self.draw = ImageDraw.Draw(self.image)

    def xy(self, x: float, y: float) -> tuple[float, float]:
        return x * self.scale, (self.height - y) * self.scale

    def px(self, length: float) -> int:
        return max(1, round(length * self.scale))

    def paint(self, shape: Shape) -> None:
        """One shape; a kind the chart module never makes is a bug, so it raises."""
        getattr(self, f"_{shape.kind.lower()}")(*shape.args, **shape.style)

    def _rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        fillColor: str | None = None,
        strokeColor: str | None = None,
        strokeWidth: float = 1,
    ) -> None:
        (xa, ya), (xb, yb) = self.xy(x, y), self.xy(x + w, y + h)
        # A bar below the zero line has a negative height; Pillow wants the corners in order.
        x0, x1, y0, y1 = min(xa, xb), max(xa, xb), min(ya, yb), max(ya, yb)
        self.draw.rectangle(
            (x0, y0, x1, y1), fill=fillColor, outline=strokeColor, width=self.px(strokeWidth) if strokeColor else 0
        )

    def _line(
        self, x1: float, y1: float, x2: float, y2: float, strokeColor: str = "#000000", strokeWidth: float = 1
    ) -> None:
        self.draw.line((self.xy(x1, y1), self.xy(x2, y2)), fill=strokeColor, width=self.px(strokeWidth))

    def _polyline(self, flat: list[float], strokeColor: str = "#000000", strokeWidth: float = 1) -> None:
        points = [self.xy(x, y) for x, y in zip(flat[::2], flat[1::2])]
        self.draw.line(points, fill=strokeColor, width=self.px(strokeWidth), joint="curve")

    def _circle(
        self,
        cx: float,
        cy: float,
        r: float,
        fillColor: str | None = None,
        strokeColor: str | None = None,
        strokeWidth: float = 1,
    ) -> None:
        (x, y), radius = self.xy(cx, cy), r * self.scale
        self.draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius),
            fill=fillColor,
            outline=strokeColor,
            width=self.px(strokeWidth),
        )

    def _string(
        self,
        x: float,
        y: float,
        text: str,
        fontName: str,
        fontSize: float,
        fillColor: str = "#000000",
        textAnchor: str = "start",
    ) -> None:
        font = _font(fontName, round(fontSize * self.scale))
        self.draw.text(self.xy(x, y), text, font=font, fill=fillColor, anchor=_ANCHORS[textAnchor])


def drawing_png(picture: Picture, dpi: int = DPI) -> bytes:
    """The picture as PNG bytes at ``dpi``, white background, resolution recorded in the file.

    zlib level 3: a chart has large flat areas, so the file is barely larger
    than at the default level 6 and is written in a third of the time.
    """
    painter = _Painter(picture, dpi)
    for shape in picture.contents:
        painter.paint(shape)
    buffer = io.BytesIO()
    painter.image.save(buffer, format="PNG", dpi=(dpi, dpi), compress_level=3)
    return buffer.getvalue()
