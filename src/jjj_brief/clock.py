"""What time a build says it is: now, or ``SOURCE_DATE_EPOCH`` for reproducible builds.

The reproducible-builds convention: when ``SOURCE_DATE_EPOCH`` (seconds since
1970, UTC) is set, every date a build prints or stores comes from it, so two
builds of the same inputs give the same bytes.  One module reads it, so the
briefing's date line, the PDF and DOCX metadata and the catalog template
always agree, and a malformed value is refused the same way everywhere.
"""

from __future__ import annotations

import datetime as dt
import os

from jjj_brief.errors import BriefError


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` as seconds, None when unset or empty; a malformed value is an error.

    >>> os.environ["SOURCE_DATE_EPOCH"] = "1729814400"; source_date_epoch()
    1729814400
    >>> del os.environ["SOURCE_DATE_EPOCH"]; source_date_epoch() is None
    True
    """
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        raise BriefError(
            f"SOURCE_DATE_EPOCH is not a whole number of seconds: {raw!r}",
            hint="set it to e.g. the last commit time: git log -1 --format=%ct",
        ) from None


def build_time() -> dt.datetime:
    """The moment the build stands for, in UTC (whole seconds)."""
    epoch = source_date_epoch()
    if epoch is not None:
        return dt.datetime.fromtimestamp(epoch, tz=dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def issue_date() -> dt.date:
    """The date a briefing is issued: today (local), or the day of ``SOURCE_DATE_EPOCH``."""
    epoch = source_date_epoch()
    return build_time().date() if epoch is not None else dt.date.today()
