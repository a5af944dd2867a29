"""The `kehoach` command: help with examples and exit codes, usage errors (exit 2), convert to a
folder and to standard output, check, show, --explain, and clear messages instead of tracebacks."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from extract import __version__, cli

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "tamduong-ubnd-kh-congtac-tutuong-2022.txt"
SEED2 = ROOT / "samples" / "muongte-huyenuy-kh-congtac-tutuong-2022.txt"


def run(*args, **kw):
    """`python -m extract ARGS` as the scorer hook runs it."""
    return subprocess.run([sys.executable, "-m", "extract", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=300, **kw)


@pytest.fixture(scope="module")
def seed_plan():
    proc = run("convert", SEED, "-o", "-", "--format", "json")
    assert proc.stdout, proc.stderr
    return proc, json.loads(proc.stdout)


# --------------------------------------------------------------------------- help, version, usage
def test_version(capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(["--version"])
    assert e.value.code == 0 and capsys.readouterr().out.strip() == f"kehoach {__version__}"


@pytest.mark.parametrize("argv", [["--help"], ["convert", "--help"], ["check", "--help"], ["show", "--help"]])
def test_every_help_shows_an_example_and_the_exit_codes(argv, capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(argv)
    out = capsys.readouterr().out
    assert e.value.code == 0
    assert "examples:" in out and "kehoach " in out.split("examples:")[1]
    assert "exit codes:" in out and "2  usage error" in out


@pytest.mark.parametrize("argv", [
    [],                                                   # no command
    ["convert"],                                          # no PATH
    ["convert", "x.txt", "--format", "pdf"],              # unknown format
    ["convert", "x.txt", "--jobs", "0"],
    ["convert", "x.txt", "--max-size", "lots"],
    ["convert", "x.txt", "--tone-style", "old"],
    ["convert", "a.txt", "b.txt", "-o", "-"],             # stdout takes one plan
    ["convert", "samples", "-o", "-"],                    # ... a file, not a folder
    ["convert", "x.txt", "-o", "-", "--format", "csv"],   # ... and only JSON
    ["convert", "x.txt", "-o", "-", "--db", "postgresql://me@host/db"],   # ... into no database
    ["convert", "x.txt", "--db", "plans.sqlite"],          # --db is a PostgreSQL URL
    ["units"],
    ["show"],
    ["frobnicate", "x.txt"],
])
def test_usage_errors_exit_2(argv, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    with pytest.raises(SystemExit) as e:
        cli.main(argv)
    assert e.value.code == 2
    assert "usage:" in capsys.readouterr().err


@pytest.mark.parametrize("text,expected", [("50MB", 50 * 1024 ** 2), ("200k", 200 * 1024), ("1.5G", int(1.5 * 1024 ** 3)),
                                           ("1048576", 1048576), ("10 mb", 10 * 1024 ** 2)])
def test_max_size_accepts_human_sizes(text, expected):
    assert cli._size(text) == expected


# --------------------------------------------------------------------------- convert
def test_convert_to_stdout_is_the_plan_json_only(seed_plan):
    proc, plan = seed_plan
    assert plan["schema_version"] and plan["input"]["name"] == SEED.name
    assert plan["tasks"] and plan["sections"]
    errors = [f for f in plan["findings"] if f["severity"] == "error"]
    assert proc.returncode == (1 if errors else 0)
    assert proc.stderr == ""


def test_convert_to_stdout_of_a_bad_file_is_a_message_and_exit_1(tmp_path):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    proc = run("convert", bad, "-o", "-", "--format", "json")
    assert proc.returncode == 1 and proc.stdout == ""
    assert str(bad) in proc.stderr and "Traceback" not in proc.stderr and " — " in proc.stderr


def test_convert_folder_writes_outputs_and_a_summary(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    for seed in (SEED, SEED2):
        (src / seed.name).write_bytes(seed.read_bytes())
    (src / "rong.txt").write_bytes(b"")
    out = tmp_path / "out"
    code = cli.main(["convert", str(src), "-o", str(out), "--jobs", "2"])
    text = capsys.readouterr().out
    assert code == 1  # one failed input
    assert text.startswith("2 converted, ") and "1 failed" in text and "rong.txt: the file is empty" in text
    names = {p.name for p in out.iterdir()}
    assert {f"{SEED.stem}.json", f"{SEED.stem}.xlsx", "tasks.csv", "plans.sqlite", "plans.jsonl"} <= names
    code = cli.main(["convert", str(src), "-o", str(out), "--jobs", "2"])
    assert "2 unchanged (skipped)" in capsys.readouterr().out


def test_convert_only_the_formats_asked(tmp_path, capsys):
    out = tmp_path / "out"
    cli.main(["convert", str(SEED), "-o", str(out), "--format", "csv", "--quiet"])
    assert capsys.readouterr().out == ""
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "documents.csv", "findings.csv", f"{SEED.stem}.json", "targets.csv", "tasks.csv"]


def test_output_folder_not_writable_is_one_message_exit_1(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code = cli.main(["convert", str(SEED), "-o", str(blocker / "out")])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "-o" in err and str(blocker) in err


def test_explain_prints_the_text_repairs(tmp_path, capsys):
    legacy = tmp_path / "tcvn3.txt"
    # TCVN3 (ABC) bytes of "Kế hoạch" as they arrive in old files
    legacy.write_bytes("KÕ ho¹ch tuyªn truyÒn n¨m 2024\n".encode("cp1252") * 5)
    cli.main(["convert", str(legacy), "-o", str(tmp_path / "out"), "--explain", "--quiet"])
    out = capsys.readouterr().out
    assert out.startswith("tcvn3: text repairs\n")
    assert "'KÕ ho¹ch tuyªn truyÒn n¨m 2024' -> 'Kế hoạch tuyên truyền năm 2024'" in out
    clean = tmp_path / "utf8.txt"
    clean.write_text("Kế hoạch tuyên truyền năm 2024\n", encoding="utf-8")
    cli.main(["convert", str(clean), "-o", str(tmp_path / "out2"), "--explain", "--quiet"])
    assert capsys.readouterr().out == "utf8: no text repairs\n"


def test_max_size_option_refuses_big_files(tmp_path, capsys):
    code = cli.main(["convert", str(SEED), "-o", str(tmp_path / "out"), "--max-size", "1k"])
    out = capsys.readouterr().out
    assert code == 1 and "over the limit" in out and "--max-size" in out


# --------------------------------------------------------------------------- check, show
def test_check_prints_one_block_per_document_and_exit_code_follows_errors(tmp_path, capsys, seed_plan):
    _proc, plan = seed_plan
    code = cli.main(["check", str(SEED), "--quiet"])
    out = capsys.readouterr().out
    assert out.startswith(f"{SEED}: ")
    for f in plan["findings"]:
        assert f["code"] in out
    assert code == (1 if any(f["severity"] == "error" for f in plan["findings"]) else 0)
    bad = tmp_path / "rong.txt"
    bad.write_bytes(b"")
    assert cli.main(["check", str(bad)]) == 1
    assert "FAILED" in capsys.readouterr().out


def test_show_prints_header_outline_tasks_targets(capsys, seed_plan):
    _proc, plan = seed_plan
    cli.main(["show", str(SEED)])
    out = capsys.readouterr().out
    assert f"== {SEED.name} (txt" in out
    assert f"Outline ({sum(1 for _ in _walk(plan['sections']))} sections)" in out
    assert f"Tasks ({len(plan['tasks'])})" in out and f"Targets ({len(plan['targets'])})" in out
    first = plan["sections"][0]
    assert f"{first['number']}" in out and first["title"][:20] in out


def _walk(sections):
    for s in sections:
        yield s
        yield from _walk(s.get("children") or [])


def test_show_reads_a_plan_json_written_earlier(tmp_path, capsys, seed_plan):
    _proc, plan = seed_plan
    path = tmp_path / "p.json"
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    cli.main(["show", str(path)])
    assert f"Tasks ({len(plan['tasks'])})" in capsys.readouterr().out


def test_show_of_a_missing_file_is_a_message(capsys):
    assert cli.main(["show", "khong-co.docx"]) == 1
    assert "khong-co.docx: no such file" in capsys.readouterr().err
