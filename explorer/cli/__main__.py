"""``python -m explorer.cli``: the same as the ``explorer`` command."""

import sys

from .main import main

sys.exit(main())
