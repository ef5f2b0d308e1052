"""The shape of one language's table: what each field holds and how the importers match it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Vocabulary:
    """One language's words, by the job they do on a page (all regex fragments)."""

    language: str  # BCP 47 primary tag: "en", "de"

    # -- names and people (``structure``, ``text``) ------------------------------------------
    #: Joins the last of several names: "A, B and C".
    and_words: tuple[str, ...] = ()
    #: Nouns for what an interviewee does: "director So Yong Kim" (case-insensitive).
    guest_nouns: tuple[str, ...] = ()
    #: Leading words a name match drags in that are never part of a name (besides guest nouns).
    not_name_words: tuple[str, ...] = ()
    #: Offices and ranks written before a name and no part of it: "Governor Gavin Newsom",
    #: "Cardinal Jean-Claude Hollerich", "Bundeskanzlerin Angela Merkel" (case-insensitive;
    #: rule "names-office-title").
    office_titles: tuple[str, ...] = ()
    #: Words before the host's name: "hosted by John Horn" (case-insensitive).
    host_titles: tuple[str, ...] = ()
    #: "X spoke with ...": the verbs (case as written) and the words after them.
    talk_verbs: tuple[str, ...] = ()
    talk_preps: tuple[str, ...] = ()
    #: Words before the interviewer's name: "interviewed by Jane Doe" (case-insensitive).
    interviewer_titles: tuple[str, ...] = ()
    #: Labels that, besides ``interviewer_titles``, open a whole paragraph crediting the
    #: interviewer: "Interview: Jan Roth" (case-insensitive), often the page's last.
    interviewer_credits: tuple[str, ...] = ()
    #: Words before the interviewee's name: "interview with Jim McKelvey" (case-insensitive).
    guest_phrases: tuple[str, ...] = ()
    #: "X is a director" / "X ist Astrophysikerin": the verbs, and the articles after them.
    copulas: tuple[str, ...] = ()
    copula_articles: tuple[str, ...] = ()
    #: "X, a director": the articles of an apposition.
    appositive_articles: tuple[str, ...] = ()
    #: "Ellesa Throwden reports": the verb after a reporter's name (case as written).
    report_verbs: tuple[str, ...] = ()
    #: Words before a reporter's name: "correspondent Jane Doe" (case-insensitive).
    reporter_titles: tuple[str, ...] = ()
    #: A byline paragraph's opening: "By Seth Fiegerman", "von Holger Klein" (case-insensitive).
    byline_words: tuple[str, ...] = ()
    #: A label before a colon that a byline element keeps: "Autor/in: Daniel Bouhs", "Author:
    #: Jane Roe" (case-insensitive, a regex; only ever followed by a colon).
    byline_labels: tuple[str, ...] = ()
    #: What a sign-off may add after the names: where they filed from ("-- Jane Roe in Rome").
    sign_off_place_words: tuple[str, ...] = ()
    #: A wire service's end-of-story mark after the last line ("(By Jane Roe) Enditem/", "-30-").
    end_marks: tuple[str, ...] = ()
    #: A teaser's last words, linking to the story it sums up ("Read the full story."): a
    #: sign-off after them signs that story, not this page (case-insensitive).
    full_story_links: tuple[str, ...] = ()
    #: A byline's first word that names a desk, not a person: "Editors, USA TODAY", a news
    #: agency credited as the source ("Source PA News") (case-folded).
    staff_words: tuple[str, ...] = ()
    #: The legal form that ends a company's name, never a person's: "TravelTrex GmbH", "Acme
    #: Inc." (case-folded, without the full stops).
    company_forms: tuple[str, ...] = ()
    #: The word that ends a publication's name, never a person's: "Vanity Fair Magazine", "PA
    #: News", "New York Times" (case-folded).
    outlet_words: tuple[str, ...] = ()
    #: Words of an organisation's, a desk's or a broadcaster's name that no person's name has:
    #: "rbb Fernsehen", "Fairfield Police", "Radio Bremen" (case-folded, whole words). The name
    #: gate (``names.refusal``) refuses a candidate with one anywhere.
    organisation_words: tuple[str, ...] = ()
    #: The same for words that are also surnames ("Mark Press", "Anna Radio"): refused only
    #: where no surname stands, i.e. not as the last word of a two-word name whose first word
    #: is a capitalised given name ("CBC Arts" and "Press Office" go, "Mark Press" stays).
    organisation_surnames: tuple[str, ...] = ()
    #: A credit that says nobody wrote it: "kein Autor", "no author" (case-folded, whole).
    no_author_credits: tuple[str, ...] = ()
    #: Verbs and auxiliaries a name match runs into in running text or a headline in title
    #: case: "Bnxn Is Looking", "Jane Roe Says" (case-folded): the name stops before them.
    name_ending_verbs: tuple[str, ...] = ()
    #: Possessive and personal pronouns, never part of a name: "7 On Your Side" (case-folded).
    pronouns: tuple[str, ...] = ()
    #: Job titles a speaker label or credit can be, never a name: "Line Producer" (case-folded,
    #: the last word).
    job_title_words: tuple[str, ...] = ()
    #: The last word of a writer's job title on the line under their name at an article's top
    #: ("Jane Roe" / "Staff Writer"), with ``job_title_words`` (case-folded, whole words).
    writer_titles: tuple[str, ...] = ()
    #: A byline's bracketed second half naming who helped: "A (avec B et C)" (case-insensitive).
    byline_with_words: tuple[str, ...] = ()
    #: What a byline credits besides the writing, before its "by": "Photography by Kai Lund",
    #: "Styled by Mara Olsen" (case-folded): that person wrote nothing (rule "byline-other-work").
    byline_other_work_words: tuple[str, ...] = ()
    #: Words after a byline's name saying whom the writer writes for: "Jane Roe on behalf of
    #: the Docs team", "Jan Roth im Auftrag der Stadt" (case-insensitive): the rest is no name.
    byline_behalf_words: tuple[str, ...] = ()
    #: Link and button labels a byline guess can pick up, never a name: "Read More" (case-folded).
    interface_labels: tuple[str, ...] = ()
    #: Words a media library's stated title puts before the headline to say what kind of page
    #: it is: 'Video "Headline" - Programme' (case-insensitive).
    title_kind_words: tuple[str, ...] = ()
    #: What a broadcaster's stated title puts between the headline and the date it was aired,
    #: and around the time after it: "Headline vom 06.12.2019 um 21:05 Uhr" (case-insensitive).
    broadcast_date_words: tuple[str, ...] = ()
    broadcast_time_words: tuple[str, ...] = ()
    broadcast_clock_words: tuple[str, ...] = ()
    #: Forms of address before a surname: "Mr. Smith", "Frau Berg", "Madame Roy" (case-folded,
    #: without a full stop).
    honorifics: tuple[str, ...] = ()
    #: The part after a transcript label's name: "SARAH GONZALEZ, HOST:" presents the programme,
    #: "DAVID GREENE, BYLINE:" reports for it (case-folded, whole).
    host_label_parts: tuple[str, ...] = ()
    #: A label naming the interviewee by their part: "GUEST:", "[Gast]", "Invitée :" (case-folded).
    guest_label_parts: tuple[str, ...] = ()
    reporter_label_parts: tuple[str, ...] = ()
    #: Labels before a colon and the names of who presents, who is interviewed, who asks and
    #: who reported: "Moderation: Jane Roe", "Invités : A et B", "Interview: Jane Roe"
    #: (case-insensitive; at a block's start, after "|" or after a sentence).
    host_labels: tuple[str, ...] = ()
    guest_labels: tuple[str, ...] = ()
    interviewer_labels: tuple[str, ...] = ()
    reporter_labels: tuple[str, ...] = ()
    #: Headings over a list of hosts or guests, one per item: "Guests", "Gäste", "Invités"
    #: (case-insensitive, the whole heading, a colon allowed).
    host_headings: tuple[str, ...] = ()
    guest_headings: tuple[str, ...] = ()
    #: Words before the names of a programme's guests in running text: "with special guests A
    #: and B", "zu Gast ist A" (case-insensitive; said outright, so on any page).
    guest_list_phrases: tuple[str, ...] = ()
    #: "Jane Roe interviews John Doe", "Jane Roe reçoit John Doe": the verbs between who asks and
    #: the guest (case as written; only on a programme's page: "A meets B" is news).
    receive_verbs: tuple[str, ...] = ()
    #: Words after a guest's names: "Jane Roe joins us", "Jane Roe ist zu Gast" (case-insensitive).
    guest_joins: tuple[str, ...] = ()
    #: Words joining a guest's name to where they work, between the name and ``guest_joins``:
    #: "Jane Roe of Acme joins us", "Jane Roe vom NDR ist zu Gast" (case as written).
    affiliation_words: tuple[str, ...] = ()
    #: "Dern joins Q's Tom Power to talk about ...": the words before the host a guest joins
    #: and after them, the talk's purpose (case-insensitive; rule "host a guest joins").
    host_joins: tuple[str, ...] = ()
    host_join_purposes: tuple[str, ...] = ()
    #: The same, only on a programme's page: in a news report "joined by A" or "featuring A"
    #: names someone at an event, not a guest (case-insensitive).
    programme_guest_phrases: tuple[str, ...] = ()
    #: "Wir haben mit Jane Roe, einer Ärztin, gesprochen": a verb-final "we spoke with" (case as
    #: written): the words before the guest's name, and the verbs that close the clause.
    spoke_with_openers: tuple[str, ...] = ()
    spoke_with_closers: tuple[str, ...] = ()
    #: "In this episode, A and B discuss ...": the opening before the guests' names
    #: (case-insensitive; the names must be followed by a lowercase word, their verb).
    episode_openings: tuple[str, ...] = ()
    #: "This episode was reported and produced by A": words before a piece's reporters
    #: anywhere in its text (case-insensitive).
    reporter_credits: tuple[str, ...] = ()
    #: "Nicole Jäger im Gespräch mit Tim Wiese": guest first, then who talks with them (the
    #: words between the two names, case as written).
    guest_with_asker: tuple[str, ...] = ()
    #: An episode title's word between the guest and the topic: "117: Jane Roe on Radio"
    #: (case as written; only after an episode number).
    title_topic_words: tuple[str, ...] = ()
    #: An episode title's words before the guest at its end: "Radio, with Jane Roe" (case as
    #: written; only on a programme's page or after an episode number).
    title_with_words: tuple[str, ...] = ()
    #: Between a station's programme and its presenter in a page title: "BBC Radio 1 - Radio
    #: 1's Dance Party with Annie Mac, 22/01/2021" (case as written, whole words).
    show_with_words: tuple[str, ...] = ()
    #: Words that number an episode in its title: "Episode 12: ...", "Folge 12 – ..."
    #: (case-insensitive; "#12" and "12:" need none).
    episode_words: tuple[str, ...] = ()
    #: Articles before a capitalised phrase that make it an institution or a title, not a
    #: person: "reported by The Associated Press", "Gast: Die Zeit" (case-folded, whole word).
    name_articles: tuple[str, ...] = ()
    #: "Gerber tells CNBC", "Isaac told Fox News Latino": the verbs between someone and the
    #: page's own publication that make them its interviewee (case as written).
    told_verbs: tuple[str, ...] = ()
    #: Besides the site's name, who a write-up's interviewee tells: "X told us", "X spoke to
    #: this magazine" (case as written, whole words).
    told_objects: tuple[str, ...] = ()
    #: Words before "X tells us" that make it what X teaches, not an interview: "What Gilad
    #: Shalit tells us about ..." (case-insensitive, whole words).
    lesson_openers: tuple[str, ...] = ()
    #: Words that say a page reports an interview ("during a revealing interview"), read in its
    #: title, description and intro (case-insensitive, whole words).
    interview_words: tuple[str, ...] = ()
    #: Words that call a page a programme's ("today's episode", "in dieser Folge", "cette
    #: émission"), read in its title, description and first paragraphs: audio alone does not
    #: (a news site reads its articles aloud). Case-insensitive, whole words.
    programme_words: tuple[str, ...] = ()
    #: A headline's verb after the person it is about: "Gwyneth Paltrow Explains ...", "Oprah
    #: Winfrey on ..." (case-insensitive; any lowercase word does in a sentence-case headline).
    headline_speech_verbs: tuple[str, ...] = ()
    #: The verbs that attribute a quote to someone named just before or after them: "Perry
    #: said", "said Persoons", "Cossio explained", "sagte Roe", "explique Roe" (case as written,
    #: whole words; rule "people-principal-voice").
    quote_verbs: tuple[str, ...] = ()
    #: Words before a name a statement is attributed to: "according to Persoons", "laut Roe",
    #: "selon Roe" (case as written; rule "people-principal-voice").
    #: The quote verbs that also stand before the speaker: "said Persoons", "sagt Roe",
    #: "explique Roe" ("told Fox Nation" names whom the speaker told; case as written).
    inverted_quote_verbs: tuple[str, ...] = ()
    quote_sources: tuple[str, ...] = ()
    #: Words that say the page reports a conversation, besides ``interview_words``,
    #: ``programme_words`` and "told us" (``told_verbs`` + ``told_objects``): "sat down with",
    #: "joins me", "joined ... to discuss", "im Gespräch mit", "au micro de" (case-insensitive
    #: regex fragments, whole words; rule "people-principal-voice").
    conversation_cues: tuple[str, ...] = ()
    #: The words between a conversation cue and whom it was with: "interview with the Courier",
    #: "spoke to reporters" (case-insensitive; rule "people-principal-voice").
    conversation_prepositions: tuple[str, ...] = ()
    #: Whom a news conference speaks to: "spoke to reporters" is no conversation of the page's
    #: own (case-insensitive regex fragments; rule "people-principal-voice").
    press_audiences: tuple[str, ...] = ()
    #: The small words inside a title before a name: "Secretary of State for Urbanism Ans
    #: Persoons", "Minister für Umwelt Jane Roe": the capitalised word after them is the title's,
    #: not a first name (case as written; rule "people-principal-voice").
    title_prepositions: tuple[str, ...] = ()
    #: How a presenter introduces themselves: "I'm Ezra Klein", "This is Courtland Allen from
    #: ...", "Ich bin Jane Roe" (case as written; in the intro or the first speaker's first turn).
    self_introductions: tuple[str, ...] = ()
    #: The verbs of a show's blurb about its presenter: "Courtland Allen interviews the
    #: founders ..." (case as written; a lowercase word must follow).
    show_host_verbs: tuple[str, ...] = ()
    #: Between an episode title's guest and their organisation: "with Jane Roe of Acme".
    title_org_words: tuple[str, ...] = ()
    #: Speaker labels that name a part, not a person ("THE PRESIDENT:"), case-folded, whole.
    role_titles: tuple[str, ...] = ()
    #: Words that make any label a part: "Speaker 1", "Unidentified Male" (case-folded).
    role_title_words: tuple[str, ...] = ()

    # -- labels and speech (``structure``, ``html``) -------------------------------------------
    #: "Q:" / "Frage:" labels of printed interviews (case-folded, without the colon).
    question_labels: tuple[str, ...] = ()
    #: "A:" / "Antwort:" labels.
    answer_labels: tuple[str, ...] = ()
    #: Words that address the one asked: "you", "Sie", "vous" (case as written, whole words). An
    #: unmarked question that addresses nobody ("Where are the studios, anyway?") is an essay's.
    address_words: tuple[str, ...] = ()
    #: Labels of an editor's remark: "Note:", "Anmerkung:" (case-folded).
    note_labels: tuple[str, ...] = ()
    #: How an editor's note about the interview itself opens: "This interview has been edited
    #: for length and clarity." (case-insensitive, at the paragraph's start): nobody's answer.
    interview_notes: tuple[str, ...] = ()
    #: Labels that introduce a remark, never a speaker: "Update:", "Dauer:" (case-folded).
    not_speakers: tuple[str, ...] = ()
    #: Bold labels of blogs' link lists, not speakers either: "Posted in", "Themen" (case-folded).
    link_list_labels: tuple[str, ...] = ()
    #: Verbs of reported speech: "Getting into filmmaking:" is a heading, "He said:" is not.
    reporting_verbs: tuple[str, ...] = ()
    #: Whole parts of a class (split at "-" and "_") marking the element that names a transcript
    #: turn's speaker above its paragraphs: "span.episode-transcript__speaker-name".
    speaker_class_parts: tuple[str, ...] = ()

    # -- photos (``text``, ``html``) ---------------------------------------------------------
    #: Words that open a photo credit line: "Photo: ...", "Foto: ..." (case-insensitive).
    credit_words: tuple[str, ...] = ()
    #: The word between them and the name: "Photo by ...".
    credit_by: tuple[str, ...] = ()
    #: "Courtesy of ...": a credit line on its own.
    courtesy_words: tuple[str, ...] = ()
    #: Printed prefixes removed from a credit: "Image: SixThirty" -> "SixThirty".
    credit_prefixes: tuple[str, ...] = ()
    #: Words of a credit in brackets at a caption's end: "... (Photo: AP)".
    caption_credit_words: tuple[str, ...] = ()
    #: Parts of a class or id (substrings, lower case) that CMSes give a photo's caption:
    #: "wp-caption-text", "image-caption", "legende", "bildunterschrift".
    caption_class_words: tuple[str, ...] = ()
    #: Parts of a class or id (substrings, lower case) marking a photo's credit inside a
    #: caption or figure: "image-credit", "copyright", "attribution".
    credit_class_words: tuple[str, ...] = ()
    #: Whole parts of a class (split at "-" and "_") marking a credit: "span.source_image",
    #: the abbreviated "span.art-illo-cred".
    credit_class_parts: tuple[str, ...] = ()
    #: Whole parts of a class (split at "-" and "_") marking a caption, where the word alone
    #: would match too much as a substring: the abbreviated "label.art-illo-cap".
    caption_class_parts: tuple[str, ...] = ()

    # -- show header (``text``, ``html``, ``htmlmeta``) ----------------------------------------
    #: Header lines naming the hosts: "Hosted by John Horn" (case-insensitive, before the names).
    host_line_labels: tuple[str, ...] = ()
    #: Header lines announcing airtimes: "Airs Weekdays at ...", "Broadcast: ...".
    airtime_words: tuple[str, ...] = ()
    #: How taglines name the host; "{name}" stands for the name pattern, group 1 (case as written).
    tagline_hosts: tuple[str, ...] = ()

    # -- audio (``audiolinks``, ``text``, ``html``, ``furniture``) ------------------------------
    #: Words that open a line offering the audio: "Download this story", "Listen · 3:14".
    audio_verbs: tuple[str, ...] = ()
    #: A short player control's label: its verb ("Download"), then "this"/"the" and "story"...
    audio_control_verbs: tuple[str, ...] = ()
    #: The words of an audio control's label after the verb: "(this|the)" and "story", "episode".
    audio_articles: tuple[str, ...] = ()
    audio_nouns: tuple[str, ...] = ()
    #: Labels that offer the file itself, so they win over a bare "Listen" (label prefixes).
    download_words: tuple[str, ...] = ()

    # -- dates and running times (``furniture``, ``htmlmeta``) ---------------------------------
    #: Month names and abbreviations (case-insensitive; any letters and a "." may follow).
    months: tuple[str, ...] = ()
    #: Whole month and weekday names (case-insensitive, matched whole): a byline's name ends
    #: before one ("Joe Wee Monday").
    month_names: tuple[str, ...] = ()
    weekdays: tuple[str, ...] = ()
    #: "Published on 16.08.2019": the verbs, the word before the date, the word before the time,
    #: the words after a clock time ("pm", "Uhr").
    date_verbs: tuple[str, ...] = ()
    date_preps: tuple[str, ...] = ()
    time_preps: tuple[str, ...] = ()
    clock_suffixes: tuple[str, ...] = ()
    #: The label before a printed date in day.month.year form: "Veröffentlicht am 16.08.2019".
    printed_date_labels: tuple[str, ...] = ()
    #: The label of a running time ("Duration: 3min 13sec") and the units of hours, minutes,
    #: seconds after the numbers (case-insensitive).
    duration_labels: tuple[str, ...] = ()
    hour_units: tuple[str, ...] = ()
    minute_units: tuple[str, ...] = ()
    second_units: tuple[str, ...] = ()
    #: Time words of a bare running time on its own line: "12 minutes", "1 Stunde".
    time_units: tuple[str, ...] = ()

    # -- furniture (``furniture``, ``html``) ---------------------------------------------------
    #: Whole-block phrases by furniture rule id (case-insensitive, the whole block must match).
    furniture: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: A count of comments: "12 comments", "One thought on “...”", "Ein Gedanke zu „...“": the
    #: nouns after a number, the word for one, the nouns and prepositions before a quoted title.
    comment_nouns: tuple[str, ...] = ()
    comment_one: tuple[str, ...] = ()
    comment_thoughts: tuple[str, ...] = ()
    comment_preps: tuple[str, ...] = ()
    #: Labels of a template field run: "Veröffentlicht am ... Dauer: ... Lizenz: ...".
    metadata_labels: tuple[str, ...] = ()
    #: Labels of a template field line: "Tags: ...", "Kategorien: ...".
    metadata_field_labels: tuple[str, ...] = ()
    #: Labels of a list of related stories: "Mehr zum Thema: ...".
    related_list_labels: tuple[str, ...] = ()
    #: Footer links that also come joined by "|": "Impressum | Datenschutz".
    site_links: tuple[str, ...] = ()
    site_links_joined: tuple[str, ...] = ()
    #: The label of a citation helper: "Diese Folge zitieren: ...".
    cite_labels: tuple[str, ...] = ()
    #: The words before who made a piece in the credit line closing it ("Interview with Jane Roe
    #: produced by Ben Edwards.", "Produziert von Jan Roth."): no appeal, and the appeals closing
    #: the paragraph before it are read (case-insensitive, before the names).
    production_credits: tuple[str, ...] = ()
    #: Words in the path of a site's topic pages: "/tags/...", "/schlagwort/...".
    tag_link_words: tuple[str, ...] = ()
