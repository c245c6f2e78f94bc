"""`python -m racegui` runs the same command line as `racegui`."""

import sys

from racegui.cli import main

sys.exit(main())
