"""English calendar names, shared by the normalizer, the date rewriter, templates and pages.

Spelled out here rather than taken from ``calendar``/``strftime``, whose names follow the
machine's locale: a show's English must not change with the server it runs on.
"""

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
