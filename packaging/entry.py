"""The bundle's one executable: the window without arguments, the command line with them.

``freeze_support`` must run first: the media importer's worker processes start this same executable, and it
has to become a worker instead of opening a second window. On Windows the executable is a console program (so
that ``TakeoverPlanner.exe --version`` prints); started from the Start menu without arguments it lets go of the
console window Windows opened for it alone. Windows passes a brief package opened from Explorer as
``gui --contributor FILE`` (packaging/windows/TakeoverPlanner.iss); macOS passes the bare path.
"""

import multiprocessing
import sys


def _release_own_console() -> None:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    processes = (ctypes.c_uint * 2)()
    if kernel32.GetConsoleProcessList(processes, 2) == 1:  # nobody else shares it: it was opened for us
        kernel32.FreeConsole()


def _arguments() -> list[str]:
    """macOS opens a double-clicked brief package as the one argument: that is the contributor window."""
    args = sys.argv[1:]
    if sys.platform == "darwin" and len(args) == 1 and args[0].lower().endswith(".zip"):
        return ["gui", "--contributor", args[0]]
    return args


if __name__ == "__main__":
    multiprocessing.freeze_support()
    if sys.platform == "win32" and len(sys.argv) == 1:
        _release_own_console()
    from takeover_planner.cli import main

    sys.exit(main(_arguments()))
