"""Entry point of the ``safedesk`` command."""

from __future__ import annotations

import multiprocessing
import sys


def main(argv: list[str] | None = None) -> int:
    # Must come first: a frozen Windows build re-executes itself for any child process.
    multiprocessing.freeze_support()
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["sync"]:
        # Headless: no Qt is imported, so it runs where no display exists.
        from sync.engine.cli import main as sync_main

        return sync_main(arguments[1:])

    from desktop.app import run

    return run(arguments)


if __name__ == "__main__":
    sys.exit(main())
