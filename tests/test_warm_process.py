"""One process writing many documents (a build of several languages, `watch`) gives each
the bytes a fresh process would: nothing kept warm between documents leaks into the next."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import qpdf_check

from jjj_brief.pipeline import (
    load_store,
    pick_region,
    render_document,
    resolve_template,
)
from jjj_brief.writers import WRITERS

EPOCH = "1729814400"


def _document(lang: str):
    store, _ = load_store([])
    return render_document(store, pick_region(store, None), lang, resolve_template("briefing"))[0]


def _fresh_process_bytes(fmt: str, lang: str, out: Path) -> bytes:
    """The file as a new process writes it, alone."""
    script = (
        "import sys\n"
        "from jjj_brief.pipeline import load_store, pick_region, render_document, resolve_template\n"
        "from jjj_brief.writers import WRITERS\n"
        "store, _ = load_store([])\n"
        f"doc = render_document(store, pick_region(store, None), {lang!r}, resolve_template('briefing'))[0]\n"
        f"sys.stdout.buffer.write(WRITERS[{fmt!r}].to_bytes(doc))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, check=True, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    )
    out.write_bytes(done.stdout)
    return done.stdout


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_second_document_of_a_process_is_what_a_fresh_process_writes(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    writer = WRITERS[fmt]
    first = writer.to_bytes(_document("zh"))
    second = writer.to_bytes(_document("en"))
    again = writer.to_bytes(_document("zh"))
    assert first == again
    assert second == _fresh_process_bytes(fmt, "en", tmp_path / f"fresh.{fmt}")
    if fmt == "pdf":
        (tmp_path / "second.pdf").write_bytes(second)
        qpdf_check(tmp_path / "second.pdf")
    else:
        reopened = docx.Document(io.BytesIO(second))
        text = "\n".join(p.text for p in reopened.paragraphs)
        assert "Beijing-Tianjin-Hebei" in text and "京津冀" not in text  # nothing of the zh document
        assert zipfile.ZipFile(io.BytesIO(second)).testzip() is None


def _imported_by(args: list[str], cwd: Path) -> list[str]:
    """The heavy libraries a one-process build with ``args`` imported."""
    probe = (
        "import json, sys\nfrom jjj_brief import cli\n"
        f"try:\n    cli.main({args!r})\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "print(json.dumps(sorted(m for m in ('reportlab', 'reportlab.platypus', 'reportlab.graphics', 'docx', 'PIL')"
        " if m in sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        check=False,
        env={**os.environ, "JJJ_BRIEF_SERIAL": "1"},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_each_format_imports_only_its_own_libraries(tmp_path: Path) -> None:
    template = tmp_path / "plain.xml.j2"
    template.write_text(
        "<brief lang=\"{{ lang_tag }}\"><meta><title>T</title></meta>\n<p>{{ b.latest('gdp')|figure }}</p>\n</brief>\n",
        encoding="utf-8",
    )
    no_chart_docx = _imported_by(
        ["build", "--template", str(template), "--lang", "en", "--format", "docx", "--out", str(tmp_path / "a")],
        tmp_path,
    )
    assert no_chart_docx == ["docx"]  # no chart: neither reportlab's graphics nor Pillow
    pdf = _imported_by(["build", "--lang", "en", "--format", "pdf", "--out", str(tmp_path / "b")], tmp_path)
    assert "docx" not in pdf and "reportlab.platypus" in pdf
    assert (tmp_path / "a" / "plain-en.docx").is_file() and (tmp_path / "b" / "briefing-en.pdf").is_file()
