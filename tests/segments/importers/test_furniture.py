"""Every furniture rule removes what real pages print, and keeps the sentence that only looks alike."""

from __future__ import annotations

import pytest

from segments.importers import furniture
from segments.importers.furniture import (
    FURNITURE,
    cut_furniture_tail,
    is_furniture,
    strip_furniture,
)
from segments.importers.rawpage import Block

#: rule id -> (real furniture it removes, from the seeds and ../shared/corpus/pages; a near miss
#: that must be kept).
EXAMPLES: dict[str, tuple[str, str]] = {
    "donation-appeal": (
        "You care about today\u2019s news. And you\u2019re not alone.",
        "You care about the news, and I think that matters, she said.",
    ),
    "comment-prompt": (
        "Leave a comment",
        "People leave a comment on every film, and I read them all.",
    ),
    "comment-form": (
        "Your email address will not be published.",
        "Your email address will not be published in the film, we promised her.",
    ),
    "reader-comment": (
        "Anonymous, on Dec 14, 2009 wrote: Longest interview I have read in a while. Nice work!",
        "The mayor, on December 14, 2009 wrote to the council: the bridge will close.",
    ),
    "comment-count": (
        "Ein Gedanke zu \u201eRES158 Sternfusion am Teilchenbeschleuniger\u201c",
        "One thought on the shoot kept coming back to me.",
    ),
    "blog-platform": (
        "Create a website or blog at WordPress.com",
        "I created a website or blog at WordPress.com for the film.",
    ),
    "back-to-top": ("Up \u2191", "Up in the mountains of Jeju, we filmed for a month."),
    "listen-button": ("Listen to story", "Listen to the story of my mother, she said."),
    "audio-link": ("Download this story 2MB", "Download the app to hear more of her story."),
    "player-control": ("Toggle more options", "Transcripts of the trial were released."),
    "subscribe": ("Subscribe to podcast", "Subscribe to the idea that films can heal?"),
    "share-buttons": ("Facebook Twitter Flipboard Email", "Share your memories with your parents."),
    "follow-us": ("Follow @mashable", "Follow your heart, my mother said."),
    "photo-controls": ("toggle caption", "Enlarge the picture, the director told the crew."),
    "related-links": ("See also: 10 Startups to Watch in 2014", "Related stories of my family."),
    "advertisement": ("Sponsor Message", "Advertisements paid for the film."),
    "cookie-notice": (
        "This website uses cookies to improve your experience.",
        "We ate cookies on set every day.",
    ),
    "widget-message": ("Please wait...", "Please wait for the tide before you cross."),
    "site-links": ("Impressum | Datenschutz", "Privacy matters to the senior actor."),
    "copyright-line": ("\u00a92005-2014 Mashable, Inc.", "Copyright law changed everything."),
    "navigation": ("Skip to main content", "Search for meaning in the fields and orchards."),
    "page-metadata": (
        "Source: PM | Duration: 3min 13sec",
        "Source of the funding cut was the Sports Commission.",
    ),
    "cite-episode": (
        'Diese Folge zitieren: Holger Klein/Helmholtz-Gemeinschaft: Resonator-Podcast: "RES158".',
        "Diese Folge ist toll.",
    ),
    "fyyd-button": (
        "Mit diesem Button kannst Du diese Podcast-Episode zu einer Kurationsliste der "
        "Podcast-Suchmaschine FYYD hinzuf\u00fcgen.",
        "Mit diesem Film wollte ich etwas sagen.",
    ),
    "template-label": ("Episode Description:", "Episode descriptions were short."),
    "dateline": ("Ver\u00f6ffentlicht am 16.08.2019", "On December 24, 2016 we recorded it."),
    "related-episode": ("RES156 Blei zu Gold", "R3B detectors measure neutrons"),
    "promo-question": (
        "Interested in learning more about AMP?",
        "What drew you to learning more about AMP?",
    ),
    # Show notes of podcast hosts (Acast, Anchor, Megaphone) and their sponsor reads.
    "community-appeal": (
        "Listeners of the show are chatting on Discord! Join us Thursdays for a chat.",
        "Gamers chat on Discord every day, and the company says it has 150 million users.",
    ),
    "hosting-notice": (
        "Hosted on Acast. See acast.com/privacy for more information.",
        "Hosted on a rooftop, the party lasted until dawn.",
    ),
    "sponsor-read": (
        "This episode is sponsored by Acme. Go to acme.example/radio for 20% off.",
        "The show was sponsored by a local bank, which later collapsed.",
    ),
    "sponsor-heading": ("Thanks to our sponsors", "Thanks to our listeners, we made it."),
    "series-blurb": (
        "Dispatches looks at how small towns rebuild their high streets.Tags:",
        "Dispatches looks at how small towns rebuild their high streets.",
    ),
    "author-bio": (
        "Jane Roe is a freelance journalist, writing features for the Daily Example.",
        "Jane Roe is a nurse who has worked nights for twenty years.",
    ),
    # Radio features, paywalled papers and news-feed boxes of broadcasters' sites.
    "broadcast-notice": (
        "Radio Example's The Long Dive is broadcast on Friday 2 March at 1100 GMT. Or listen "
        "again on the station's app.",
        "The warning was broadcast on every channel, but nobody heard it.",
    ),
    "paywall-notice": (
        "Il vous reste 62.5% de cet article à lire. La suite est réservée aux abonnés.",
        "Il vous reste une chance, lui a dit le juge.",
    ),
    # Syndicated stories' notes on where they ran first (issue 10, round 5).
    "syndication-notice": (
        "This article originally appeared on Example Weekly Belgium.",
        "The article first appeared in 1999, she said, and nobody read it.",
    ),
    "disclaimer": (
        "These news feeds are provided by an independent third party and Example TV is not "
        "responsible or liable to you for the same.",
        "The data are provided by the ministry, which is responsible for the count.",
    ),
    # Closing lines of news sites and podcasts' show notes (issue 10, round 4).
    "tip-appeal": ("SHARE YOUR STORY", "Tell me your story."),
    "listener-appeal": (
        "Help me spread the word about this podcast!",
        "Word spread about the podcast faster than she had hoped.",
    ),
    "contact-line": (
        "Contact Jane Roe at 650-555-0100. Follow her at Twitter.com/janeroe.",
        "Anyone with information is asked to contact Crime Stoppers at 555-0100.",
    ),
    "transcript-notice": (
        "Accuracy and availability of Example Radio transcripts may vary. Transcript text may be"
        " revised to correct errors. The authoritative record is the audio record.",
        "The accuracy of the transcripts was questioned at the trial.",
    ),
    "send-page": ("Seite verschicken", "Die Seite wurde verschickt, sagte sie."),
    "teaser-heading": ("More News", "More news came from the front on Tuesday."),
    "embed-label": (
        "WATCH | Official trailer for The Long Field:",
        "We watch the trailer together, she said.",
    ),
    "link-run": (
        "» Sign Up For Breaking News Alerts» Like Us On Facebook» Follow Us On Twitter",
        "» Like Us On Facebook, the council's page said » and then it closed",
    ),
}


def test_every_rule_has_an_example() -> None:
    assert sorted(EXAMPLES) == sorted(rule.id for rule in FURNITURE)
    assert len({rule.id for rule in FURNITURE}) == len(FURNITURE)
    assert all(rule.reason and (rule.pattern or rule.test) for rule in FURNITURE)


@pytest.mark.parametrize(("rule_id", "texts"), sorted(EXAMPLES.items()))
def test_rule_removes_its_example_and_keeps_the_near_miss(
    rule_id: str, texts: tuple[str, str]
) -> None:
    furniture, near_miss = texts
    at_end = next(rule.at_end for rule in FURNITURE if rule.id == rule_id)
    assert is_furniture(furniture, at_end=at_end) == rule_id
    assert is_furniture(near_miss, at_end=True) is None


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        # Both seeds' furniture, as printed.
        ("You care about today's news. And you're not alone.", "donation-appeal"),
        ("Join others who support independent journalism.", "donation-appeal"),
        ("Create a website or blog at WordPress.com", "blog-platform"),
        ("Up \u2191", "back-to-top"),
        ("Listen to story", "listen-button"),
        # Corpus pages (NPR, Marketplace, Mashable, Resonator, AMP blog, ABC).
        ("Enlarge this image", "photo-controls"),
        ("hide caption", "photo-controls"),
        ("Listen \u00b7 3:14", "audio-link"),
        ("Download audio", "audio-link"),
        ("Download: mp3 (30 MB) m4a (24 MB) opus (16 MB)", "audio-link"),
        ("Downloads: 22.273", "page-metadata"),
        ("1 Stunde", "page-metadata"),
        (
            "Ver\u00f6ffentlicht am 16.08.2019 Dauer: 1 Stunde 4 Minuten Lizenz: CC-BY 4.0 "
            "Downloads: 22.273",
            "page-metadata",
        ),
        ("Mehr zum Thema: RES035 GSI in Darmstadt RES036 Schwerionenforschung", "related-links"),
        ("04/19/13", "dateline"),
        ("December 24, 2016", "dateline"),
        ("December 15, 2016 3:33 PM ET", "dateline"),
        ("Topics: olympics-summer, swimming, australia", "page-metadata"),
        ("Support American Public Media", "donation-appeal"),
        (
            "American Public Media's online services are supported by users like you.",
            "donation-appeal",
        ),
        ("Notify me of follow-up comments by email.", "comment-form"),
        ("Leave a Reply", "comment-prompt"),
        ("12 Comments", "comment-count"),
        ("Advertisement", "advertisement"),
        ("Related", "related-links"),
        ("Share", "share-buttons"),
        (
            "Then sign up for our email newsletter to get the latest updates, event "
            "announcements, community discussions, and advanced tutorials straight to your inbox.",
            "subscribe",
        ),
        ("  Leave\u00a0a   comment \n", "comment-prompt"),
        # "Read also" teasers inside articles, in each language, a ">>" before them or not.
        (">> A lire aussi : Les Bleus dans deux ans ?", "related-links"),
        ("Lire aussi : Le gouvernement recule", "related-links"),
        ("À voir aussi : La finale en images", "related-links"),
        ("Lire : Que sont ces valises qui espionnent les téléphones ?", "related-links"),
        ("Lire nos explications : Les raisons d’une crise", "related-links"),
        ("Lesen Sie auch: Warum der Streik weitergeht", "related-links"),
        ("Mehr zum Thema: Der Streik", "related-links"),
        ("Read more: How the strike ended", "related-links"),
        ("Related: The Affair", "related-links"),
        ("Don\u2019t miss: How a spirits company survived Prohibition", "related-links"),
        ("More Must-Reads From TIME", "related-links"),
        ("Want Weekly Recs on What to Watch? Sign Up for Worth Your Time", "subscribe"),
        ("Thanks for reading The Times.", "subscribe"),
        ("Please consider supporting ChinaTalk.", "donation-appeal"),
        ("Follow Lucia I. Suarez on Twitter @luciasuarezsang", "follow-us"),
        ("Follow him on Twitter", "follow-us"),
        # Show notes: platform notices, appeals, sponsors.
        ("See acast.com/privacy for privacy and opt-out information.", "hosting-notice"),
        ("Learn more about your ad choices. Visit megaphone.fm/adchoices", "hosting-notice"),
        ("Support this podcast: https://anchor.fm/show/support", "hosting-notice"),
        (
            "Hébergé par Ausha. Visitez ausha.co/politique-de-confidentialite pour plus "
            "d'informations.",
            "hosting-notice",
        ),
        ("Join the community on Discord: https://discord.gg/abc", "community-appeal"),
        ("Support the show on Patreon", "community-appeal"),
        ("Support for this podcast comes from Stripe.", "sponsor-read"),
        ('Get your first month free with Promo Code "RADIO" at Acme: acme.example', "sponsor-read"),
        ("Use code RADIO for 20% off your first box.", "sponsor-read"),
        ("Sponsors", "sponsor-heading"),
        ("Sentry - Sponsor", "sponsor-heading"),
        ("Originally published at www.example.com on November 3, 2016.", "page-metadata"),
        # Symbols around a line do not hide it.
        ("\u2605 Support this podcast on Patreon \u2605", "community-appeal"),
        ("Join the discussion Discord \U0001f389", "community-appeal"),
        ("Subscribe to our show on Apple Podcasts, Pocket Casts and NPR One.", "subscribe"),
        ("Listen and subscribe on Spotify.", "subscribe"),
        ("Subscribe wherever you get your podcasts.", "subscribe"),
        ("Subscribe to The Harbour Letter", "subscribe"),
        ("Want the Short List delivered straight to your inbox? Sign up!", "subscribe"),
        ("Like us on Facebook Follow us on Twitter & Instagram", "follow-us"),
        (
            "This website and all documents on it are licensed under a Creative Commons "
            "Attribution-Share Alike 3.0 License.",
            "copyright-line",
        ),
        ("This article was originally published on The Conversation.", "syndication-notice"),
        ("Diese Folge wird unterstützt von Acme. Alles unter acme.example.", "sponsor-read"),
        ("Mit dem Rabattcode RADIO gibt es 20 Prozent.", "sponsor-read"),
        ("Unsere Sponsoren:", "sponsor-heading"),
        ("Unterstütze den Podcast auf Steady", "community-appeal"),
        ("Cet épisode est sponsorisé par Acme.", "sponsor-read"),
        ("Profitez de 20 % avec le code RADIO sur acme.example", "sponsor-read"),
        ("Nos partenaires :", "sponsor-heading"),
        ("Rejoignez-nous sur Discord : https://discord.gg/x", "community-appeal"),
        ("Jana Berg ist Redakteurin bei der Zeitung am Ort.", None),  # a bio only at the end
        ("Continue reading the main story", "related-links"),
        ("Printer-Friendly Version", "share-buttons"),
        ("See all articles by this contributor", "related-links"),
        ("More stories by Jane Roe", None),  # no verb: a heading of the author's page
        ("Now check out these five apps that will tidy your inbox ...", "related-links"),
        ("Join Fixes on Facebook and follow updates on twitter.com/examplefixes.", "follow-us"),
        (
            '"Hier ist Example": Der Example24 Newsletter informiert Sie immer montags bis '
            "freitags zum Feierabend über das Wichtigste vom Tag",
            "subscribe",
        ),
        ("Die Sendung wurde am 3. Mai im Ersten ausgestrahlt.", None),  # only at the end
        (
            "Die Beispiel-AG ist nicht verantwortlich für den Inhalt externer Internetseiten.",
            "disclaimer",
        ),
        ("La suite est réservée aux abonnés.", "paywall-notice"),
        ("Dieser Artikel ist nur für Abonnenten verfügbar.", "paywall-notice"),
        ("Der Artikel ist für Abonnenten der Zeitung geschrieben, sagte sie.", None),
        ("L’émission est diffusée le samedi à 10 heures.", None),  # only at the end
        ("Max Muster schrieb am 14.12.2009 um 10:12 Uhr: Toller Artikel!", "reader-comment"),
        ("Der Minister schrieb am 14.12.2009 an den Rat.", None),
        ("This article is available to subscribers only.", "paywall-notice"),
    ],
)
def test_real_furniture(text: str, rule_id: str) -> None:
    assert is_furniture(text) == rule_id


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        # Where a syndicated story ran first, in each language's phrasing, and near misses.
        (
            "This story was republished from The Example under a Creative Commons license."
            " Read the original article.",
            "syndication-notice",
        ),
        ("A version of this story first appeared on example.org.", "syndication-notice"),
        ("Dieser Artikel erschien zuerst bei Beispiel Online.", "syndication-notice"),
        ("Zuerst erschienen auf beispiel.org.", "syndication-notice"),
        ("Cet article a d'abord été publié sur Exemple.fr.", "syndication-notice"),
        (
            "Cet article est republié à partir de The Example sous licence Creative Commons."
            " Lire l'article original.",
            "syndication-notice",
        ),
        ("This story was published on Monday, after the vote.", None),
        ("Der Artikel erschien zuerst 2019, sagte sie.", None),
        # Subscription appeals that open with a question.
        (
            "Not a subscriber to Example Magazine? Then head over here for the latest issue!",
            "subscribe",
        ),
        ("Noch kein Abonnent? Dann hier entlang.", "subscribe"),
        ("Pas encore abonné ? Découvrez nos offres.", "subscribe"),
        ("Not a subscriber myself, I asked what the magazine costs.", None),
        # A line sending readers to a section of the site for more.
        ("For more Culture, Media and Opinion coverage, visit example.com/media", "related-links"),
        ("Mehr Nachrichten aus Bayern finden Sie unter beispiel.de", "related-links"),
        ("Pour plus d'actualités sur la culture, rendez-vous sur exemple.fr", "related-links"),
        ("For more than a year, the coverage of the trial was thin, she said.", None),
        # A copyright footer from "Copyright" to "All rights reserved", whatever lies between.
        (
            "Copyright Do you have more information about this story? Click here to contact"
            " usCopyright 2012 by Example.com. All rights reserved.",
            "copyright-line",
        ),
        ("© 2021 Beispiel GmbH. Alle Rechte vorbehalten.", "copyright-line"),
        ("© Exemple 2020 - Tous droits réservés", "copyright-line"),
        ("Copyright law says all rights reserved means little, the judge said.", None),
        # A sponsor's note on a series the episode belongs to.
        (
            "This episode is part of our conversational series sponsored by Example Pay. Example"
            " Pay competes with cash.",
            "sponsor-read",
        ),
    ],
)
def test_furniture_of_syndicated_and_subscription_pages(text: str, rule_id: str | None) -> None:
    assert is_furniture(text) == rule_id


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        # Sign-ups for a site's newsletters, its named app or a free course.
        (
            "***Please sign up for Example Newsletters and download the Example News app to keep"
            " receiving the latest news.***",
            "subscribe",
        ),
        (
            "Download and subscribe to the brand new Example Fit app to reach your goals.",
            "subscribe",
        ),
        ("Join my FREE workshop and learn how to bake, from Day One.", "subscribe"),
        ("Téléchargez l'application Exemple pour suivre l'actualité.", "subscribe"),
        ("Download the app to hear more of her story.", None),
        ("Sign up for the course and you will learn a lot, she said.", None),
        # A magazine's support box under the story.
        ("On supporting science journalism", "donation-appeal"),
        (
            "If you're enjoying this article, consider supporting our journalism by subscribing.",
            "donation-appeal",
        ),
        # The print-edition note.
        (
            "This article appeared in the Books section of the print edition under the headline"
            ' "A day by the sea"',
            "syndication-notice",
        ),
        (
            "A version of this article appears in print on Dec. 3, 2026, Section A.",
            "syndication-notice",
        ),
        ("Dieser Artikel erschien in der Printausgabe vom 3. Dezember.", "syndication-notice"),
        ("Cet article est paru dans l'édition du 3 décembre.", "syndication-notice"),
        ("This story appeared in the local paper in 1999, she said.", None),
        # Consent placeholders for embeds and cookie lines.
        ("Empfohlener redaktioneller Inhalt", "cookie-notice"),
        (
            "Empfohlener redaktioneller Inhalt An dieser Stelle finden Sie einen externen Inhalt.",
            "cookie-notice",
        ),
        ("Informationen zu Cookies im Beispiel.at Netzwerk", "cookie-notice"),
        ("Information about cookies on example.com", "cookie-notice"),
        ("Informations sur les cookies", "cookie-notice"),
        ("Redaktioneller Inhalt war ihr wichtig, sagte sie.", None),
        # A feedback button's label.
        ("Schicken Sie uns Ihr Feedback!", "comment-prompt"),
        ("Send us your feedback!", "comment-prompt"),
        ("Envoyez-nous vos commentaires !", "comment-prompt"),
        ("Please send us your feedback on the draft by Monday, he wrote.", None),
    ],
)
def test_sign_ups_print_notes_consent_placeholders_and_feedback_buttons(
    text: str, rule_id: str | None
) -> None:
    assert is_furniture(text) == rule_id


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Getting into filmmaking:",
        "What motivated you to produce Gold Medal?",
        "MARK BANNERMAN: Olympian Bill Kirby ending that report from Ellesa Throwden.",
        "Ellesa Throwden reports.",
        "[PAUSE]",
        "Arts & Entertainment",
        "So Yong Kim",
        "Larry Busacca/Getty Images",
        "Hosted by John Horn",
        "Published on a Tuesday, the film found its audience slowly over many years.",
        "Source: the ministry said so in a statement. Tags: none of them were true.",
        # Sentences that only mention reading, sponsors or codes.
        "Read more about the case in our archive, she said, and you will see why.",
        "Lire aussi les rapports du médiateur, dit-elle, serait utile.",
        "Lesen Sie auch die Anmerkungen, sagte er.",
        "The code for the door was 1234, and nobody changed it for years.",
        "The festival was sponsored by a bank that later collapsed.",
        "Follow the river to the sea, the guide said.",
        "Le code promo de la ville a été piraté, a-t-il dit.",
        "The novel was originally published in 1954, and nobody read it for a decade.",
        "Subscribe in seconds, he said, and you are stuck for years.",
        "Subscribe on Monday and you get a discount.",
        "\u201cShare it,\u201d she said.",
        "The software is licensed under the GPL, the maintainers said in 2019.",
        "Sponsoren",
        "Partenaires",
        # Sentences that only look like the notices, links and bios above.
        "Continue reading, she said, because the end is the best part.",
        "Now check out the river, he told me, and tell me it is not rising.",
        "Join me on Friday at the market, she wrote.",
        # Show notes' links to the guest are what a listener follows: content.
        "Follow Derrick on Twitter: https://twitter.com/derrick",
        "The newsletter informed readers of the strike a week before it began.",
        "Der Newsletter der Gewerkschaft informiert über den Streik, sagte sie.",
        "Il vous reste 20 minutes, a dit le surveillant.",
    ],
)
def test_content_is_not_furniture(text: str) -> None:
    assert is_furniture(text) is None


def test_strip_furniture_keeps_order_and_names_rules() -> None:
    blocks = [
        Block("I think intimacy is the key."),
        Block("You care about today's news. And you're not alone."),
        Block("Filmmaking is also about learning about myself.", kind="quote"),
        Block("Up \u2191"),
    ]
    kept, removed = strip_furniture(blocks)
    assert kept == [blocks[0], blocks[2]]
    assert removed == [(blocks[1], "donation-appeal"), (blocks[3], "back-to-top")]


def test_a_sponsor_section_goes_with_its_heading_up_to_the_next_heading_of_its_level() -> None:
    blocks = [
        Block("Links", kind="heading", level=2),
        Block("RedwoodJS"),
        Block("Sponsors", kind="heading", level=2),
        Block("Acme Cloud", kind="heading", level=3),
        Block("Acme Cloud is the fastest way to ship apps. Visit acme.example/radio."),
        Block("Get involved", kind="heading", level=2),
        Block("Donate to the food bank."),
    ]
    kept, removed = strip_furniture(blocks)
    assert [b.text for b in kept] == [
        "Links",
        "RedwoodJS",
        "Get involved",
        "Donate to the food bank.",
    ]
    assert [rule for _, rule in removed] == [
        "sponsor-heading",
        "sponsor-section",
        "sponsor-section",
    ]


def test_near_miss_a_sponsor_heading_ends_at_any_heading_without_levels() -> None:
    blocks = [
        Block("Sponsors", kind="heading"),
        Block("Acme is the fastest way to ship apps."),
        Block("The interview", kind="heading"),
        Block("We talked about radio."),
    ]
    kept, _ = strip_furniture(blocks)
    assert [b.text for b in kept] == ["The interview", "We talked about radio."]


def test_a_sponsor_paragraph_is_not_a_section() -> None:
    blocks = [Block("Sponsors"), Block("We talked about radio.")]
    assert strip_furniture(blocks)[0] == [blocks[1]]


BIO = "Jane Roe is a reporter for the Daily Example covering courts. Follow her on Twitter @jroe"


def test_an_author_bio_closing_the_article_is_furniture() -> None:
    blocks = [Block("The court ruled on Monday."), Block(BIO), Block("Photo", kind="caption")]
    kept, removed = strip_furniture(blocks)
    assert kept == [blocks[0], blocks[2]]
    assert removed == [(blocks[1], "author-bio")]


@pytest.mark.parametrize(
    "bio",
    [
        "Jana Berg ist Redakteurin bei der Zeitung am Ort.",
        "Jean Dupont est journaliste au Quotidien du Soir.",
    ],
)
def test_author_bios_in_german_and_french(bio: str) -> None:
    blocks = [Block("Der Rat hat entschieden."), Block(bio)]
    assert strip_furniture(blocks)[1] == [(blocks[1], "author-bio")]


@pytest.mark.parametrize(
    "bio",
    [
        "Jane is a Senior Editor at Example Magazine overseeing features on health.",
        "Jana ist Redakteurin bei Beispiel Online.",
        "Jean est journaliste pour Exemple Matin.",
    ],
)
def test_a_closing_bio_under_the_authors_name_may_use_the_first_name(bio: str) -> None:
    blocks = [Block("The court ruled on Monday."), Block("Jane Roe"), Block(bio)]
    assert strip_furniture(blocks)[1] == [(blocks[2], "author-bio")]


def test_near_miss_a_first_name_bio_mid_article_or_without_an_outlet_is_the_story() -> None:
    blocks = [
        Block("Jane is a reporter for Example News, and she was there."),
        Block("The court ruled on Monday."),
        Block("It took a year."),
        Block("The appeal follows."),
    ]
    assert strip_furniture(blocks)[0] == blocks
    closing = [Block("The court ruled on Monday."), Block("Mary is a nurse at the clinic.")]
    assert strip_furniture(closing)[0] == closing


@pytest.mark.parametrize(
    "bio",
    [
        "Tom Example is the author of Deep Water: The Story of a Submarine.",
        "Jane Roe is Example Weekly's technology columnist and the author of Signal.",
        "Ann Example is director of The Data Program at the Example School of Journalism.",
        "Jean Dupont est l’auteur de Sous la mer, paru chez Exemple.",
    ],
)
def test_author_bios_naming_a_book_a_paper_or_a_programme(bio: str) -> None:
    blocks = [Block("The dive took three hours."), Block(bio)]
    assert strip_furniture(blocks)[1] == [(blocks[1], "author-bio")]


@pytest.mark.parametrize(
    "text",
    [
        "Tom Example is the author of his own misfortune, the judge said.",  # lower case: no title
        "Ann Example is the director the board wanted all along.",
        "Jane Roe is Example Weekly's best customer, a clerk said.",
        "Jean Dupont est l’auteur de ses malheurs, a dit le juge.",
    ],
)
def test_near_miss_closing_sentences_that_are_not_bios(text: str) -> None:
    blocks = [Block("The dive took three hours."), Block(text)]
    assert strip_furniture(blocks)[0] == blocks


def test_a_broadcast_notice_after_the_bio_goes_too() -> None:
    blocks = [
        Block("The dive took three hours."),
        Block("Tom Example is the author of Deep Water."),
        Block("Radio Example's The Dive is broadcast on Friday 2 March at 1100 GMT."),
    ]
    removed = strip_furniture(blocks)[1]
    assert sorted(rule_id for _, rule_id in removed) == ["author-bio", "broadcast-notice"]


def test_a_french_broadcast_notice_closing_the_article_goes() -> None:
    blocks = [Block("La plongée a duré trois heures."), Block("L’émission est diffusée le samedi.")]
    assert strip_furniture(blocks)[1] == [(blocks[1], "broadcast-notice")]


def test_near_miss_the_same_sentence_mid_article_is_the_story() -> None:
    blocks = [Block("The court ruled on Monday."), Block(BIO)] + [
        Block(f"Paragraph {n} of the story about her arrest.") for n in range(3)
    ]
    assert strip_furniture(blocks)[0] == blocks


@pytest.mark.parametrize(
    ("text", "kept", "rule_id"),
    [
        (
            "Suzi has exciting news in the intro.See acast.com/privacy for privacy and opt-out "
            "information.",
            "Suzi has exciting news in the intro.",
            "hosting-notice",
        ),
        (
            "Scott and Wes talk about Node! Acme - Sponsor If you want to track errors, use Acme.",
            "Scott and Wes talk about Node!",
            "sponsor-heading",
        ),
        (
            "We talk about radio. This episode is sponsored by Acme. Go to acme.example.",
            "We talk about radio.",
            "sponsor-read",
        ),
        # Near misses: a description that is only furniture stays (nothing left to keep), and
        # one whose later sentence only mentions a sponsor is whole.
        ("Sponsors", "Sponsors", None),
        (
            "We talk about radio. The festival was sponsored by a bank.",
            "We talk about radio. The festival was sponsored by a bank.",
            None,
        ),
        # Near misses: sentences that only mention Facebook, Twitter or a newsletter.
        (
            "We talk about radio. Facebook and Twitter said they would follow the ruling. Her"
            " newsletter was read by thousands. She joined us on Facebook Live for the talk.",
            "We talk about radio. Facebook and Twitter said they would follow the ruling. Her"
            " newsletter was read by thousands. She joined us on Facebook Live for the talk.",
            None,
        ),
        # Show notes' closing appeals, and a number after an abbreviation opens no sentence.
        (
            "We talk about Prop. 39 and the roof. Tell me your story! I am making a series.",
            "We talk about Prop. 39 and the roof.",
            "tip-appeal",
        ),
    ],
)
def test_cut_furniture_tail(text: str, kept: str, rule_id: str | None) -> None:
    assert cut_furniture_tail(text) == (kept, rule_id)


def test_cut_furniture_tail_reads_each_sentence_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read: list[str] = []

    def counting(text: str, at_end: bool = False) -> str | None:
        read.append(text)
        return is_furniture(text, at_end)

    monkeypatch.setattr(furniture, "is_furniture", counting)
    sentences = [f"Sentence {n} is about the radio show." for n in "abcdefghijklmnopqrstuvwxyz"]
    assert cut_furniture_tail(" ".join(sentences)) == (" ".join(sentences), None)
    # Every piece is at most TAIL_SENTENCE_SPAN sentences, at most that many from each start.
    assert len(read) <= furniture.TAIL_SENTENCE_SPAN * len(sentences)
    longest = max(len(s) for s in sentences) + 1
    assert max(len(t) for t in read) <= furniture.TAIL_SENTENCE_SPAN * longest


@pytest.mark.parametrize(
    ("text", "rule_id", "at_end"),
    [
        # Author boxes (WordPress author-box plugins and their kin), in each language.
        ("Latest posts by Jane Roe (see all)", "related-links", False),
        ("Recent articles by Jane Roe (view all)", "related-links", False),
        ("About the Author", "author-bio", True),
        ("Über die Autorin", "author-bio", True),
        ("À propos de l'auteur", "author-bio", True),
    ],
)
def test_an_author_box_s_heading_and_links_are_furniture(
    text: str, rule_id: str, at_end: bool
) -> None:
    assert is_furniture(text, at_end=at_end) == rule_id


@pytest.mark.parametrize(
    "text",
    [
        "About the author of the letter, little is known.",
        "Latest posts by the council say the harbour will reopen.",
        "Latest posts by Jane Roe",  # the heading of her own page (see "More stories by")
    ],
)
def test_near_miss_sentences_about_authors_and_posts_stay(text: str) -> None:
    assert is_furniture(text, at_end=True) is None
    # An author box's heading closes an article; in its middle it is the text's own heading.
    assert is_furniture("About the Author", at_end=False) is None
