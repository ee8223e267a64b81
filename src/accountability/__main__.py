"""``python -m accountability``: the command line (see `accountability.cli`)."""

import sys

from accountability.cli import main

if __name__ == "__main__":
    sys.exit(main())
