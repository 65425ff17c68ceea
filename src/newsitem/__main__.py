"""``python -m newsitem``: the command line."""

from newsitem.cli import main

raise SystemExit(main())
