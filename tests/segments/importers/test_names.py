"""The name gate (``names.refusal``): every source of a person passes it, each refusal beside a
near miss it must leave alone.

Every page here is small and written for the case; it mirrors a structure real pages have.
"""

from __future__ import annotations

import pytest

from segments.importers.html import read_html_page
from segments.importers.htmlmeta import byline_people
from segments.importers.names import refusal
from segments.importers.rawpage import RawPage, Reason
from segments.importers.structure import _clean_name, _full_name, build_segment
from segments.model import Segment

PAGE = """<!DOCTYPE html><html lang="{lang}"><head><title>{title}</title>{head}</head><body>
<article><h1>{title}</h1><p>An opening paragraph that sets the scene for this case.</p>
{snippet}<p>A closing paragraph that ends the article for this case.</p></article>
{after_article}</body></html>"""


def page(
    snippet: str = "",
    *,
    lang: str = "en",
    title: str = "Case page",
    head: str = "",
    after_article: str = "",
) -> RawPage:
    html = PAGE.format(
        snippet=snippet, lang=lang, title=title, head=head, after_article=after_article
    )
    return read_html_page(html, "case.html")


def people(segment: Segment) -> list[tuple[str, str]]:
    return [(p.name, p.role) for p in segment.people]


def author(name: str) -> str:
    return f'<meta name="author" content="{name}">'


# --- the gate itself: one rule per refusal, each with the near miss ----------------------------

REFUSED = [
    # candidate, rule
    ("rbb Fernsehen", "names-agency"),
    ("Radio Fernsehen", "names-organisation-word"),
    ("Fairfield Police", "names-organisation-word"),
    ("Press Office", "names-organisation-word"),
    ("CBC Arts", "names-agency"),
    ("KiKA - Kinderkanal von ARD", "names-agency"),
    ("kein Autor", "names-no-author"),
    ("No author", "names-no-author"),
    ("sans auteur", "names-no-author"),
    ("LIBERATION, AFP", "names-capitals-outlets"),
    ("AP Photo/Joe Roe", "names-photo-credit"),
    ("dpa Foto/Jan Roe", "names-photo-credit"),
    ("EndPlay", "names-brand-case"),
    ("Your Side", "names-pronoun"),
    ("Jane Roe Is Looking", "names-runs-into-verb"),
    ("Jane Roe’ Portraits", "names-possessive"),
    ("Line Producer", "names-job-title"),
]

KEPT = [
    "Mark Press",  # a given name, then the word as a surname
    "Anna Radio",
    "Matt LeBlanc",  # an inner capital after Le/Mc is a surname's
    "McKelvey",
    "Carolyn Said",  # "said" is no verb at the end of a two-word name
    "Lucia I. Suarez",  # "I." is an initial, no pronoun
    "George Will",  # a verb word last in two words is a surname
    "Emre Can",
    "Jane Roe",
    "Ludwig van Beethoven",
]


@pytest.mark.parametrize(("candidate", "rule"), REFUSED, ids=[r[0] for r in REFUSED])
def test_the_gate_refuses_what_no_person_is_called(candidate: str, rule: str) -> None:
    assert refusal(candidate) == rule


@pytest.mark.parametrize("candidate", KEPT)
def test_near_miss_a_real_name_with_such_a_word_passes_the_gate(candidate: str) -> None:
    assert refusal(candidate) is None


# --- every source passes the gate, and --explain names the rule ---------------------------------


@pytest.mark.parametrize(
    ("credit", "rule"),
    [
        ("rbb Fernsehen", "names-agency"),
        ("kein Autor", "names-no-author"),
        ("EndPlay", "names-brand-case"),
    ],
)
def test_a_meta_author_that_is_an_outlet_or_no_author_is_nobody(credit: str, rule: str) -> None:
    reasons: list[Reason] = []
    raw = page(head=author(credit))
    segment = build_segment(raw, reasons)
    assert people(segment) == []
    explained = [r for r in raw.reasons if r.value == f"{credit} (left out)"]
    assert explained and rule in explained[0].rule


def test_near_miss_a_meta_author_whose_surname_is_such_a_word_stays() -> None:
    segment = build_segment(page(head=author("Mark Press")))
    assert people(segment) == [("Mark Press", "reporter")]


def test_a_byline_of_outlets_in_capitals_is_nobody_before_it_is_cased() -> None:
    refused: list[tuple[str, str]] = []
    assert byline_people(["LIBERATION, AFP"], refused) == []
    assert refused == [("LIBERATION, AFP", "names-capitals-outlets")]


def test_near_miss_a_byline_in_capitals_of_one_person_is_cased() -> None:
    assert [p.name for p in byline_people(["JANE ROE"])] == ["Jane Roe"]


def test_a_photo_credit_in_a_byline_element_is_no_reporter() -> None:
    # The byline element prints the picture's credit: the photographer reported nothing.
    refused: list[tuple[str, str]] = []
    assert byline_people(["AP Photo/Joe Roe"], refused) == []
    assert refused == [("AP Photo/Joe Roe", "names-photo-credit")]


def test_near_miss_a_byline_with_an_employer_after_a_slash_keeps_the_reporter() -> None:
    assert [p.name for p in byline_people(["Jane Roe / SWR"])] == ["Jane Roe"]


def test_a_phrase_naming_an_organisation_or_a_pronoun_adds_nobody() -> None:
    # A station's consumer segment "7 On Your Side spoke to Fairfield Police": neither is a person.
    snippet = "<p>7 On Your Side spoke to Fairfield Police about the complaints.</p>"
    reasons: list[Reason] = []
    segment = build_segment(page(snippet), reasons)
    assert people(segment) == []
    assert any("names-" in r.rule for r in reasons if r.field == "person")


def test_near_miss_a_phrase_naming_a_person_adds_them() -> None:
    snippet = "<p>Jane Roe spoke to Tom Falk about the complaints.</p>"
    assert ("Tom Falk", "guest") in people(build_segment(page(snippet)))


def test_a_job_title_speaking_in_a_transcript_is_nobody() -> None:
    snippet = (
        "<p><b>Line Producer:</b> We start at six.</p><p><b>Jane Roe:</b> And the band?</p>"
        "<p><b>Line Producer:</b> At seven.</p><p><b>Jane Roe:</b> Thank you.</p>"
    )
    assert all(name != "Line Producer" for name, _ in people(build_segment(page(snippet))))


# --- the extraction: a name stops at a verb, a possessive or a line -----------------------------

CUTS = [
    ("Julia Roe’ Portraits Are", "Julia Roe"),
    ("artist Julia Roe’", "Julia Roe"),
    ("Jane Roe Is Looking", "Jane Roe"),
    ("Jane Roe Has", "Jane Roe"),
    ("Obama's Jane Roe", "Jane Roe"),
]


@pytest.mark.parametrize(("raw", "name"), CUTS)
def test_a_name_match_is_cut_before_a_verb_or_after_a_possessive(raw: str, name: str) -> None:
    assert _clean_name(raw) == name


def test_a_title_s_dot_before_a_name_ends_no_sentence() -> None:
    snippet = "<p>Welcome to Health Talk – I’m your host Dr. Jane Roe, and today it is sleep.</p>"
    assert ("Jane Roe", "host") in people(build_segment(page(snippet)))
    assert _clean_name("Prof. Dr. Jan Roth") == "Jan Roth"


def test_near_miss_a_surname_s_dot_still_ends_the_sentence_and_the_name() -> None:
    assert _clean_name("Roe. Then Jan") is None
    assert _clean_name("Dr. Roe") is None  # a title and a surname: no full name


@pytest.mark.parametrize("name", ["Carolyn Said", "George Will", "Emre Can"])
def test_near_miss_a_surname_that_looks_like_a_verb_is_kept(name: str) -> None:
    assert _clean_name(name) == name


def test_a_first_name_label_takes_no_surname_from_the_next_line() -> None:
    # A heading "Asake and Olamide" above a heading "Burna Boy": "Olamide Burna" is nobody.
    assert _full_name("Olamide", "Asake and Olamide\nBurna Boy") is None


def test_near_miss_a_first_name_label_takes_its_surname_on_the_same_line() -> None:
    assert _full_name("Rick", "Our guest Rick Terrill talks rivers") == "Rick Terrill"


def test_a_title_case_headline_subject_stops_at_its_verb() -> None:
    title = "Jane Roe Is Looking to Be Legendary"
    snippet = "<h3>Why music?</h3><p>It found me.</p><h3>What next?</h3><p>A tour.</p>"
    assert ("Jane Roe", "guest") in people(build_segment(page(snippet, title=title)))


# --- bylines that credit a photo, and reporters who sign off ------------------------------------

LONG = " ".join(["The repository plan stalled again in committee this spring."] * 6)


def test_a_photo_byline_class_credits_the_photographer_not_a_reporter() -> None:
    snippet = (
        '<figure><img src="dawn.jpg" alt="Dawn"><p class="photo-byline">Jane Roe / The Times</p>'
        "</figure>"
    )
    assert page(snippet).people == []


def test_near_miss_a_byline_class_of_the_piece_names_its_reporter() -> None:
    snippet = '<p class="byline">By Jane Roe</p>'
    assert [(p.name, p.role) for p in page(snippet).people] == [("Jane Roe", "reporter")]


def test_reporters_signing_off_their_part_of_a_package_are_its_reporters() -> None:
    snippet = (
        f"<p>{LONG}</p><p><em>–Erin Ryan</em></p>"
        f"<ul><li><p>{LONG}</p><p><em>–Ric Roe and Chris Doe</em></p></li></ul>"
    )
    reasons: list[Reason] = []
    segment = build_segment(page(snippet), reasons)
    assert people(segment) == [
        ("Erin Ryan", "reporter"),
        ("Ric Roe", "reporter"),
        ("Chris Doe", "reporter"),
    ]
    assert any("people-sign-off" in r.rule for r in reasons)


def test_near_miss_a_dash_under_a_quote_names_who_is_quoted() -> None:
    snippet = f"<blockquote><p>{LONG}</p></blockquote><p>— Jane Roe</p><p>“Be kind.” —Tom Falk</p>"
    assert people(build_segment(page(snippet))) == []


# --- a credit that names the page's copyright holder --------------------------------------------

COPYRIGHT = '<meta name="copyright" content="Copyright (c) Roe Publications 2023">'
JSONLD = (
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Case page",'
    ' "author": [{"@type": "Person", "name": "Jane Roe"}]}</script>'
)


def test_a_meta_author_naming_the_copyright_holder_beside_the_writers_is_the_publisher() -> None:
    raw = page(head=JSONLD + COPYRIGHT + author("Roe Publications"))
    assert [(p.name, p.role) for p in raw.people] == [("Jane Roe", "reporter")]


def test_near_miss_a_sole_author_who_holds_the_copyright_stays() -> None:
    head = '<meta name="copyright" content="© 2023 Tom Falk">' + author("Tom Falk")
    assert [(p.name, p.role) for p in page(head=head).people] == [("Tom Falk", "reporter")]


# --- a readers' comment thread signs comments, not the piece ------------------------------------

COMMENTS = (
    '<div id="comment-thread"><ul id="dsq-comments"><li class="comment">'
    '<cite><span class="comment-author">Tom Falk</span></cite><p>Great piece.</p></li></ul></div>'
)


def test_an_author_element_in_the_comment_thread_is_no_byline() -> None:
    assert page(after_article=COMMENTS).people == []


def test_near_miss_the_piece_byline_stays_beside_a_comment_thread() -> None:
    raw = page(
        '<p class="byline">By <span class="author">Jane Roe</span></p>', after_article=COMMENTS
    )
    assert [(p.name, p.role) for p in raw.people] == [("Jane Roe", "reporter")]


# --- one person, two spellings; an employer that is a desk --------------------------------------


def test_a_byline_whose_employer_is_a_desk_keeps_the_reporter() -> None:
    assert [p.name for p in byline_people(["Ana Núñez | The Harbour Newsroom"])] == ["Ana Núñez"]


def test_near_miss_a_desk_alone_is_still_nobody() -> None:
    assert byline_people(["The Harbour Newsroom"]) == []


def test_a_label_in_capitals_without_accents_is_the_accented_name_of_the_metadata() -> None:
    snippet = (
        "<p>ANA NUNEZ, BYLINE: The pipes burst on a Saturday.</p>"
        "<p>TOM FALK: We came at once.</p><p>ANA NUNEZ, BYLINE: And then?</p>"
    )
    found = people(build_segment(page(snippet, head=author("Ana Núñez"))))
    assert [name for name, _ in found if "N" in name[:5]] == ["Ana Núñez"]


# --- what the page itself says: its own site, its desk's acronym, its phrases written small ------

SITE = (
    '<meta property="og:site_name" content="Harbour Shelf">'
    '<meta property="og:url" content="https://harbourshelf.com/best/ferry-novels/">'
)
INTERVIEW_CREDIT = (
    '<p class="credit">Interview by '
    '<a class="interviewer-name" href="/interviewer/jane-roe/">Jane Roe</a></p>'
)


def test_a_meta_author_that_is_the_site_itself_yields_to_the_printed_byline() -> None:
    # The CMS credits every page to the site ("Harbour Shelf" of harbourshelf.com); the page
    # prints who interviewed (rule "names-the-site").
    raw = page(INTERVIEW_CREDIT, head=SITE + author("Harbour Shelf"))
    assert [(p.name, p.role) for p in raw.people] == [("Jane Roe", "reporter")]
    explained = [r for r in raw.reasons if r.value == "Harbour Shelf (left out)"]
    assert explained and "names-the-site" in explained[0].rule


def test_near_miss_a_personal_site_named_after_its_author_keeps_its_author() -> None:
    # janeroe.com by Jane Roe: the site's name is the author's, and the page prints her byline
    head = (
        '<meta property="og:site_name" content="Jane Roe">'
        '<meta property="og:url" content="https://janeroe.com/2024/ferries/">' + author("Jane Roe")
    )
    byline = '<p class="byline">By <span class="author">Jane Roe</span></p>'
    assert [(p.name, p.role) for p in page(byline, head=head).people] == [("Jane Roe", "reporter")]


def test_near_miss_a_site_named_author_without_another_byline_stays() -> None:
    # a blog by its domain's name that prints no byline: the metadata is all there is
    head = '<meta property="og:url" content="https://janeroe.com/ferries/">' + author("Jane Roe")
    assert [(p.name, p.role) for p in page(head=head).people] == [("Jane Roe", "reporter")]


def test_a_broadcasters_desk_in_capitals_is_refused_as_printed() -> None:
    # a JSON-LD Person "NDR NIEDERSACHSEN": cased, "Ndr" would hide the acronym (names-agency)
    refused: list[tuple[str, str]] = []
    assert byline_people(["NDR NIEDERSACHSEN"], refused) == []
    assert refused == [("NDR NIEDERSACHSEN", "names-agency")]


def test_near_miss_a_reporter_in_capitals_beside_the_desk_stays() -> None:
    assert [p.name for p in byline_people(["JANE ROE", "Jan Roth, NDR"])] == [
        "Jane Roe",
        "Jan Roth",
    ]


WRITTEN_SMALL = [
    # candidate, the page's text
    ("Transfer Portal", "Rankings: Team | Transfer portal ranking"),
    ("Transfer Portal", "He entered the transfer portal in May."),
    ("Open House", "Come to our open house on Sunday."),
]


@pytest.mark.parametrize(("candidate", "text"), WRITTEN_SMALL)
def test_a_capitalised_phrase_the_page_writes_small_is_no_name(candidate: str, text: str) -> None:
    assert refusal(candidate, text) == "names-written-small"


@pytest.mark.parametrize(
    ("candidate", "text"),
    [
        ("Carolyn Said", "“It works,” Carolyn said. Carolyn Said reports."),  # her name, her verb
        ("Jane Bush", "Jane Bush planted a bush."),  # one word small is no phrase
        ("Transfer Portal", "TRANSFER PORTAL: Latest news"),  # only ever capitalised
    ],
)
def test_near_miss_a_name_whose_words_are_common_passes(candidate: str, text: str) -> None:
    assert refusal(candidate, text) is None


def test_a_label_the_page_writes_small_elsewhere_speaks_as_nobody() -> None:
    # A sports site's link rows: "TRANSFER PORTAL: Latest news | ..." reads as a speaker label.
    snippet = (
        "<p><b>RANKINGS:</b> Team | Position | Transfer portal ranking</p>"
        "<p><b>TRANSFER PORTAL:</b> Latest news | Transfer search | Transfer tracker</p>"
    )
    reasons: list[Reason] = []
    segment = build_segment(page(snippet), reasons)
    assert all(name != "Transfer Portal" for name, _ in people(segment))
    assert any("names-written-small" in r.rule for r in reasons if r.field == "person")


def test_near_miss_a_speaker_whose_surname_is_a_common_word_speaks() -> None:
    snippet = (
        "<p><b>Jane Roe:</b> What did you plant?</p><p><b>Jane Bush:</b> A bush and a rose.</p>"
        "<p><b>Jane Roe:</b> Why a bush?</p><p><b>Jane Bush:</b> It shelters the birds.</p>"
    )
    assert ("Jane Bush", "guest") in people(build_segment(page(snippet)))


# --- a credit that is someone else's: a quotation's author, the account that posted it ----------


def test_a_dash_name_in_a_page_its_writer_signs_attributes_a_quotation() -> None:
    # An epigraph, a poem's lines: "... Say only, thank you. —Tom Falk, Thank You"
    snippet = f"<p>. . . {LONG} Say only, thank you. —Tom Falk, Thank You</p><p>{LONG}</p>"
    reasons: list[Reason] = []
    segment = build_segment(page(snippet, head=author("Jane Roe")), reasons)
    assert people(segment) == [("Jane Roe", "reporter")]
    assert any("people-sign-off-quotation" in r.rule for r in reasons if r.field == "person")


def test_near_miss_the_stated_writer_signing_off_stays_the_reporter() -> None:
    snippet = f"<p>{LONG}</p><p><em>–Erin Ryan</em></p>"
    assert people(build_segment(page(snippet, head=author("Erin Ryan")))) == [
        ("Erin Ryan", "reporter")
    ]


def test_a_metadata_author_the_empty_byline_element_never_prints_is_nobody() -> None:
    # An institution's release: the theme's byline slot prints nobody; the CMS names its poster.
    raw = page('<p class="author-date">\n</p>', head=author("Tom Falk"))
    assert raw.people == []
    explained = [r for r in raw.reasons if r.value == "Tom Falk (left out)"]
    assert explained and "byline-empty-slot" in explained[0].rule


@pytest.mark.parametrize(
    "snippet",
    [
        '<p class="author-date">By Tom Falk</p>',  # the slot prints the writer
        '<p class="author-date"></p><p>Tom Falk is a science writer.</p>',  # the page names him
        "<p>No byline element at all.</p>",  # nothing says the theme left the writer out
    ],
)
def test_near_miss_a_metadata_author_the_page_prints_or_has_no_slot_for_stays(
    snippet: str,
) -> None:
    assert [(p.name, p.role) for p in page(snippet, head=author("Tom Falk")).people] == [
        ("Tom Falk", "reporter")
    ]
