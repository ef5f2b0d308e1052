"""Podcast RSS feeds, show notes, transcript and chapters files, validation."""
