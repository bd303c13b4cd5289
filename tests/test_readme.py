"""The README's examples work as written: a new user copies them first.

Every YAML block under "Facts" passes ``facts check``, and every ``sh`` block runs,
in order, in one folder (so ``jjj-brief new my-project`` early on makes the project
a later block ``cd``s into), with ``old-facts/`` and ``facts/`` holding two vintages.
Only the install lines (``pip install``, ``pytest``) are left out: they act on this
checkout, not on a user's folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from conftest import FIXTURES, REPO, jjj_brief

README = (REPO / "README.md").read_text(encoding="utf-8")
_BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
_INSTALL = re.compile(r"^python3 -m (pip|pytest)\b[^&]*(&& )?")


def section(title: str) -> str:
    """The README's ``## title`` section, up to the next section of that level."""
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def blocks(text: str, language: str) -> list[str]:
    return [body for lang, body in _BLOCK.findall(text) if lang == language]


def test_every_yaml_block_under_facts_passes_facts_check(tmp_path: Path) -> None:
    found = blocks(section("Facts"), "yaml")
    assert found, "the Facts section shows no YAML"
    for number, body in enumerate(found):
        path = tmp_path / f"readme-{number}.yaml"
        path.write_text(body, encoding="utf-8")
        run = jjj_brief("facts", "check", path, "--lang", "all")
        assert run.code == 0, f"README block {number}:\n{run.err}"
        assert run.out.splitlines()[-1].startswith("ok: 2 facts, 3 indicators, 1 region, 1 source")


def test_every_command_block_runs_as_shown(tmp_path: Path) -> None:
    (tmp_path / "old-facts").mkdir()
    (tmp_path / "facts").mkdir()
    shutil.copy(FIXTURES / "vintages" / "jjj-2024-09.yaml", tmp_path / "old-facts" / "facts.yaml")
    shutil.copy(FIXTURES / "vintages" / "jjj-2024-10.yaml", tmp_path / "facts" / "facts.yaml")
    shutil.copytree(REPO / "examples", tmp_path / "examples")  # the workbook examples name these
    scripts = blocks(README, "sh")
    assert len(scripts) >= 4
    commands = [line for script in scripts for line in script.splitlines() if line.startswith("jjj-brief")]
    assert len(commands) >= 17, commands
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1729814400"}
    lines = [_INSTALL.sub("", line) for body in scripts for line in body.splitlines()]
    script = "\n".join(line for line in lines if line.startswith(("jjj-brief", "cd ")))
    assert script.startswith("jjj-brief build --lang zh\n"), script  # the first block's, after its install
    run = subprocess.run(
        ["bash", "-e", "-x", "-c", script],
        check=False,
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=500,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    project = tmp_path / "my-project"
    assert (project / "templates" / "_chart.j2").is_file()
    assert (project / "locales" / "zh" / "LC_MESSAGES" / "messages.mo").is_file()  # i18n compile ran
    assert (tmp_path / "reports" / "briefing-zh.docx").is_file()
    assert (project / "output" / "briefing-zh.pdf").is_file()
