from briefcast.cli import main
import sys

sys.exit(main())
