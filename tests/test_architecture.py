"""The import direction tui -> db -> glossary holds, and --help stays light."""

import subprocess
import sys

from conftest import REPO


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
        capture_output=True, text=True, check=True, cwd=REPO,
    ).stdout
    return set(out.split())


def test_core_and_db_do_not_import_textual():
    mods = _modules_after("import glossary, glossary.models, glossary.keys, db, db.entries")
    assert not any(m == "textual" or m.startswith("textual.") for m in mods)


def test_help_does_not_load_heavy_libraries():
    mods = _modules_after(
        "from click.testing import CliRunner\nfrom glossary.cli import cli\n"
        "r = CliRunner().invoke(cli, ['--help'])\nassert r.exit_code == 0, r.output"
    )
    for heavy in ("jieba", "opencc", "textual", "pypinyin", "lxml", "openpyxl", "rapidfuzz"):
        assert heavy not in mods, f"{heavy} loaded by --help"


def test_import_linter_contracts_hold():
    result = subprocess.run(["lint-imports"], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
