"""The article's main region: never a pop-up over the page (main-overlay)."""

from __future__ import annotations

from segments.importers.html import read_html_page

#: Several long paragraphs of a consent dialog's text, more than the article has.
_DIALOG_TEXT = "".join(
    f"<p class='consent-text'>Setting {n}: this store keeps small files in your browser so that "
    "the site remembers your choices, counts its visitors and lets its partners show you "
    "advertising that suits what you read; you may refuse each kind here at any time.</p>"
    for n in range(8)
)

_ARTICLE = """
<article><h1>The harbour keeper's last winter</h1>
<figure><img src="https://example.org/keeper.jpg">
<figcaption><span class="caption">The keeper on the north pier at dawn.</span>
<span class="credit">Photo: Ana Lind</span></figcaption></figure>
<p>For forty years the keeper walked the pier before sunrise, checking the lamps.</p>
<p>This winter is his last, and in this episode he talks about the storms he has seen.</p>
</article>"""


def _page(overlay: str) -> str:
    return f"<html><head><title>Keeper</title></head><body>{_ARTICLE}{overlay}</body></html>"


def test_consent_dialog_read_as_the_article_is_left_out() -> None:
    dialog = f"<div class='privacy-modal'><div class='privacy-modal-box'>{_DIALOG_TEXT}</div></div>"
    page = read_html_page(_page(dialog), "keeper.html")
    text = " ".join(b.text for b in page.blocks)
    assert "forty years the keeper" in text
    assert "small files in your browser" not in text
    assert [i.caption for i in page.images] == ["The keeper on the north pier at dawn."]
    assert any("main-overlay" in r.rule for r in page.reasons)


def test_dialog_by_role_is_an_overlay_too() -> None:
    dialog = f"<div role='dialog' class='box'>{_DIALOG_TEXT}</div>"
    page = read_html_page(_page(dialog), "keeper.html")
    assert "forty years the keeper" in " ".join(b.text for b in page.blocks)


def test_article_wrapper_named_overlay_holding_the_headline_stays() -> None:
    # A near miss: a theme names the page's wrapper "...-overlay"; it holds the <h1>.
    html = _page("").replace("<article>", "<div class='site-overlay'><article>", 1)
    html = html.replace("</article>", "</article></div>", 1)
    page = read_html_page(html, "keeper.html")
    assert "forty years the keeper" in " ".join(b.text for b in page.blocks)
    assert not any("main-overlay" in r.rule for r in page.reasons)


_STORY = "".join(
    f"<p>Paragraph {n} of the story about the harbour keeper and the storms he has seen.</p>"
    for n in range(6)
)


def _story_with(box: str) -> str:
    return (
        "<html><head><title>Keeper</title></head><body><article><h1>The keeper</h1>"
        f"{_STORY[:200]}{box}{_STORY[200:]}</article></body></html>"
    )


_GALLERY = """<div class="gal gal-embed-promo"><div class="gal-slide"><img src="https://example.org/1.jpg"></div>
<div class="gal-caption"><span class="gal-caption-title">March 18, 2015</span>
<span class="gal-caption-text">The keeper on the north pier at dawn.</span>
<span class="gal-caption-credit">Ana Lind/Agency</span></div></div>"""


def test_gallery_embedded_in_the_story_under_a_promo_class_is_the_storys() -> None:
    page = read_html_page(_story_with(f"<div class='inline-gallery-embed'>{_GALLERY}</div>"), "k")
    assert [(i.caption, i.credit) for i in page.images] == [
        ("The keeper on the north pier at dawn.", "Ana Lind/Agency")
    ]


def test_promo_box_without_a_media_word_stays_chrome() -> None:
    # A near miss: another story's promo card, in no gallery or photo box.
    page = read_html_page(_story_with(f"<div class='more-stories'>{_GALLERY}</div>"), "k")
    assert page.images == [] or all(i.caption is None for i in page.images)
