"""Stand-in writers for tests of what happens when a real writer fails or hangs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jjj_brief.writers import Write, Writer


@dataclass(frozen=True)
class FakeWriter(Writer):
    """A registry row whose write function is given, not imported."""

    write: Any = field(default=None)

    def load(self) -> Write:
        return self.write  # type: ignore[no-any-return]
