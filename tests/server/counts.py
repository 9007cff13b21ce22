"""Case counts of generated tests, shown in the test output (the closing note of #3 quotes
them)."""

from __future__ import annotations

import pytest


def report(request: pytest.FixtureRequest, line: str) -> None:
    """Write ``line`` to the terminal even while pytest captures the test's output."""
    plugins = request.config.pluginmanager
    reporter = plugins.get_plugin("terminalreporter")
    capture = plugins.get_plugin("capturemanager")
    if reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line(line)
