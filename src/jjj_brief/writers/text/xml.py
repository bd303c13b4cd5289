"""Text every markup writer can carry (DOCX's XML, the HTML edition's HTML).

XML 1.0 and HTML both forbid most C0 controls and lone surrogates; lxml refuses to
serialize them.  So every writer passes the model's text through :func:`xml_safe`.
"""

from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile("\r\n?")


def xml_safe(text: str) -> str:
    """Text that XML 1.0 can carry, so no input can make the file invalid.

    Forbidden characters are replaced, not dropped, so a reader sees that
    something was there: C0 controls other than tab and newline, lone
    surrogates and U+FFFE/U+FFFF become U+FFFD (�).  ``\\r\\n`` and ``\\r``
    become ``\\n``; the DOCX writer then writes tabs as ``w:tab`` and newlines as
    line breaks (``w:br``) inside the paragraph, the HTML writer newlines as ``<br>``.

    >>> xml_safe("a\\x00b\\r\\nc\\td")
    'a\\ufffdb\\nc\\td'
    """
    return _NOT_XML.sub("\ufffd", _NEWLINES.sub("\n", text))
