"""The segment and show model, import of pages and transcripts, airtime schedules."""
