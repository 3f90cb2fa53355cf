import sys

from briefcast.cli import main

sys.exit(main())
