"""English calendar names, shared by the normalizer, the date rewriter, templates and pages,
and where the system's English word lists are.

Spelled out here rather than taken from ``calendar``/``strftime``, whose names follow the
machine's locale: a show's English must not change with the server it runs on.
"""

from pathlib import Path

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

# Read by the pronunciation check (``lexicon``); their contents are part of the key of the
# prepared script in the cache.
WORD_LIST = Path("/usr/share/dict/words")  # Debian's wamerican
BRITISH_WORD_LIST = Path("/usr/share/dict/british-english")  # Debian's wbritish
