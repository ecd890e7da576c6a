"""`stopping.end_process`: a stopped server ends at once, its last log lines written."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import logging, sys
from explorer.server.stopping import end_process
logging.basicConfig(filename=sys.argv[1], level=logging.INFO)
logging.getLogger("explorer.server").info("the last line")
print("to stdout", end="")
end_process(3)
print("never")
"""


def test_the_process_ends_with_its_code_and_its_logs_and_output_flushed(tmp_path):
    log = tmp_path / "server.log"
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(log)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 3
    assert done.stdout == "to stdout"  # buffered (a pipe) and still written
    assert "the last line" in log.read_text()
