"""Sanitise HTML for feeds: show notes (``content:encoded``) and Apple's item ``description``.

All HTML that reaches a feed goes through here. nh3 (Python bindings of ammonia, the Rust
sanitiser built on html5ever) parses like a browser, keeps only the tags, attributes and URL
schemes listed below, and re-serialises, so no script, event handler or ``javascript:`` URL
survives however it is spelled or encoded.
"""

from __future__ import annotations

import nh3

#: Tags kept in full show notes. No images: Apple Podcasts and most apps drop them, and a remote
#: image in show notes is a tracking pixel; photo credits are written as text.
SHOW_NOTES_TAGS = frozenset(
    {
        "p", "br", "a", "strong", "em", "b", "i",
        "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "cite",
    }
)  # fmt: skip

#: Apple's allowed tags for an item ``<description>``, inside CDATA (Apple Podcasts, "RSS tags
#: for Podcasts Connect", <description>: https://help.apple.com/itc/podcasts_connect/#/itcb54353390).
DESCRIPTION_TAGS = frozenset({"p", "ol", "ul", "li", "a"})

#: Attributes kept, per tag; everything else (``on*``, ``style``, ``class``, ...) is dropped.
#: ``"*": set()`` replaces ammonia's default of ``lang`` and ``title`` on every tag.
SHOW_NOTES_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "*": frozenset(),
}
DESCRIPTION_ATTRIBUTES: dict[str, frozenset[str]] = {"a": frozenset({"href"}), "*": frozenset()}

#: URL schemes allowed in ``href``. Relative URLs are dropped too: a feed has no base to resolve
#: them against.
URL_SCHEMES = frozenset({"https", "http", "mailto"})

#: Tags removed together with their content (their text is code or chrome, never show notes).
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "template", "noscript", "iframe", "object", "embed", "title", "textarea"}
)

#: ``rel`` added to every link in show notes (links go to pages nobody here vouches for).
LINK_REL = "nofollow noopener"


def _cleaner(
    tags: frozenset[str], attributes: dict[str, frozenset[str]], link_rel: str | None
) -> nh3.Cleaner:
    """Make a cleaner keeping ``tags`` and ``attributes`` under the policy above."""
    return nh3.Cleaner(
        tags=set(tags),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in attributes.items()},
        url_schemes=set(URL_SCHEMES),
        url_relative="deny",
        link_rel=link_rel,
        strip_comments=True,
    )


_SHOW_NOTES = _cleaner(SHOW_NOTES_TAGS, SHOW_NOTES_ATTRIBUTES, LINK_REL)
# The description spends no bytes of its 4000 on rel: it is read by apps, not browsers.
_DESCRIPTION = _cleaner(DESCRIPTION_TAGS, DESCRIPTION_ATTRIBUTES, None)


def _cdata_safe(html: str) -> str:
    # Feeds carry this HTML in CDATA, which "]]>" would end; html5ever leaves ">" raw in attribute
    # values, and "&gt;" there means the same.
    return str(html).replace("]]>", "]]&gt;")


def sanitize_html(html: str) -> str:
    """Return ``html`` with only the show-notes tags, safe links and no active content.

    >>> sanitize_html('<p onclick="x()">Hi <a href="javascript:alert(1)">there</a></p>')
    '<p>Hi <a rel="nofollow noopener">there</a></p>'
    """
    return _cdata_safe(_SHOW_NOTES.clean(html))


def sanitize_description(html: str) -> str:
    """Return ``html`` reduced to Apple's description tags (p, ol, ul, li, a).

    >>> sanitize_description('<h2>Guests</h2><p><strong>Ana</strong> <a href="https://x.org/">x</a></p>')
    'Guests<p>Ana <a href="https://x.org/">x</a></p>'
    """
    return _cdata_safe(_DESCRIPTION.clean(html))
