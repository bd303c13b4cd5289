"""Publishing a build's files: all of them or none, and no temporary file outlives a build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jjj_brief import publish
from jjj_brief.errors import BriefError
from jjj_brief.publish import publish_all, remove_dead_leftovers, temporary_sibling
from tests.conftest import jjj_brief


def test_a_folder_in_the_way_of_one_file_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"old a")
    (tmp_path / "c.pdf").mkdir()
    (tmp_path / "c.pdf" / "inside").write_bytes(b"x")
    with pytest.raises(BriefError) as caught:
        publish_all({tmp_path / "a.pdf": b"new a", tmp_path / "b.pdf": b"new b", tmp_path / "c.pdf": b"new c"})
    assert "a folder is in the way" in str(caught.value) and str(tmp_path / "c.pdf") in str(caught.value)
    assert (tmp_path / "a.pdf").read_bytes() == b"old a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "c.pdf"]


def test_a_rename_that_fails_late_puts_back_what_it_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a.pdf", "b.pdf"):
        (tmp_path / name).write_bytes(b"old " + name.encode())
    real = publish.publish

    def third_fails(temporary: Path, final: Path) -> None:
        if final.name == "c.pdf":
            raise publish.unwritable(final, PermissionError(1, "Operation not permitted"))
        real(temporary, final)

    monkeypatch.setattr(publish, "publish", third_fails)
    with pytest.raises(BriefError):
        publish_all({tmp_path / n: b"new" for n in ("a.pdf", "b.pdf", "c.pdf")})
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {"a.pdf": b"old a.pdf", "b.pdf": b"old b.pdf"}


def test_leftovers_of_a_dead_build_are_removed_and_a_live_ones_kept(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    (tmp_path / f".briefing-zh.pdf.{dead_pid}.abc123.part").write_bytes(b"half")
    mine = temporary_sibling(tmp_path / "briefing-en.pdf")
    assert f".{os.getpid()}." in mine.name
    removed = remove_dead_leftovers(tmp_path)
    assert [p.name for p in removed] == [f".briefing-zh.pdf.{dead_pid}.abc123.part"]
    assert mine.exists()


def test_a_build_removes_a_killed_builds_temporary_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".briefing-en.pdf.999999999.zz.part"  # no process has this id
    stale.write_bytes(b"x" * 1000)
    run = jjj_brief("build", "--lang", "en", "--format", "pdf", "--out", out)
    assert run.code == 0, run.err
    assert sorted(p.name for p in out.iterdir()) == ["briefing-en.pdf"]


@pytest.mark.parametrize(
    ("errno_name", "hint"), [("ENOSPC", "free some space"), ("EROFS", "read-only"), ("ENOTDIR", "a file is in the way")]
)
def test_the_hint_fits_the_cause(errno_name: str, hint: str, tmp_path: Path) -> None:
    import errno

    code = getattr(errno, errno_name)
    error = publish.unwritable(tmp_path, OSError(code, os.strerror(code)))
    assert hint in str(error)
