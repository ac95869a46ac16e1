"""`python -m accountdesk`: the same as the `accountdesk` command."""

import multiprocessing
import sys

from accountdesk.cli import main

# The frozen application starts its helper processes (a large demo book's customer maker)
# through this entry point; elsewhere this does nothing.
multiprocessing.freeze_support()
sys.exit(main())
