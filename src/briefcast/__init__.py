"""briefcast: the day's articles in, a spoken podcast episode and feed out."""

__version__ = "0.1.0"
