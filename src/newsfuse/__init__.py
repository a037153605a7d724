"""newsfuse: from raw news reports to one sourced record of what happened."""

__version__ = "0.1.0"
