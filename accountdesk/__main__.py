"""`python -m accountdesk`: the same as the `accountdesk` command."""

import sys

from accountdesk.cli import main

sys.exit(main())
