"""Charts as floats: a figure that does not fit where it is called for waits for the next page.

Platypus moves a flowable that does not fit to the next frame and leaves the
rest of the page empty; a chart with its caption and source line is about
200 pt tall, so that is a third of a page left blank.  A typesetter does two
things instead, and so does this module, in this order:

1. **Give a little height.**  :class:`ChartFloat` (caption, chart, source
   line: one unit that never splits) lets the chart shrink to fill the room
   left, down to ``min_height`` (see :func:`.chart_drawing.chart_look`), so it
   stays beside the text that calls for it.
2. **Float.**  When even that does not fit, :class:`FloatPlacement` holds the
   figure back, lets the text after it fill the page, and puts the figure at
   the top of the next page at its natural height: before the next block, or
   after the rest of a paragraph or table broken over the page, so no sentence
   or table is cut in two by a chart (readers and ``pdftotext`` see the
   sentence whole).  Held figures keep their order, and are placed before any
   block that ``flushes_floats`` (the 简报's distribution block, which must
   stay last) and before the story ends.

Platypus has no floats; the hook is ``BaseDocTemplate.filterFlowables``
(documented: it may rewrite the head of the story before each flowable is
handled).  :class:`FloatPlacement` is an ``ActionFlowable`` that installs it
when the story reaches it, so the document template itself is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable, KeepTogether
from reportlab.platypus.doctemplate import ActionFlowable

FUZZ = 1e-6


class ChartFloat(Flowable):
    """A chart with its caption above and its source line below, laid out and moved as one.

    ``chart_at(height)`` draws the chart at a given height; ``height`` is its
    natural height and ``min_height`` the least it may be given to fit the room
    left in a frame.  It never splits.
    """

    def __init__(
        self,
        above: list[Flowable],
        chart_at: Callable[[float], Flowable],
        height: float,
        min_height: float,
        below: list[Flowable],
    ) -> None:
        super().__init__()
        self.above, self.below = above, below
        self.chart_at, self.natural_height, self.min_height = chart_at, height, min(min_height, height)
        self.held = False  # set once it has been held back: it is never held twice
        self._charts: dict[float, Flowable] = {}
        self.chart_height = height

    def _chart(self) -> Flowable:
        if self.chart_height not in self._charts:
            self._charts[self.chart_height] = self.chart_at(self.chart_height)
        return self._charts[self.chart_height]

    def _parts(self) -> list[Flowable]:
        return [*self.above, self._chart(), *self.below]

    def _fixed_height(self, width: float) -> float:
        """Everything but the chart: caption and source line, and the space between the parts."""
        parts = [*self.above, None, *self.below]
        height = sum(p.wrap(width, 10_000)[1] for p in parts if p is not None)
        for upper, lower in zip(parts, parts[1:]):
            height += (upper.getSpaceAfter() if upper is not None else 0.0) + (
                lower.getSpaceBefore() if lower is not None else 0.0
            )
        return height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Natural height if it fits; else the chart shrinks to fill ``availHeight``, if it may go that low."""
        self.width = availWidth
        fixed = self._fixed_height(availWidth)
        room = availHeight - fixed
        if room + FUZZ >= self.natural_height or room + FUZZ < self.min_height:
            self.chart_height = self.natural_height
        else:
            self.chart_height = float(int(room * 2) / 2)  # whole half points: stable output
        self.height = fixed + self.chart_height
        return availWidth, self.height

    def getSpaceBefore(self) -> float:
        return self.above[0].getSpaceBefore() if self.above else 0.0

    def getSpaceAfter(self) -> float:
        return self.below[-1].getSpaceAfter() if self.below else 0.0

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []  # a chart is never parted from its caption or its source line

    def draw(self) -> None:
        y = self.height
        previous: Flowable | None = None
        for part in self._parts():
            _, height = part.wrap(self.width, 10_000)
            y -= (previous.getSpaceAfter() if previous is not None else 0.0) + (
                part.getSpaceBefore() if previous is not None else 0.0
            )
            y -= height
            part.drawOn(self.canv, (self.width - part.width) / 2 if part.width < self.width else 0.0, y)
            previous = part


class FloatPlacement(ActionFlowable):
    """Put before the first :class:`ChartFloat` of a story: installs the float placement on the document."""

    def apply(self, doc: Any) -> None:
        if not isinstance(doc.filterFlowables, _Placement):
            doc.filterFlowables = _Placement(doc)


class _Placement:
    """The ``filterFlowables`` hook: holds figures back and places them again (see the module docstring)."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.held: list[ChartFloat] = []
        self.story: list[Flowable] | None = None  # the story as first seen: what is not in it is a remainder
        self.story_ids: set[int] = set()

    def __call__(self, flowables: list[Flowable]) -> None:
        frame = self.doc.frame
        if flowables is getattr(self.doc, "_hanging", None) or frame is None:
            return  # platypus's own page-begin actions go through the same hook
        if self.story is None:
            self.story = list(flowables)  # kept alive, so no remainder can take a story flowable's id
            self.story_ids = {id(f) for f in self.story}
        head = flowables[0]
        if head is None:
            return
        if self.held:
            if getattr(head, "flushes_floats", False):
                self._release(flowables, 0)
                return
            if frame._atTop:
                fresh = id(head) in self.story_ids or isinstance(head, KeepTogether)
                self._release(flowables, 0 if fresh else 1)
                return
            if len(flowables) == 1:
                self._release(flowables, 1)  # after the last block: the story must not end with figures held
                return
        if not isinstance(head, ChartFloat) or head.held:
            return
        if self.held or (not frame._atTop and not _fits(head, frame) and _can_be_overtaken(flowables)):
            head.held = True
            self.held.append(head)
            flowables[0] = None  # filterFlowables' contract: a None head is dropped

    def _release(self, flowables: list[Flowable], at: int) -> None:
        flowables[at:at] = self.held
        self.held = []


def _fits(figure: ChartFloat, frame: Any) -> bool:
    """Whether ``figure`` (shrunk if need be) fits in what is left of ``frame``; Frame.add's arithmetic."""
    space = figure.getSpaceBefore()
    if getattr(frame, "_oASpace", False):
        space = max(space - getattr(frame, "_prevASpace", 0.0), 0.0)
    room = frame._y - frame._y1p - space
    if room <= 0:
        return False
    _, height = figure.wrap(frame._getAvailableWidth(), room)
    return height <= room + FUZZ


def _can_be_overtaken(flowables: list[Flowable]) -> bool:
    """Something follows that may fill the page first: not the end of the story, not a flushing block."""
    return len(flowables) > 1 and flowables[1] is not None and not getattr(flowables[1], "flushes_floats", False)
