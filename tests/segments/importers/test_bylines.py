"""Bylines and the role a byline's person gets: small pages mirroring what real sites print."""

from __future__ import annotations

from segments.importers.html import read_html_page
from segments.importers.rawpage import Reason
from segments.importers.structure import build_segment
from segments.importers.text import read_text_page
from segments.model import Segment


def html_segment(
    body: str, head: str = "", reasons: list[Reason] | None = None, title: str = "Case page"
) -> Segment:
    html = (
        f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>{head}</head><body>"
        f"{body}</body></html>"
    )
    raw = read_html_page(html, "case.html")
    if reasons is not None:
        reasons += raw.reasons
    return build_segment(raw, reasons)


def people(segment: Segment) -> list[tuple[str, str]]:
    return [(p.name, p.role) for p in segment.people]


# --- a broadcast transcript's part label alone in its paragraph ---------------------------------


def test_a_part_label_alone_in_its_paragraph_gives_the_host() -> None:
    text = (
        "Plumbers stand in at school\n\nTradespeople train as substitute teachers.\n\n"
        "NINA WOLF, HOST:\n\nThe state holds a special session this week.\n\n"
        "TOM FALK: We came at once.\n"
    )
    reasons: list[Reason] = []
    segment = build_segment(read_text_page(text, "page.txt"), reasons)
    assert ("Nina Wolf", "host") in people(segment)
    assert "the transcript label 'NINA WOLF, HOST:' (qa-part-label)" in [r.rule for r in reasons]


def test_near_miss_a_dateline_alone_in_its_paragraph_is_nobody() -> None:
    text = "Storm closes port\n\nWASHINGTON, D.C.:\n\nThe storm moved north overnight.\n"
    segment = build_segment(read_text_page(text, "page.txt"))
    assert segment.people == []


# --- a byline inside chrome that wraps the article's own text ----------------------------------

STORY = "".join(
    f"<p>Paragraph {n} of the story tells how the budget office cut posts that were empty.</p>"
    for n in range(6)
)


def test_a_byline_in_a_tab_panel_wrapping_the_story_is_the_story_s() -> None:
    body = (
        "<h1>Ottawa cuts empty posts</h1>"
        "<div class='tab ui-tabs-panel ui-widget-content'><div id='credit'>"
        f"<p id='byline'>Nina Wolf</p></div><div class='copy'>{STORY}</div></div>"
    )
    assert people(html_segment(body)) == [("Nina Wolf", "reporter")]


def test_near_miss_a_byline_in_a_widget_beside_the_story_is_another_story_s() -> None:
    body = (
        f"<h1>Ottawa cuts empty posts</h1><div class='copy'>{STORY}</div>"
        "<div class='ui-widget-content'><p id='byline'>Nina Wolf</p><p>A teaser.</p></div>"
    )
    assert people(html_segment(body)) == []


# --- sign-offs: a typewriter's dash and the place filed from; a wire service's bracketed byline --

SHORT_PARAGRAPHS = "".join(
    f"The measure failed in county {n}, where unions spent heavily against it.\n\n"
    for n in range(5)
)


def test_a_double_hyphen_sign_off_with_its_place_signs_the_paragraphs_above() -> None:
    text = f"Measure fails\n\n{SHORT_PARAGRAPHS}-- Nina J. Wolf in Sacramento\n"
    reasons: list[Reason] = []
    segment = build_segment(read_text_page(text, "page.txt"), reasons)
    assert people(segment) == [("Nina J. Wolf", "reporter")]
    assert any("people-sign-off" in r.rule for r in reasons if r.field == "person")


def test_a_bracketed_byline_before_the_wire_s_end_mark_signs_the_story() -> None:
    last = SHORT_PARAGRAPHS.replace("\n\n", " ")
    text = f"Measure fails\n\n{last}(By Nina Wolf) Enditem/\n"
    assert people(build_segment(read_text_page(text, "page.txt"))) == [("Nina Wolf", "reporter")]


def test_near_miss_a_short_quotation_s_attribution_signs_nothing() -> None:
    text = "Quote of the day\n\nBe yourself; everyone else is taken.\n\n-- Oscar Wilde in Paris\n"
    assert people(build_segment(read_text_page(text, "page.txt"))) == []


# --- a name line over a job-title line opens the article: its byline ---------------------------


def test_a_name_line_over_a_job_title_line_is_the_byline() -> None:
    text = (
        "Making the pirates\n\nNina Wolf\n\nFeatured Co-Editor\n\n"
        "On May 20, the film centre screened two episodes of the series.\n"
    )
    reasons: list[Reason] = []
    segment = build_segment(read_text_page(text, "page.txt"), reasons)
    assert people(segment) == [("Nina Wolf", "reporter")]
    assert "Featured Co-Editor" not in [p for s in segment.transcript for p in s.paragraphs]
    assert any("byline-name-over-title" in r.rule for r in reasons if r.field == "person")


def test_near_miss_a_name_line_over_a_sentence_is_no_byline() -> None:
    text = (
        "Making the pirates\n\nNina Wolf\n\nShe edits the paper.\n\n"
        "On May 20, the film centre screened two episodes of the series.\n"
    )
    assert ("Nina Wolf", "reporter") not in people(build_segment(read_text_page(text, "p.txt")))


def test_near_miss_a_quoted_person_s_name_and_title_card_is_no_byline() -> None:
    # the page opens on the card of whom it quotes: named again, or no writer's title
    quoted = "“We never stop,” Wolf said of the night shift at the paper.\n"
    for title in ("Managing Editor", "Chief Engineer"):
        text = f"How the paper runs at night\n\nNina Wolf\n\n{title}\n\n{quoted}"
        assert ("Nina Wolf", "reporter") not in people(build_segment(read_text_page(text, "p.txt")))


# --- the role of a Q&A's one byline: only questions set apart make it the interviewer ------------

ASKED = [
    ("How did you start the company?", "With a loan from my aunt and a rented garage."),
    ("What would you do differently?", "I would hire an accountant much earlier than I did."),
]
BYLINE_HEAD = '<meta name="author" content="Nina Wolf">'


def test_the_one_byline_of_questions_in_bold_is_the_interviewer() -> None:
    qa = "".join(f"<p><strong>{q}</strong></p><p>{a}</p>" for q, a in ASKED)
    body = f"<article><h1>The founder</h1><p>We met the founder in Leeds.</p>{qa}</article>"
    reasons: list[Reason] = []
    segment = html_segment(body, BYLINE_HEAD, reasons)
    assert ("Nina Wolf", "interviewer") in people(segment)
    assert any("byline-qa-asker" in r.rule for r in reasons if r.field == "person")


def test_near_miss_the_byline_of_paragraphs_that_only_ask_stays_the_reporter() -> None:
    qa = "".join(f"<p>{q}</p><p>{a}</p>" for q, a in ASKED)
    body = f"<article><h1>The founder</h1><p>We met the founder in Leeds.</p>{qa}</article>"
    reasons: list[Reason] = []
    segment = html_segment(body, BYLINE_HEAD, reasons)
    assert any(r.rule.endswith("(qa-prompt)") for r in reasons if r.field == "question")
    assert ("Nina Wolf", "reporter") in people(segment)


# --- who speaks to the page's own publication is interviewed, never its interviewer ----------


def _spoke_to(outlet: str) -> Segment:
    head = (
        '<meta property="og:site_name" content="Harbour Gazette">'
        f'<meta name="description" content="Glen Roe spoke to {outlet} about his new film.">'
    )
    body = "<article><h1>Glen Roe on his film</h1><p>The film opens on Friday.</p></article>"
    return html_segment(body, head)


def test_who_speaks_to_the_publication_by_its_short_name_is_the_guest() -> None:
    assert ("Glen Roe", "guest") in people(_spoke_to("Harbour"))


def test_near_miss_who_speaks_to_another_outlet_is_not_made_a_guest_here() -> None:
    assert ("Glen Roe", "guest") not in people(_spoke_to("Vogue"))


# --- a newsletter's digest: the authors of the stories it sums up are nobody's byline here ----

TEASER = " ".join(["The startup says it can stop the strikes that start the fires."] * 5)


def test_a_sign_off_under_a_teaser_of_another_story_is_nobody_s_byline() -> None:
    text = f"The Download\n\n{TEASER} Read the full story.\n\n—Nina Wolf\n"
    reasons: list[Reason] = []
    segment = build_segment(read_text_page(text, "page.txt"), reasons)
    assert people(segment) == []
    assert any("people-sign-off-teaser" in r.rule for r in reasons)


def test_near_miss_a_sign_off_under_the_page_s_own_text_is_its_reporter() -> None:
    text = f"The Download\n\n{TEASER} The trial ends in May.\n\n—Nina Wolf\n"
    assert people(build_segment(read_text_page(text, "page.txt"))) == [("Nina Wolf", "reporter")]


def _numbered(headings: list[str]) -> str:
    entries = "".join(
        f"<h3>{n} {h}</h3><p>Entry {n} sums up a story elsewhere on the web for you.</p>"
        for n, h in enumerate(headings, start=1)
    )
    return f"<article><h1>The must-reads</h1><p>Today's stories.</p>{entries}</article>"


def test_numbered_questions_among_numbered_headings_make_no_q_and_a_byline() -> None:
    headings = ["Gulf states race to stop drones", "Can AI enhance jobs?", "Is bossware here?"]
    assert ("Nina Wolf", "reporter") in people(html_segment(_numbered(headings), BYLINE_HEAD))


def test_near_miss_numbered_questions_alone_are_still_the_interviewer_s() -> None:
    headings = ["Why did you start?", "Can AI enhance jobs?", "Is bossware here?"]
    assert ("Nina Wolf", "interviewer") in people(html_segment(_numbered(headings), BYLINE_HEAD))


# --- a writer's closing note is the byline ------------------------------------------------------


def test_a_writer_s_closing_note_is_the_byline() -> None:
    text = f"The board's next fear\n\n{TEASER}\n\nNina Wolf is a Harbour contributing editor.\n"
    reasons: list[Reason] = []
    segment = build_segment(read_text_page(text, "page.txt"), reasons)
    assert people(segment) == [("Nina Wolf", "reporter")]
    assert any("byline-closing-bio" in r.rule for r in reasons if r.field == "person")


def test_near_miss_a_closing_note_on_someone_who_is_no_writer_is_no_byline() -> None:
    text = f"The board's next fear\n\n{TEASER}\n\nNina Wolf is a professor of history.\n"
    assert ("Nina Wolf", "reporter") not in people(build_segment(read_text_page(text, "p.txt")))


def test_near_miss_a_closing_note_on_whom_the_page_quotes_is_no_byline() -> None:
    text = (
        f"The board's next fear\n\n{TEASER}\n\n“It was close,” Wolf said.\n\n"
        "Nina Wolf is a Harbour contributing editor.\n"
    )
    assert ("Nina Wolf", "reporter") not in people(build_segment(read_text_page(text, "p.txt")))


# --- a programme's presenter, named by the show's name in the possessive ------------------------


def _joins(description: str) -> Segment:
    head = f'<meta name="description" content="{description}">'
    body = "<article><h1>Roe explains his acting</h1><p>Roe, 87, has left a mark.</p></article>"
    return html_segment(body, head)


def test_who_is_joined_by_the_show_s_name_to_talk_is_its_host() -> None:
    assert ("Nina Wolf", "host") in people(_joins("Roe joins Q's Nina Wolf to talk about acting."))


def test_near_miss_who_is_joined_on_a_company_s_board_is_no_host() -> None:
    assert people(_joins("Roe joins Acme's Nina Wolf on the board of the firm.")) == []


# --- a personal site's author login, which names the site ---------------------------------------


def _login_page(login: str, url: str) -> Segment:
    head = f'<meta name="author" content="{login}"><link rel="canonical" href="{url}">'
    body = (
        "<header><h2>Weekly podcast from Kailund</h2></header><article><h1>Episode 369</h1>"
        "<p>This week: radios, trains and the news from the valley.</p></article>"
    )
    return html_segment(body, head)


def test_an_author_login_that_names_the_site_and_is_printed_is_its_author() -> None:
    found = people(_login_page("kailund", "https://podcast.kailund.net/p/369/"))
    assert found == [("kailund", "reporter")]


def test_near_miss_a_login_that_is_not_the_site_s_name_is_nobody() -> None:
    assert people(_login_page("devindra", "https://www.harbour.com/p/369/")) == []


def test_near_miss_a_publication_s_own_account_is_nobody() -> None:
    # a news site of many writers credits its desk account, named as the site is
    head = '<meta property="og:site_name" content="Kailund Times">'
    body = (
        "<header><h2>Kailund Times</h2></header><article><h1>Valley news</h1>"
        "<p>This week: radios, trains and the news from the valley.</p></article>"
    )
    head += '<meta name="author" content="kailundtimes">'
    head += '<link rel="canonical" href="https://www.kailundtimes.com/p/369/">'
    assert people(html_segment(body, head)) == []


def _asked_under(title: str) -> Segment:
    qa = "".join(f"<p><strong>{q}</strong></p><p>{a}</p>" for q, a in ASKED)
    body = f"<article><h1>{title}</h1><p>We met the founder in Leeds.</p>{qa}</article>"
    return html_segment(body, BYLINE_HEAD, title=title)


def test_the_one_byline_of_a_numbered_episode_s_q_and_a_is_its_host() -> None:
    segment = _asked_under("Episode 43. Mara Olsen on founding a company")
    assert ("Nina Wolf", "host") in people(segment)
    assert {s.questioner for s in segment.transcript if s.question} == {"Nina Wolf"}


def test_near_miss_a_headline_opening_with_a_count_is_no_episode() -> None:
    segment = _asked_under("43 ways Mara Olsen founded a company")
    assert ("Nina Wolf", "interviewer") in people(segment)


# --- a byline the page prints in words only (rule "byline-printed") ----------------------------


def _printed(header: str) -> str:
    return (
        f"<div class='shell'><h1>Ottawa cuts empty posts</h1><div class='meta'>{header}</div>"
        f"<figure><img src='a.jpg'><figcaption>By Tom Falk</figcaption></figure>"
        f"</div><article>{STORY}</article>"
    )


def test_a_by_line_in_unmarked_spans_under_the_headline_is_the_reporter() -> None:
    reasons: list[Reason] = []
    header = "<div><span>By</span><span>Jane Roe</span></div><div>Published March 9, 2026</div>"
    segment = html_segment(_printed(header), reasons=reasons)
    assert people(segment) == [("Jane Roe", "reporter")]
    rule = "a 'By ...' line between the headline and the text (byline-printed)"
    assert Reason("person", "Jane Roe (reporter)", rule) in reasons


def test_a_german_von_line_under_the_headline_is_the_reporter() -> None:
    segment = html_segment(_printed("<p>Von Jan Berg und Eva Kern</p>"))
    assert people(segment) == [("Jan Berg", "reporter"), ("Eva Kern", "reporter")]


def test_near_miss_a_photo_credit_and_a_by_line_that_names_no_person_are_no_byline() -> None:
    # "By Tom Falk" under the photo credits the picture; "By the newsroom" names nobody.
    segment = html_segment(_printed("<p>By the newsroom staff</p>"))
    assert people(segment) == []


def test_near_miss_a_by_line_after_the_text_has_started_is_not_read_here() -> None:
    # Once the article's text runs, a "By ..." link line is another story's teaser.
    body = _printed("<p>May 3, 2026</p>") + "<div><p>By Jane Roe</p></div>"
    segment = html_segment(body)
    assert ("Jane Roe", "reporter") not in people(segment)


# --- an <address> byline in the article's meta column (rule "byline-article-address") ----------


def _meta_column(teaser: str = "") -> str:
    return (
        "<main><article><h1>Ottawa cuts empty posts</h1>"
        "<aside class='meta-column'><address><a rel='author' href='/profile/jane-roe'>Jane Roe"
        f"</a></address></aside>{teaser}<div class='body'>{STORY}</div></article></main>"
    )


def test_an_address_byline_in_the_article_s_aside_is_the_article_s() -> None:
    reasons: list[Reason] = []
    segment = html_segment(_meta_column(), reasons=reasons)
    assert people(segment) == [("Jane Roe", "reporter")]
    rules = [r.rule for r in reasons if r.field == "person"]
    assert any(rule.endswith("(byline-article-address)") for rule in rules), rules


def test_near_miss_an_author_link_in_an_aside_without_an_address_is_the_sidebar_s() -> None:
    body = _meta_column().replace("<address>", "<div>").replace("</address>", "</div>")
    assert people(html_segment(body)) == []


# --- what a byline prints around its names: a date before, whom they write for, where filed ----


HARBOUR = (
    "<p>" + "The council met on Monday and voted on the new plan for the harbour. " * 4 + "</p>"
)


def test_a_byline_s_leading_date_and_whom_the_writer_writes_for_are_no_name() -> None:
    body = (
        "<article><h1>Case page</h1><p class='byline'>Dec. 19, 2025 · Jane Roe on behalf of "
        f"the Docs team</p>{HARBOUR}</article>"
    )
    assert people(html_segment(body)) == [("Jane Roe", "reporter")]


def test_the_one_word_after_two_writers_last_comma_is_where_they_filed_from() -> None:
    body = (
        "<article><h1>Case page</h1><p class='article-author__name'><span>Autor: </span>"
        "<span itemprop='author'><span itemprop='name'>Jane Roe und Jan Roth, Sweidah</span>"
        f"</span></p>{HARBOUR}</article>"
    )
    assert sorted(people(html_segment(body))) == [
        ("Jan Roth", "reporter"),
        ("Jane Roe", "reporter"),
    ]


def test_near_miss_a_month_s_name_as_a_first_name_and_a_full_name_after_a_comma_stay() -> None:
    body = f"<article><h1>Case page</h1><p class='byline'>May Roe, Jan Roth</p>{HARBOUR}</article>"
    assert people(html_segment(body)) == [("May Roe", "reporter"), ("Jan Roth", "reporter")]


# --- a byline crediting photos or styling beside the writing (rule "byline-other-work") --------


def _credited(bylines: str, *authors: str) -> str:
    listed = ",".join(f'{{"@type": "Person", "name": "{a}"}}' for a in authors)
    return (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
        f'"NewsArticle", "headline": "Case page", "author": [{listed}]}}</script>',
        f"<article><h1>Case page</h1><div class='bylines'>{bylines}</div>{HARBOUR}</article>",
    )


def test_a_metadata_author_the_byline_credits_for_photos_or_styling_wrote_nothing() -> None:
    head, body = _credited(
        "<p class='byline'><span>By </span><a href='/c/jane-roe'>Jane Roe</a></p>"
        "<p class='byline'><span>Photography by </span><a href='/c/kai-lund'>Kai Lund</a></p>"
        "<p class='byline'><span>Styled by </span><a href='/c/mara-olsen'>Mara Olsen</a></p>",
        "Jane Roe",
        "Kai Lund",
        "Mara Olsen",
    )
    reasons: list[Reason] = []
    assert people(html_segment(body, head, reasons)) == [("Jane Roe", "reporter")]
    assert any("(byline-other-work)" in r.rule for r in reasons if r.field == "person")


def test_near_miss_who_writes_and_photographs_and_a_lone_photographer_stay() -> None:
    head, body = _credited(
        "<p class='byline'>By Jane Roe and Kai Lund</p><p class='byline'>Photos by Kai Lund</p>",
        "Jane Roe",
        "Kai Lund",
    )
    assert people(html_segment(body, head)) == [("Jane Roe", "reporter"), ("Kai Lund", "reporter")]
    head, body = _credited("<p class='byline'>Photography by Kai Lund</p>", "Kai Lund")
    assert people(html_segment(body, head)) == [("Kai Lund", "reporter")]


def test_near_miss_a_title_after_the_writer_s_comma_is_no_co_author() -> None:
    # Writers' columns print "JANE ROE, Harbour City Politics Examiner": a comma pairs a name
    # with its title; only a conjunction joins two writers in one element.
    body = (
        "<article><h1>Case page</h1><h3 class='author'><a href='/harbour/jane-roe' "
        "rel='author'>JANE ROE</a>, <strong class='author-title'>Harbour City Politics "
        f"Examiner</strong></h3>{HARBOUR}</article>"
    )
    assert people(html_segment(body)) == [("Jane Roe", "reporter")]
