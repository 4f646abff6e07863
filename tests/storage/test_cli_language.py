"""The command line speaks Bokmål when asked (``--language nb``, before or after the subcommand), when the
language setting says so, or when the system's locale is Norwegian: a refused booking, a refused package, a
not-found and an unreachable database all print the Bokmål text of their code; ``--json`` carries the code.

What the CLI printed is compared with the error's own code and parameters rendered in Bokmål (caught on its
way to the screen), so the test holds whatever the wording is.
"""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

import takeover_planner.cli as cli_package
from takeover_planner.cli import main
from takeover_planner.cli.reporting import os_error_text
from takeover_planner.errors import (
    EXIT_ENVIRONMENT,
    EXIT_NOT_FOUND,
    EXIT_REFUSED,
    BookingRefused,
    EnvironmentProblem,
    EnvReason,
    NotFoundError,
    TakeoverError,
)
from takeover_planner.intake.errors import PackageRefused
from takeover_planner.paths import resolve_paths
from takeover_planner.settings import Settings
from takeover_planner.texts import BOKMAAL, ENGLISH, render
from takeover_planner.texts.booking import BookingText
from takeover_planner.texts.general import GeneralText
from takeover_planner.texts.storage import StorageText

UNREACHABLE_DB = "postgresql+psycopg://nobody@127.0.0.1:1/x"


class Refusals:
    """Runs the CLI in this process and keeps each error it reported, as the error object."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                 home: str) -> None:
        self.capsys, self.home = capsys, home
        self.seen: list[TakeoverError] = []
        real = cli_package.emit_refusal

        def spy(cli: object, exc: TakeoverError) -> None:
            self.seen.append(exc)
            real(cli, exc)  # type: ignore[arg-type]

        monkeypatch.setattr(cli_package, "emit_refusal", spy)

    def run(self, *args: str) -> tuple[int, str, str]:
        code = main(["--home", self.home, *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def refused(self, *args: str) -> tuple[int, str, TakeoverError]:
        self.seen.clear()
        code, out, err = self.run(*args)
        assert out == "" and "Traceback" not in err
        assert len(self.seen) == 1, err
        return code, err, self.seen[0]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Refusals:
    runner = Refusals(monkeypatch, capsys, str(tmp_path / "tp"))
    for args in (("account", "add", "Fjordvik kommune"), ("department", "add", "Biblioteket"),
                 ("department", "add", "Svømmehallen"),
                 ("book", "--department", "Biblioteket", "--account", "Fjordvik kommune",
                  "--start", "2030-03-04", "--end", "2030-03-06", "--status", "confirmed")):
        assert runner.run(*args)[0] == 0
    return runner


def _overlap(language: list[str]) -> list[str]:
    return [*language, "book", "--department", "Svømmehallen", "--account", "Fjordvik kommune", "--start",
            "2030-03-05", "--end", "2030-03-05", "--status", "confirmed"]


def _printed_in_bokmaal(err: str, exc: TakeoverError) -> None:
    """The one line printed is the code's Bokmål template filled in, and that is not the English one."""
    norwegian = render(exc.code, exc.params, BOKMAAL)
    assert err == f"takeover-planner: {norwegian}\n"
    assert norwegian != render(exc.code, exc.params, ENGLISH)


@pytest.mark.parametrize("where", ["before", "after"])
def test_language_option_before_or_after_the_subcommand(cli: Refusals, where: str) -> None:
    args = _overlap([]) + ["--language", "nb"] if where == "after" else _overlap(["--language", "nb"])
    code, err, exc = cli.refused(*args)
    assert code == EXIT_REFUSED and isinstance(exc, BookingRefused) and exc.code is BookingText.OVERLAP
    _printed_in_bokmaal(err, exc)


def test_every_kind_of_refusal_prints_bokmaal(cli: Refusals, tmp_path: Path) -> None:
    nb = ["--language", "nb"]
    code, err, exc = cli.refused(*_overlap(nb))
    assert code == EXIT_REFUSED and exc.code is BookingText.OVERLAP
    _printed_in_bokmaal(err, exc)

    package = tmp_path / "innsending.zip"
    package.write_bytes(b"this is not a zip file at all")
    code, err, exc = cli.refused(*nb, "package", "import", str(package))
    assert code == EXIT_REFUSED and isinstance(exc, PackageRefused)
    _printed_in_bokmaal(err, exc)

    code, err, exc = cli.refused(*nb, "slot", "show", "999")
    assert code == EXIT_NOT_FOUND and isinstance(exc, NotFoundError) and exc.code is BookingText.NO_SLOT
    assert exc.params == {"slot_id": 999}
    _printed_in_bokmaal(err, exc)

    code, err, exc = cli.refused(*nb, "--db", UNREACHABLE_DB, "slot", "list")
    assert code == EXIT_ENVIRONMENT and isinstance(exc, EnvironmentProblem)
    assert exc.reason == EnvReason.UNREACHABLE and exc.code is StorageText.UNREACHABLE
    _printed_in_bokmaal(err, exc)


def test_the_language_setting_is_used_without_the_option(cli: Refusals) -> None:
    paths = resolve_paths(cli.home)
    settings = Settings.load(paths)
    settings.set("ui.language", "nb")
    settings.save()
    code, err, exc = cli.refused("slot", "show", "999")
    assert code == EXIT_NOT_FOUND
    _printed_in_bokmaal(err, exc)
    code, err, exc = cli.refused("--db", UNREACHABLE_DB, "slot", "list")
    assert code == EXIT_ENVIRONMENT
    _printed_in_bokmaal(err, exc)
    code, err, exc = cli.refused("--language", "en", "slot", "show", "999")
    assert err == f"takeover-planner: {exc.message_in(ENGLISH)}\n", "the option wins over the setting"


def test_a_norwegian_locale_is_followed_when_nothing_is_chosen(cli: Refusals,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "nb_NO.UTF-8")
    code, err, exc = cli.refused("slot", "show", "999")
    assert code == EXIT_NOT_FOUND
    _printed_in_bokmaal(err, exc)


def test_json_carries_the_code_params_and_reason(cli: Refusals) -> None:
    code, out, _ = cli.run("--language", "nb", "--json", *_overlap([]))
    refusal = json.loads(out)
    assert code == EXIT_REFUSED and refusal["exit_code"] == EXIT_REFUSED
    assert refusal["code"] == BookingText.OVERLAP.key and refusal["details"]["slots"] == [1]
    assert refusal["params"]["dates"] == {"start": "2030-03-05", "end": "2030-03-05"}
    assert refusal["params"]["account"] == "Fjordvik kommune"
    assert refusal["error"] == render(BookingText.OVERLAP, cli.seen[-1].params, BOKMAAL)

    code, out, _ = cli.run("--json", "--db", UNREACHABLE_DB, "slot", "list")
    problem = json.loads(out)
    assert code == EXIT_ENVIRONMENT and problem["code"] == StorageText.UNREACHABLE.key
    assert problem["reason"] == EnvReason.UNREACHABLE.value and "reason" not in json.loads(
        cli.run("--json", "slot", "show", "999")[1])


def test_file_system_refusals_are_coded_by_errno() -> None:
    text, reason = os_error_text(OSError(errno.ENOSPC, "No space left on device", "/data/x"))
    assert (text.code, reason) == (GeneralText.DISK_FULL, EnvReason.DISK_FULL)
    text, reason = os_error_text(PermissionError(errno.EACCES, "Permission denied", "/data/x"))
    assert (text.code, text.params, reason) == (GeneralText.NO_PERMISSION, {"path": "/data/x"},
                                                EnvReason.NO_PERMISSION)
    text, reason = os_error_text(OSError(errno.EIO, "Input/output error", "/data/x"))
    assert (text.code, reason) == (GeneralText.FILE_SYSTEM, EnvReason.OTHER)
    assert text.params == {"reason": "Input/output error", "path": "/data/x"}, "the system's own words"


def test_usage_refusals_speak_the_language_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """argparse's own words (a missing argument, a bad choice) and our argument types' words, exit 2."""
    from takeover_planner.texts.usage import ArgparseText, UsageText

    home = str(tmp_path / "home")

    def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as stopped:
            main(list(args))
        out, err = capsys.readouterr()
        return int(stopped.value.code or 0), out, err

    code, _out, err = _run(capsys, "--language", "nb", "--home", home, "book")
    assert code == 2
    assert ArgparseText.REQUIRED.nb.replace("%s", "") in err and "feil:" in err
    code, _out, err = _run(capsys, "--home", home, "slot", "list", "--from", "nope", "--language", "nb")
    assert code == 2 and render(UsageText.BAD_DATE, {"text": "nope"}, "nb") in err
    code, _out, err = _run(capsys, "--language", "en", "--home", home, "slot", "list", "--from", "nope")
    assert code == 2 and render(UsageText.BAD_DATE, {"text": "nope"}, "en") in err and "error:" in err
