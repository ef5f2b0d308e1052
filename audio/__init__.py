"""Decode, measure loudness, master and tag podcast audio."""
