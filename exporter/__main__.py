"""``python -m exporter``: the same as the ``thread2epub`` command."""

import sys

from .cli import main

sys.exit(main())
