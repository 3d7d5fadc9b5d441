"""``python -m cxjournal``."""

from cxjournal.cli import main

raise SystemExit(main())
