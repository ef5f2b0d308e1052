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


def rules(raw: RawPage) -> str:
    return " ".join(r.rule for r in raw.reasons if r.field == "image")


# --- photo-aside: an <aside> that is one photo's box, floated beside the text ------------------

PHOTO_ASIDE = (
    '<aside class="left image wide">{link}<img src="/uploads/rally.jpg" alt="a rally">{end}'
    '<p class="caption">The organiser leads a rally of drivers at the depot. '
    '<span class="credits">(Courtesy of Jane Roe)</span></p></aside>'
)


@pytest.mark.parametrize(
    ("link", "end"), [("", ""), ('<a class="gallery" href="/uploads/rally.jpg">', "</a>")]
)
def test_an_aside_holding_one_photo_and_its_caption_is_the_photo_box(link: str, end: str) -> None:
    raw = page(PHOTO_ASIDE.format(link=link, end=end))
    assert captions(raw) == [
        ("The organiser leads a rally of drivers at the depot.", "Courtesy of Jane Roe")
    ]


@pytest.mark.parametrize(
    "snippet",
    [
        # a teaser: the link opens another story
        PHOTO_ASIDE.format(link='<a href="/news/other-story">', end="</a>"),
        # a sidebar: text of its own beside the caption
        PHOTO_ASIDE.replace("</aside>", "<p>Read more from our series on the depot.</p></aside>"),
    ],
)
def test_near_miss_an_aside_with_a_teaser_link_or_text_of_its_own_stays_chrome(
    snippet: str,
) -> None:
    assert captions(page(snippet.format(link="", end=""))) == []


# --- credit-after-figcaption: the line a <figure> prints after its caption --------------------


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("<footer>Agency/Jane Roe</footer>", "Agency/Jane Roe"),
        ('<p class="x5"> © Action press/Jane Roe </p>', "Action press/Jane Roe"),
        ("<div>Screenshots Instagram/TikTok</div>", "Screenshots Instagram/TikTok"),
    ],
)
def test_the_line_after_a_figcaption_is_the_photo_credit(line: str, credit: str) -> None:
    snippet = (
        '<figure><picture><img src="/images/demo.jpg" alt="a demo"></picture>'
        f"<figcaption>Marchers crossing the square after the rally.</figcaption>{line}</figure>"
    )
    raw = page(snippet)
    assert captions(raw) == [("Marchers crossing the square after the rally.", credit)]
    assert "credit-after-figcaption" in rules(raw)


@pytest.mark.parametrize(
    "line",
    [
        "<p>The square was full by noon, and the marchers stayed until dark.</p>",  # a sentence
        "<button>More</button>",  # a control
        '<p><a href="/gallery">See all photos</a></p>',  # a link
        "<div>Agency/Jane Roe</div><p>And a second line.</p>",  # not the figure's last text
    ],
)
def test_near_miss_a_sentence_control_or_link_after_a_figcaption_is_no_credit(line: str) -> None:
    snippet = (
        '<figure><img src="/images/demo.jpg" alt="a demo">'
        f"<figcaption>Marchers crossing the square after the rally.</figcaption>{line}</figure>"
    )
    assert captions(page(snippet)) == [("Marchers crossing the square after the rally.", None)]


# --- figure-bare-text: a <figure>'s loose text beside its photo -------------------------------


def test_the_loose_text_of_a_figure_is_its_caption() -> None:
    snippet = (
        '<figure class="picture right"><a href="/photos/big.jpg"><span class="ico"></span>'
        '<picture><img src="/photos/small.jpg" alt="staff"></picture></a>'
        "Former hotel staff at the premiere</figure>"
    )
    raw = page(snippet)
    assert captions(raw) == [("Former hotel staff at the premiere", None)]
    assert "figure-bare-text" in rules(raw)


def test_near_miss_a_figure_whose_children_print_text_has_no_bare_caption() -> None:
    snippet = (
        '<figure><img src="/photos/small.jpg" alt="staff">Former hotel staff'
        "<p>at the premiere, who came back for the opening night of the play.</p></figure>"
    )
    assert all("figure-bare-text" not in r.rule for r in page(snippet).reasons)


# --- credit-in-photo-title: "caption | credit" in the photo's title or alt --------------------

TITLED_PHOTO = (
    '<div class="media"><a href="#"><picture><img src="/images/tram-100.webp" alt="a tram"'
    ' title="{title}"></picture></a><span class="caption small">{caption}</span></div>'
)
TRAM = "Older trams carry their technology on the roof."


@pytest.mark.parametrize(
    ("title", "credit", "lang"),
    [
        (f"{TRAM} | MDR/Jane Roe", "MDR/Jane Roe", "en"),
        ("Die alte Bahn | Bildquelle: WDR / Jane Roe", "WDR / Jane Roe", "de"),
        ("Rechte: © WDR/Mediatoon", "WDR/Mediatoon", "de"),
    ],
)
def test_the_credit_in_a_photo_title_is_its_credit(title: str, credit: str, lang: str) -> None:
    raw = page(TITLED_PHOTO.format(title=title, caption=TRAM), lang=lang)
    assert captions(raw) == [(TRAM, credit)]
    assert "credit-in-photo-title" in rules(raw)


@pytest.mark.parametrize(
    "title",
    [
        "Another story about the trams | Harbour Radio",  # "Story | Site": not this caption
        f"{TRAM} | The trams will run again once the heat has passed.",  # a sentence
        "A tram in the depot",  # no credit at all
    ],
)
def test_near_miss_a_photo_title_naming_no_credit_gives_none(title: str) -> None:
    assert captions(page(TITLED_PHOTO.format(title=title, caption=TRAM))) == [(TRAM, None)]


# --- imageobject-beside-photo: a JSON-LD ImageObject in the photo's own box -------------------

PLACED_OBJECT = (
    '<div class="mediaCon"><div class="media">'
    '<script type="application/ld+json">{{"@type": "ImageObject",'
    ' "contentUrl": "https://cdn.example.com/demo-104~_v-fullhd.jpg", "author": "WDR / Jane Roe",'
    ' "name": "Firefighters at a protest", "description": "Firefighters protest in Essen"}}'
    '</script><picture><img src="/demo-104~_v-small.jpg" alt="Firefighters at a protest">'
    "</picture>{extra}</div></div>"
)


def test_an_imageobject_in_a_photo_box_gives_its_caption_and_credit() -> None:
    raw = page(
        PLACED_OBJECT.format(
            extra='<div class="mediaInfo"><p>Firefighters protest in Essen</p></div>'
        )
    )
    assert captions(raw) == [("Firefighters protest in Essen", "WDR / Jane Roe")]
    assert "imageobject-beside-photo" in rules(raw)


@pytest.mark.parametrize(
    "extra",
    [
        # a teaser list's box: a second photo and links to other stories
        '<a href="/news/other"><img src="/other.jpg" alt="other"></a>',
        '<a href="/news/other">Another story</a>',
    ],
)
def test_near_miss_an_imageobject_in_a_teaser_box_gives_nothing(extra: str) -> None:
    raw = page(PLACED_OBJECT.format(extra=extra))
    assert all("imageobject-beside-photo" not in r.rule for r in raw.reasons)


# --- caption-after-titled-photo: an unmarked caption, the credit in the photo's title ---------

TITLED_BOX = (
    '<div class="media"><picture><img src="/fire-110.jpg" alt="a stretcher"'
    ' title="A stretcher carried out | {credit}"></picture>'
    '<div class="mediaInfo"><p class="infotext">{caption}</p></div></div>'
)


def test_a_text_after_a_photo_whose_title_prints_the_credit_is_its_caption() -> None:
    caption = "Harrowing scenes are part of the job"
    raw = page(TITLED_BOX.format(credit="Bildquelle: WDR/Jane Roe", caption=caption), lang="de")
    assert captions(raw) == [(caption, "WDR/Jane Roe")]
    assert "caption-after-titled-photo" in rules(raw)


@pytest.mark.parametrize(
    "snippet",
    [
        # the title names no printed credit ("Story | Site")
        TITLED_BOX.format(credit="Harbour Radio", caption="Harrowing scenes are part of the job"),
        # a running time, not a caption
        TITLED_BOX.format(credit="Bildquelle: WDR", caption="45:47"),
        # a teaser: photo and text in a link to another story
        '<a href="/news/other">'
        + TITLED_BOX.format(credit="Bildquelle: WDR", caption="Another story")
        + "</a>",
        # a show's logo in a heading, a broadcast box of two lines after it
        '<div><h3><a href="/show"><img src="/logo.png" title="The Show | Rechte: WDR"></a></h3>'
        '</div><div class="box"><p>Next episode on 18 March</p><p>at 18:35</p></div>',
    ],
)
def test_near_miss_a_text_after_a_titled_photo_that_is_no_caption(snippet: str) -> None:
    raw = page(snippet, lang="de")
    assert all("caption-after-titled-photo" not in r.rule for r in raw.reasons)
    assert all(i.caption in (None, "A stretcher carried out") for i in raw.images)


def test_a_lightbox_link_around_photo_and_caption_keeps_the_caption() -> None:
    # a gallery's slide: the link that opens the photo large holds photo and caption
    caption = "Harrowing scenes are part of the job"
    box = TITLED_BOX.format(credit="Bildquelle: WDR/Jane Roe", caption=caption)
    raw = page(f'<a class="zoom" href="#">{box}</a>', lang="de")
    assert captions(raw) == [(caption, "WDR/Jane Roe")]
    assert "caption-after-titled-photo" in rules(raw)


def test_near_miss_a_player_link_around_photo_and_label_gives_no_caption() -> None:
    # a video's start button over its still: the text beside it is the player's label
    box = TITLED_BOX.format(credit="Bildquelle: WDR", caption="Watch the report")
    raw = page(f'<a class="mediaLink video" href="#">{box}</a>', lang="de")
    assert all("caption-after-titled-photo" not in r.rule for r in raw.reasons)
    assert all(i.caption != "Watch the report" for i in raw.images)


# --- caption-credit-after-photo: a photo box of photo, unmarked caption and credit ------------

REACT_BOX = (
    '<div class="sc-a1"><div class="sc-b2"><picture><img src="/2024/front.jpeg" class="sc-c3">'
    '</picture></div><div class="sc-d4">{caption}</div><div class="sc-e5">{credit}</div></div>'
)


def test_a_photo_box_of_photo_caption_and_credit_reads_both() -> None:
    raw = page(REACT_BOX.format(caption="This week’s front page", credit="The Evening Paper"))
    assert captions(raw) == [("This week’s front page", "The Evening Paper")]
    assert "caption-credit-after-photo" in rules(raw)


@pytest.mark.parametrize(
    "snippet",
    [
        REACT_BOX.format(caption="Jane Roe", credit="1m 51s"),  # a transcript's timestamp
        REACT_BOX.format(caption="Watch: the week in review", credit="8:09"),  # a player
        REACT_BOX.format(caption="Jane Roe is our columnist.", credit=""),  # an author card
        # a photo above the text: more than photo, caption and credit in the box
        REACT_BOX.replace("</div></div>", "</div><p>A paragraph of the story.</p></div>").format(
            caption="The market was busy.", credit="Stalls"
        ),
        # an avatar beside a speaker's name
        '<div><img class="transcript__avatar" src="/images/jr.jpg"><span>Jane Roe</span>'
        "<span>Host</span></div>",
    ],
)
def test_near_miss_a_photo_box_whose_last_line_is_no_credit(snippet: str) -> None:
    assert captions(page(snippet)) == []
