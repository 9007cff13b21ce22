"""Entry point of the ``safedesk`` command."""

from __future__ import annotations

import multiprocessing
import sys


def main(argv: list[str] | None = None) -> int:
    # Must come first: a frozen Windows build re-executes itself for any child process.
    multiprocessing.freeze_support()
    from desktop.app import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
