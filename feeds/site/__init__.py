"""The show's website: show page, episode pages, stylesheet and airtimes calendar, from data."""

from feeds.site.calendar import airtimes_ics
from feeds.site.pages import (
    CALENDAR_FILE,
    INDEX_PAGE,
    STATIC_FILES,
    check_slugs,
    episode_page,
    episode_page_url,
    has_calendar,
    render_episode_page,
    render_show_page,
    render_site,
    static_file,
)

__all__ = [
    "CALENDAR_FILE",
    "INDEX_PAGE",
    "STATIC_FILES",
    "airtimes_ics",
    "check_slugs",
    "episode_page",
    "episode_page_url",
    "has_calendar",
    "render_episode_page",
    "render_show_page",
    "render_site",
    "static_file",
]
