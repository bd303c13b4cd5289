"""The DOCX as a file: metadata, dropped template leftovers, reproducible zip.

python-docx stamps every zip entry with the current local time, so two runs
never give the same bytes.  When ``SOURCE_DATE_EPOCH`` is set (the
reproducible-builds convention) the package is rewritten with that time on
every entry, in python-docx's own (deterministic) entry order, and the core
properties use it as created/modified date; the file is then byte-identical
across runs on the same Python/zlib.
"""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile
from pathlib import Path
from typing import Any, BinaryIO

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from jjj_brief.document import Meta
from jjj_brief.writers.text.xml import xml_safe

_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
ZIP_EPOCH = 315532800  # 1980-01-01T00:00:00Z, the earliest time a zip entry can hold
_ENTRY_MODE = 0o100644 << 16  # a regular file, rw-r--r--
_CORE_PROPERTY_LIMIT = 255  # python-docx refuses longer core property values


def _core_text(text: str) -> str:
    """A core property value: XML-safe, on one line, within python-docx's 255-character limit."""
    return xml_safe(text).replace("\n", " ")[:_CORE_PROPERTY_LIMIT]


def drop_template_leftovers(document: Any) -> None:
    """Remove the template's blank-page thumbnail and its stale ``stylesWithEffects`` copy.

    Both come from python-docx's default template: file browsers would show
    the thumbnail as this document's preview, and Word 2010 would read the old
    theme-font styles from ``stylesWithEffects`` instead of ours.
    """
    package_rels = document.part.package.rels
    for rid in [rid for rid, rel in package_rels.items() if rel.reltype == _THUMBNAIL]:
        del package_rels[rid]
    for rid in [rid for rid, rel in document.part.rels.items() if rel.reltype == _STYLES_WITH_EFFECTS]:
        document.part.drop_rel(rid)


def set_compatibility(settings: Any) -> None:
    """Lay the document out as Word 2013 and later do (``compatibilityMode`` 15).

    python-docx's template says 14 (Word 2010), in which a table's *text*
    starts at the margin and its border hangs out by the cell padding: the
    key-points box and the key-figures table stood 3 mm left of the margin
    in Word and in LibreOffice (which follows the same switch).  From 15 on,
    a table's border is at the margin, as the PDF draws it.
    """
    compat = settings.element.find(qn("w:compat"))
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")


def set_hyphenation(settings: Any, chinese: bool) -> None:
    """Hyphenate a Latin-script edition automatically, as its PDF does (:mod:`jjj_brief.writers.text.hyphenation`).

    Without it Word and LibreOffice break English only between words, and the
    DOCX took a page more than its PDF (issue 12).  Words in capitals are left
    whole, as the PDF leaves ``GDP``, and at most two lines in a row end in a hyphen.  Word hyphenates with its own
    dictionaries; LibreOffice with the system's (Debian's ``hyphen-en-us``).
    A Chinese edition breaks between characters and needs none.
    """
    if chinese:
        return
    tab_stop = settings.element.find(qn("w:defaultTabStop"))  # the schema puts hyphenation right after it
    limit = OxmlElement("w:consecutiveHyphenLimit", {qn("w:val"): "2"})  # the PDF's limit too
    for element in (OxmlElement("w:doNotHyphenateCaps"), limit, OxmlElement("w:autoHyphenation")):
        tab_stop.addnext(element)


def set_core_properties(document: Any, meta: Meta, epoch: int | None) -> None:
    """Title, subject, author, keywords, language and dates, as Word's File > Info shows them."""
    when = dt.datetime.now(dt.timezone.utc) if epoch is None else dt.datetime.fromtimestamp(epoch, dt.timezone.utc)
    when = when.replace(microsecond=0, tzinfo=None)  # python-docx writes naive times as UTC
    props = document.core_properties
    props.title = _core_text(meta.title)
    props.subject = _core_text(meta.subject)
    props.author = props.last_modified_by = _core_text(meta.author)
    props.keywords = _core_text(", ".join(meta.keywords))
    props.language = _core_text(meta.lang)
    props.created = props.modified = when
    props.revision = 1


def save_package(document: Any, path: Path | BinaryIO, epoch: int | None) -> None:
    """Save to ``path`` (a file name or a writable binary file); with an epoch, rewrite the
    zip so its bytes depend on content only."""
    if epoch is None:
        document.save(str(path) if isinstance(path, Path) else path)
        return
    buffer = io.BytesIO()
    document.save(buffer)
    data = restamp_zip(buffer.getvalue(), epoch)
    if isinstance(path, Path):
        path.write_bytes(data)
    else:
        path.write(data)


def restamp_zip(data: bytes, epoch: int) -> bytes:
    """``data`` (a zip) rewritten with every entry dated ``epoch``, as a Unix rw-r--r-- file,
    in the same order: its bytes then depend on the content only (the DOCX, and the chart
    workbooks inside it, which openpyxl stamps with the current time)."""
    stamp = time.gmtime(max(epoch, ZIP_EPOCH))[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = _ENTRY_MODE
            info.create_system = 3  # Unix, whatever the build machine
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()
