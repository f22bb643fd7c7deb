"""Run the Recovery Guide from a source checkout: `python main.py [options]`."""

import sys

from guide.cli import main

if __name__ == "__main__":
    sys.exit(main())
