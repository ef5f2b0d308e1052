"""Fixtures for the validator tests: ``server`` serves the base feed over http."""

from tests.feeds.validate.basefeed import server

__all__ = ["server"]
