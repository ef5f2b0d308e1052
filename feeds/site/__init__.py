"""The show's website: show page, episode pages, stylesheet and airtimes calendar, from data."""

from feeds.site.calendar import airtimes_ics
from feeds.site.pages import render_episode_page, render_show_page, render_site

__all__ = ["airtimes_ics", "render_episode_page", "render_show_page", "render_site"]
