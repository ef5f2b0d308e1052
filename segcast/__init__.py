"""segcast: the command line, show configuration and the build around the domain packages."""

__version__ = "0.1.0"
