"""The command line: ``explorer`` (`main`), one module per command group.

`main` parses and dispatches; `site` adds the climate options and ``explorer grid``;
`uncertainty` adds ``compute --uncertainty``, ``sample`` and ``sensitivity``.
"""

from .main import main

__all__ = ["main"]
