"""The sanitiser against a list of XSS vectors, checked by parsing its output with lxml."""

from __future__ import annotations

import re
from collections.abc import Callable

import lxml.html
import pytest

from feeds.sanitize import (
    DESCRIPTION_TAGS,
    SHOW_NOTES_TAGS,
    plain_text,
    sanitize_channel_description,
    sanitize_description,
    sanitize_html,
)

# Vectors from the OWASP XSS filter evasion cheat sheet, PortSwigger's XSS cheat sheet and
# published mutation-XSS (mXSS) bypasses of other sanitisers.
XSS_VECTORS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>",
    "<<script>alert(1);//<</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    '<img """><script>alert(1)</script>">',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    "<a href=javascript:alert(1)>x</a>",
    '<a/href="javascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="jav\tascript:alert(1)">x</a>',
    '<a href="jav\nascript:alert(1)">x</a>',
    '<a href="java&#13;script:alert(1)">x</a>',
    '<a href=" &#x20; javascript:alert(1)">x</a>',
    '<a href="\x01javascript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="VBScript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<a href="DATA:text/html,x">x</a>',
    '<a href="https://ok.example/" onclick="alert(1)" onmouseover=alert(1) style="x">ok</a>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<style>body{background:url("javascript:alert(1)")}</style>',
    '<p style="width: expression(alert(1))">x</p>',
    '<div style="background-image: url(javascript:alert(1))">x</div>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<math href="javascript:alert(1)">CLICK</math>',
    '<form action="javascript:alert(1)"><input type=submit></form>',
    '<form><button formaction="javascript:alert(1)">x</button></form>',
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    '<video><source onerror="alert(1)"></video>',
    "<audio src=x onerror=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    '<base href="javascript:alert(1)//">',
    '<link rel=stylesheet href="javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    "<!--<script>alert(1)</script>-->",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<xss onafterscriptexecute=alert(1)><script>1</script>",
    '<blockquote cite="javascript:alert(1)">x</blockquote>',
    '<ul><li onclick="alert(1)">x</li></ul>',
    "<p>ok</p><script>document.write('<img src=x onerror=alert(1)>')</script>",
]

SANITIZERS: list[tuple[str, Callable[[str], str], frozenset[str]]] = [
    ("html", sanitize_html, SHOW_NOTES_TAGS),
    ("description", sanitize_description, DESCRIPTION_TAGS),
]

BAD_SCHEMES = ("javascript:", "vbscript:", "data:")


def assert_inert(output: str, allowed: frozenset[str]) -> None:
    root = lxml.html.fragment_fromstring(output, create_parent="div")
    for element in root.iterdescendants():
        assert element.tag in allowed, (element.tag, output)
        assert element.tag != "script"
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (name, output)
            assert name.lower() in {"href", "title", "rel"}, (name, output)
            # Browsers ignore control characters and whitespace inside a scheme.
            squashed = "".join(ch for ch in value if ord(ch) > 0x20).lower()
            assert not squashed.startswith(BAD_SCHEMES), (value, output)
            if name == "href":
                assert squashed.startswith(("https:", "http:", "mailto:")), (value, output)


def test_vector_list_is_long_enough() -> None:
    assert len(XSS_VECTORS) >= 40
    assert len(set(XSS_VECTORS)) == len(XSS_VECTORS)


@pytest.mark.parametrize(
    ("kind", "sanitize", "allowed"), SANITIZERS, ids=[s[0] for s in SANITIZERS]
)
@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_xss_vector_is_neutralised(
    vector: str, kind: str, sanitize: Callable[[str], str], allowed: frozenset[str]
) -> None:
    output = sanitize(vector)
    assert_inert(output, allowed)
    assert "<script" not in output.lower()


@pytest.mark.parametrize("tag", sorted(SHOW_NOTES_TAGS - {"br"}))
def test_event_handlers_dropped_from_every_allowed_tag(tag: str) -> None:
    attributes = 'onclick="alert(1)" onmouseover="alert(2)" ONFOCUS="alert(3)" style="x:y"'
    vector = f"<{tag} {attributes}>text</{tag}>"
    output = sanitize_html(vector)
    assert_inert(output, SHOW_NOTES_TAGS)
    assert output.startswith(f"<{tag}")
    assert "alert" not in output


def test_event_handler_dropped_from_br() -> None:
    assert sanitize_html('a<br onclick="alert(1)">b') == "a<br>b"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<p>Read <a href="https://example.org/a?b=1&amp;c=2" title="The story">it</a>.</p>',
            '<p>Read <a href="https://example.org/a?b=1&amp;c=2" title="The story" rel="nofollow noopener">it</a>.</p>',
        ),
        (
            '<a href="mailto:desk@example.org">mail</a>',
            '<a href="mailto:desk@example.org" rel="nofollow noopener">mail</a>',
        ),
        ('<a href="/relative/page">rel</a>', '<a rel="nofollow noopener">rel</a>'),
        (
            '<a href="https://x.org/" rel="opener" target="_blank">t</a>',
            '<a href="https://x.org/" rel="nofollow noopener">t</a>',
        ),
        ("<h1>Title</h1><h2>Part</h2>", "Title<h2>Part</h2>"),
        (
            "<p>Fish &amp; chips <b>hot</b> <i>now</i></p>",
            "<p>Fish &amp; chips <b>hot</b> <i>now</i></p>",
        ),
        ("<p>unclosed <strong>bold", "<p>unclosed <strong>bold</strong></p>"),
        (
            "<blockquote><p>quote <cite>Ana</cite></p></blockquote>",
            "<blockquote><p>quote <cite>Ana</cite></p></blockquote>",
        ),
        ("<script>alert(1)</script><p>kept</p>", "<p>kept</p>"),
        ("<img src=https://x.org/a.jpg alt=photo>caption", "caption"),
        ("1 < 2 & 3 > 2", "1 &lt; 2 &amp; 3 &gt; 2"),
    ],
)
def test_sanitize_html_keeps_show_notes(html: str, expected: str) -> None:
    assert sanitize_html(html) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<p>A <strong>b</strong> <a href="https://x.org/" title="t">c</a></p>',
            '<p>A b <a href="https://x.org/">c</a></p>',
        ),
        (
            "<ol><li>one</li></ol><ul><li>two</li></ul>",
            "<ol><li>one</li></ol><ul><li>two</li></ul>",
        ),
        ("<p>line<br>break</p>", "<p>linebreak</p>"),
        ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
    ],
)
def test_sanitize_description_keeps_apple_tags_only(html: str, expected: str) -> None:
    assert sanitize_description(html) == expected


@pytest.mark.parametrize("vector", XSS_VECTORS[:10])
def test_sanitising_twice_changes_nothing(vector: str) -> None:
    once = sanitize_html(vector)
    assert sanitize_html(once) == once


@pytest.mark.parametrize(
    ("kind", "sanitize", "allowed"), SANITIZERS, ids=[s[0] for s in SANITIZERS]
)
def test_output_never_ends_a_cdata_section(
    kind: str, sanitize: Callable[[str], str], allowed: frozenset[str]
) -> None:
    output = sanitize('<p>a ]]> b <a href="https://x.org/?q=]]>">c</a></p>')
    assert "]]>" not in output
    assert output == (
        '<p>a ]]&gt; b <a href="https://x.org/?q=]]&gt;"'
        + (' rel="nofollow noopener"' if kind == "html" else "")
        + ">c</a></p>"
    )


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_plain_text_leaves_no_markup_even_when_rendered_as_html(vector: str) -> None:
    """A name or title is text, but a reader may render it as HTML: nothing there may open a tag,
    and HTML-escaping the result (as a feed or ID3 reader shows it) keeps it inert too."""
    text = plain_text(vector)
    assert not re.search(r"<\s*[a-zA-Z!/?]", text), text
    rendered = lxml.html.fragment_fromstring(f"<p>{text}</p>")
    assert [el.tag for el in rendered.iter()] == ["p"]
    assert not any(attr.startswith("on") for el in rendered.iter() for attr in el.attrib)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Simon & Garfunkel", "Simon & Garfunkel"),
        ("'Lovesong': a film", "'Lovesong': a film"),
        ("I <3 film; a < b", "I <3 film; a < b"),
        ("Ana <b>Ruiz</b>", "Ana Ruiz"),
        ("&lt;script&gt;alert(1)&lt;/script&gt;Ana", "Ana"),
        ("&amp;lt;img src=x onerror=alert(1)&amp;gt;Ana", "Ana"),
    ],
)
def test_plain_text_keeps_text_and_removes_markup_escaped_or_not(text: str, expected: str) -> None:
    assert plain_text(text) == expected


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_channel_description_has_no_active_content(vector: str) -> None:
    html, _ = sanitize_channel_description(f"Film {vector} &lt;script&gt;x&lt;/script&gt;")
    lowered = html.lower()
    for active in ("<script", "&lt;script", "javascript:", "onerror", "onload"):
        assert active not in lowered
