"""Apple Podcasts categories with Apple's exact casing; the config check and the validator share it.

It lives in the lowest layer so that every reader of producers' files may use it.

Source: Apple Podcasts Connect, "Apple Podcasts categories" (the 2019 list, still current).
Only the first ``itunes:category`` and its subcategory count; the text must match exactly.
"""

from __future__ import annotations

#: Category -> its subcategories, exactly as Apple spells them (``&`` is written ``&amp;`` in XML).
APPLE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "Arts": (
        "Books",
        "Design",
        "Fashion & Beauty",
        "Food",
        "Performing Arts",
        "Visual Arts",
    ),
    "Business": (
        "Careers",
        "Entrepreneurship",
        "Investing",
        "Management",
        "Marketing",
        "Non-Profit",
    ),
    "Comedy": ("Comedy Interviews", "Improv", "Stand-Up"),
    "Education": ("Courses", "How To", "Language Learning", "Self-Improvement"),
    "Fiction": ("Comedy Fiction", "Drama", "Science Fiction"),
    "Government": (),
    "History": (),
    "Health & Fitness": (
        "Alternative Health",
        "Fitness",
        "Medicine",
        "Mental Health",
        "Nutrition",
        "Sexuality",
    ),
    "Kids & Family": ("Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"),
    "Leisure": (
        "Animation & Manga",
        "Automotive",
        "Aviation",
        "Crafts",
        "Games",
        "Hobbies",
        "Home & Garden",
        "Video Games",
    ),
    "Music": ("Music Commentary", "Music History", "Music Interviews"),
    "News": (
        "Business News",
        "Daily News",
        "Entertainment News",
        "News Commentary",
        "Politics",
        "Sports News",
        "Tech News",
    ),
    "Religion & Spirituality": (
        "Buddhism",
        "Christianity",
        "Hinduism",
        "Islam",
        "Judaism",
        "Religion",
        "Spirituality",
    ),
    "Science": (
        "Astronomy",
        "Chemistry",
        "Earth Sciences",
        "Life Sciences",
        "Mathematics",
        "Natural Sciences",
        "Nature",
        "Physics",
        "Social Sciences",
    ),
    "Society & Culture": (
        "Documentary",
        "Personal Journals",
        "Philosophy",
        "Places & Travel",
        "Relationships",
    ),
    "Sports": (
        "Baseball",
        "Basketball",
        "Cricket",
        "Fantasy Sports",
        "Football",
        "Golf",
        "Hockey",
        "Rugby",
        "Running",
        "Soccer",
        "Swimming",
        "Tennis",
        "Volleyball",
        "Wilderness",
        "Wrestling",
    ),
    "Technology": (),
    "True Crime": (),
    "TV & Film": (
        "After Shows",
        "Film History",
        "Film Interviews",
        "Film Reviews",
        "TV Reviews",
    ),
}


def _fold(name: str) -> str:
    return " ".join(name.replace("&amp;", "&").split()).casefold()


def suggest(name: str, choices: tuple[str, ...] | list[str]) -> str | None:
    """Return the choice that ``name`` matches except for casing, spacing or ``&amp;``.

    >>> suggest("Tv & film", list(APPLE_CATEGORIES))
    'TV & Film'
    >>> suggest("Film", list(APPLE_CATEGORIES)) is None
    True
    """
    folded = _fold(name)
    return next((choice for choice in choices if _fold(choice) == folded), None)


def is_category(category: str, subcategory: str | None = None) -> bool:
    """Return whether ``category`` (and ``subcategory``, if given) are on Apple's list, exactly.

    >>> is_category("TV & Film", "Film Interviews"), is_category("Arts", "Film Interviews")
    (True, False)
    """
    if category not in APPLE_CATEGORIES:
        return False
    return subcategory is None or subcategory in APPLE_CATEGORIES[category]
