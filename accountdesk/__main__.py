"""`python -m accountdesk`: the same as the `accountdesk` command."""

import multiprocessing
import sys

from accountdesk.cli import main

# The frozen application starts its helper processes (a large demo book's customer maker)
# through this entry point; elsewhere this does nothing.
multiprocessing.freeze_support()
if sys.argv[1:] == ["--read-workbook-child"]:
    # The frozen application reads an untrusted workbook in a second copy of itself (excel/read/isolated.py).
    from accountdesk.core.excel.read.isolated import child_main

    child_main()
    sys.exit(0)
sys.exit(main())
