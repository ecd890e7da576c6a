"""The command line: ``explorer`` (`main`), one module per command group.

`main` parses and dispatches; `compute`, `train`, `catalog`, `app`, `site` (``--climate`` and
``explorer grid``) and `uncertainty` (``compute --uncertainty``, ``sample``, ``sensitivity``) each
register their command; `common` holds what they share.
"""

from .common import MAX_CSV_ROWS, MAX_SWEEP_POINTS
from .main import main

__all__ = ["MAX_CSV_ROWS", "MAX_SWEEP_POINTS", "main"]
