"""Sanitise HTML for feeds: show notes (``content:encoded``) and Apple's item ``description``.

All HTML that reaches a feed goes through here, and so do show.toml's channel description
(``sanitize_channel_description``) and producer text bound for a place that is plain text but that
readers may still render as HTML (``plain_text``: people's names, titles, chapter titles, ID3
frames). nh3 (Python bindings of ammonia, the Rust sanitiser built on html5ever) parses like a
browser, keeps only the tags, attributes and URL schemes listed below, and re-serialises, so no
script, event handler or ``javascript:`` URL survives however it is spelled or encoded.
"""

from __future__ import annotations

import html as html_module

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


_PLAIN = nh3.Cleaner(tags=set(), clean_content_tags=set(DROPPED_WITH_CONTENT), attributes={})

#: How many rounds of unescaping :func:`plain_text` follows ("&amp;lt;script&amp;gt;").
_PLAIN_ROUNDS = 4


def plain_text(text: str) -> str:
    """Return producer text for a plain-text place a reader may still render as HTML (a person's
    name, a chapter title, an ID3 frame): tags removed, script and style with their content, and
    entities decoded, until no markup is left to find.

    >>> plain_text('Ana <b>Ruiz</b><script>alert(1)</script> & co')
    'Ana Ruiz & co'
    >>> plain_text("&lt;img src=x onerror=alert(1)&gt;Ana"), plain_text("I <3 film; a < b")
    ('Ana', 'I <3 film; a < b')
    """
    if "<" not in text and "&" not in text:
        return text  # nothing a parser could read as markup or an entity: the common case
    cleaned = _settled(_PLAIN, text)
    decoded = html_module.unescape(cleaned)
    # Settled: decoding once more finds no markup. Else (escaped five times over) keep entities.
    return decoded if _PLAIN.clean(decoded) == cleaned else cleaned


def _settled(cleaner: nh3.Cleaner, text: str) -> str:
    """Clean ``text``, decode its entities and clean again until nothing changes; return the last
    cleaned HTML. Markup escaped once or more ("&lt;script&gt;") is found and removed too."""
    cleaned = cleaner.clean(text)
    for _ in range(_PLAIN_ROUNDS):
        decoded = html_module.unescape(cleaned)
        again = cleaner.clean(decoded)
        if again == cleaned:
            break
        cleaned = again
    return cleaned


def sanitize_channel_description(text: str) -> tuple[str, bool]:
    """Return the channel ``<description>`` for show.toml's ``description``, and whether it is
    HTML (to be written as CDATA).

    Readers render the channel description as HTML, escaped or not, so it is sanitised like an
    item's (Apple's tags, no script, no event handler). Text that needs no markup stays as it is.

    >>> sanitize_channel_description("Movies, music and TV.")
    ('Movies, music and TV.', False)
    >>> sanitize_channel_description('<p onclick="x()">Film</p><script>alert(1)</script>')
    ('<p>Film</p>', True)
    >>> sanitize_channel_description("Film &lt;script&gt;alert(1)&lt;/script&gt;&amp; TV")
    ('Film &amp; TV', True)
    """
    cleaned = _cdata_safe(_settled(_DESCRIPTION, text))
    if "<" not in cleaned and "&" not in cleaned:
        return cleaned, False
    return cleaned, True
