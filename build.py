#!/usr/bin/env python3
"""Build the corpus site: ``python build.py --help``."""

import sys

from coopsec.cli import main

if __name__ == "__main__":
    sys.exit(main())
