"""Photo captions and credits in the shapes CMSes print them, each beside a near miss.

Every page is a small one written here after a structure real sites use.
"""

from __future__ import annotations

import pytest

from segments.importers.html import _is_placeholder_image, read_html_page
from segments.importers.rawpage import RawPage

PAGE = """<!DOCTYPE html><html lang="{lang}"><head><title>Case page</title></head><body>
<article><h1>Case page</h1><p>An opening paragraph that sets the scene for this case.</p>
{snippet}<p>A closing paragraph that ends the article for this case, at some length.</p>
</article></body></html>"""


def page(snippet: str, lang: str = "en") -> RawPage:
    return read_html_page(PAGE.format(snippet=snippet, lang=lang), "case.html")


def captions(raw: RawPage) -> list[tuple[str | None, str | None]]:
    return [(i.caption, i.credit) for i in raw.images]


# --- caption-before-credit-figcaption: a <figcaption> holding the credit alone ------------------

MAGAZINE = (
    '<div class="embed"><div class="wrap"><img src="/images/ring.jpg" alt="a boxer"></div>'
    '<div class="meta"><div class="c1">{caption}</div>'
    '<figcaption class="c2"><span>{credit}</span></figcaption></div></div>'
)


@pytest.mark.parametrize(
    "credit", ["Icon Sportswire // Getty Images", "AB + DM", "Courtesy Harbour Radio"]
)
def test_the_text_before_a_credit_figcaption_is_the_caption(credit: str) -> None:
    caption = "The boxer squaring off against her rival at the hall in New York."
    raw = page(MAGAZINE.format(caption=caption, credit=credit))
    assert captions(raw) == [(caption, credit)]
    assert any("caption-before-credit-figcaption" in r.rule for r in raw.reasons)


@pytest.mark.parametrize(
    "snippet",
    [
        # the <figcaption> is a sentence: a caption, whatever stands before it
        MAGAZINE.format(
            caption="A longer text printed before it, here.", credit="A crowd outside."
        ),
        # the text before is no longer than the <figcaption>: no caption of it
        MAGAZINE.format(caption="Getty", credit="Jane Roe for Harbour Radio"),
        # a short caption with no full stop, after a photo's share line: still the caption
        MAGAZINE.format(caption="Share this photo on your feed", credit="The mayor at the rally"),
    ],
)
def test_near_miss_a_figcaption_that_is_a_caption_stays_the_caption(snippet: str) -> None:
    raw = page(snippet)
    assert all("caption-before-credit-figcaption" not in r.rule for r in raw.reasons)


# --- a photo repeated in <noscript>, a lazy-loading stand-in -----------------------------------

PLAYER_PHOTO = (
    '<div class="media"><div class="imageWrapper">'
    '<img src="/index-transparent_h-288.gif" alt="Herbert and Dorothea.">'
    '<noscript><img src="/bilder/bild413726.jpg" alt="Herbert and Dorothea."></noscript></div>'
    '<div class="mediaInfo"><span class="sub">{caption}</span>'
    '<span class="rights">{credit}</span></div></div>'
)


def test_a_caption_after_a_photo_repeated_in_noscript_is_read_with_bildrechte() -> None:
    caption = "Damit aus der Romanze mehr werden kann, muss einiges geklärt werden."
    snippet = PLAYER_PHOTO.format(caption=caption, credit="Bildrechte: MDR/Jane Roe")
    assert captions(page(snippet, lang="de")) == [(caption, "MDR/Jane Roe")]


def test_near_miss_a_text_after_a_photo_without_a_credit_is_no_caption() -> None:
    snippet = PLAYER_PHOTO.format(caption="Mehr Filme am Sonntag.", credit="Jetzt ansehen")
    assert captions(page(snippet, lang="de")) == []


@pytest.mark.parametrize(
    ("src", "placeholder"),
    [
        ("/index-transparent_h-288_w-512.gif", True),
        ("/img/blank.gif", True),
        ("/resources/img/base/background/trans.gif", True),
        ("/photos/transparent-glass-roof.jpg", False),  # a photo: stand-ins are GIFs or SVGs
        ("/bilder/bild413726_v-variantBig16x9.jpg", False),
        ("/images/spaceport-launch.jpg", False),
    ],
)
def test_a_lazy_loading_stand_in_is_known_by_its_name(src: str, placeholder: bool) -> None:
    assert _is_placeholder_image(src) is placeholder


# --- a gallery slide naming its photo in an attribute ------------------------------------------


def test_a_gallery_slide_with_its_photo_in_an_attribute_keeps_caption_and_credit() -> None:
    slide = (
        '<div class="gal-slide" data-caption="Security forces secure the area."'
        ' data-credit="Jane Roe/AFP/Getty Images" data-image="https://img.example.com/a.jpg"></div>'
    )
    assert [(i.url, i.caption, i.credit) for i in page(slide).images] == [
        (
            "https://img.example.com/a.jpg",
            "Security forces secure the area.",
            "Jane Roe/AFP/Getty Images",
        )
    ]


def test_near_miss_a_data_caption_beside_no_photo_is_no_figure() -> None:
    slide = '<div class="quote" data-caption="Security forces." data-src="/quotes/7"></div>'
    assert page(slide).images == []


# --- photo-in-noscript: a lazy-loaded photo's address in its <noscript> copy -------------------


@pytest.mark.parametrize(
    "photo",
    [
        '<picture><noscript><img src="/photos/banner.png" alt="a banner"></noscript></picture>',
        '<a href="#"><img src="/resources/img/trans.gif" alt="a banner">'
        '<noscript><img src="/photos/banner.png" alt="a banner"></noscript></a>',
    ],
)
def test_a_lazy_loaded_photo_keeps_the_address_of_its_noscript_copy(photo: str) -> None:
    snippet = (
        f'<figure>{photo}<div class="caption"><span class="caption__credit">'
        "Credit: Jane Roe</span></div></figure>"
    )
    assert [(i.url, i.credit) for i in page(snippet).images] == [("/photos/banner.png", "Jane Roe")]


def test_near_miss_a_tracking_pixel_in_noscript_is_no_photo() -> None:
    pixel = '<noscript><img src="https://stats.example.com/s?name=page&amp;m_cid=7"></noscript>'
    assert page(pixel).images == []
