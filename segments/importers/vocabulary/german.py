"""German: the words of German-language pages (Podlove and WordPress templates included)."""

from __future__ import annotations

from segments.importers.vocabulary.table import Vocabulary

#: The verbs of a quote that may also come before the speaker ("sagte Müller"); the
#: quote verbs add those whose second part comes after it ("erinnert sich", "fügt hinzu").
_SAYS: tuple[str, ...] = (
    "sagt",
    "sagte",
    "erklärt",
    "erklärte",
    "erzählt",
    "erzählte",
    "betont",
    "betonte",
    "meint",
    "meinte",
    "berichtet",
    "berichtete",
    "ergänzt",
    "ergänzte",
    "gesteht",
    "gestand",
)

GERMAN = Vocabulary(
    language="de",
    and_words=("und",),
    guest_nouns=(
        "astrophysikerin",
        "astrophysiker",
        "regisseur",
        "regisseurin",
        "autor",
        "autorin",
        "schriftsteller",
        "schriftstellerin",
        "historiker",
        "historikerin",
        "soziologe",
        "soziologin",
        "philosoph",
        "philosophin",
        "psychologe",
        "psychologin",
        "ökonom",
        "ökonomin",
        "wissenschaftler",
        "wissenschaftlerin",
        "forscher",
        "forscherin",
        "politikwissenschaftler",
        "politikwissenschaftlerin",
        "musiker",
        "musikerin",
        "sänger",
        "sängerin",
        "komponist",
        "komponistin",
        "künstler",
        "künstlerin",
        "schauspieler",
        "schauspielerin",
        "kabarettist",
        "kabarettistin",
        "filmemacher",
        "filmemacherin",
        "publizist",
        "publizistin",
        "professor",
        "professorin",
        "comedian",
    ),
    office_titles=(
        "bundeskanzler",
        "bundeskanzlerin",
        "kanzler",
        "kanzlerin",
        "bundespräsident",
        "bundespräsidentin",
        "präsident",
        "präsidentin",
        "ministerpräsident",
        "ministerpräsidentin",
        "minister",
        "ministerin",
        "bürgermeister",
        "bürgermeisterin",
        "oberbürgermeister",
        "oberbürgermeisterin",
        "senator",
        "senatorin",
        "richter",
        "richterin",
        "trainer",
        "trainerin",
        "kardinal",
        "papst",
        "bischof",
        "bischöfin",
        "pfarrer",
        "pfarrerin",
        "landrat",
        "landrätin",
        "botschafter",
        "botschafterin",
    ),
    host_titles=("moderatorin", "moderator", "gastgeberin", "gastgeber", "moderiert von"),
    reporter_titles=("reporterin", "korrespondent", "korrespondentin"),
    host_labels=("moderation", "moderator(?:in)?", "gastgeber(?:in)?", "präsentiert von"),
    guest_labels=("gast", "gäste", "gästin", "zu gast", "gesprächspartner(?:in)?(?:nen)?"),
    interviewer_labels=("interview", "fragen", "das interview führte", "das gespräch führte"),
    reporter_labels=("reporter(?:in)?", "bericht", "gestaltung"),
    interviewer_titles=(
        "das interview führten?",
        "das gespräch führten?",
        "die fragen stellten?",
        "interview geführt von",
    ),
    talk_verbs=("spricht", "sprach", "redet", "redete"),
    talk_preps=("mit",),
    guest_phrases=("interview mit",),
    spoke_with_openers=("[Ww]ir haben mit", "[Ii]ch habe mit"),
    spoke_with_closers=("gesprochen", "geredet", "telefoniert"),
    host_headings=("moderation", "moderator(?:in)?", "gastgeber(?:in)?"),
    guest_headings=("gäste", "gast", "zu gast", "studiogäste?", "gesprächspartner(?:in)?(?:nen)?"),
    guest_list_phrases=(
        "zu gast (?:ist|sind|war|waren)",
        "unser(?:e)? gäst?e? (?:ist|sind|heute)",
    ),
    receive_verbs=("interviewt", "begrüßt", "empfängt"),
    guest_joins=("(?:ist|war) (?:heute |diesmal )?(?:bei uns |bei mir )?(?:im studio )?zu gast",),
    affiliation_words=("von", "vom", "aus"),
    host_joins=("(?:ist|war) zu gast bei",),
    host_join_purposes=("und spricht", "und sprach", "um über"),
    programme_guest_phrases=(
        "spricht mit",
        "sprach mit",
        "sprechen mit",
        "redet mit",
        "unterhält sich mit",
        "(?:im )?gespräch mit",
    ),
    reporter_credits=("ein beitrag von", "eine reportage von", "ein bericht von"),
    guest_with_asker=("im Gespräch mit",),
    title_topic_words=("über",),
    title_with_words=("mit",),
    episode_words=("folge", "episode", "ausgabe"),
    name_articles=("der", "die", "das", "dem", "den"),
    told_verbs=("sagte gegenüber", "sagt gegenüber", "erzählte", "erzählt"),
    told_objects=("uns", "mir", "dieser Zeitung"),
    lesson_openers=("was",),
    interview_words=("interview", "gespräch"),
    # "Folge" alone is also "consequence" ("in der Folge"): only with a word that counts it.
    programme_words=(
        "podcasts?",
        "Folge \\d+",
        "(?:diese[rnm]?|neuen?|heutigen|nächsten|letzten) (?:Folge|Sendung)",
    ),
    self_introductions=("[Ii]ch bin", "[Hh]ier ist", "[Hh]ier spricht"),
    show_host_verbs=("interviewt", "spricht mit", "trifft"),
    title_org_words=("von",),
    headline_speech_verbs=("über", "spricht", "erzählt", "verrät"),
    quote_verbs=(*_SAYS, "erinnert sich", "erinnerte sich", "fügt hinzu", "fügte hinzu"),
    inverted_quote_verbs=_SAYS,
    quote_sources=("laut", "so"),
    conversation_prepositions=("mit", "gegenüber", "bei"),
    press_audiences=(
        "journalisten",
        "journalistinnen",
        "der presse",
        "den medien",
        "einer pressekonferenz",
    ),
    conversation_cues=(
        "im gespräch mit",
        "sprach mit",
        "spricht mit",
        "gesprochen",
        "zu gast bei",
        "traf sich mit",
    ),
    title_prepositions=("für", "des", "der"),
    copulas=("ist", "war"),
    copula_articles=("eine?",),
    byline_words=("von",),
    byline_with_words=("mit",),
    byline_behalf_words=(
        "im auftrag von",
        "im auftrag der",
        "im auftrag des",
        "im namen von",
        "im namen der",
        "im namen des",
    ),
    byline_other_work_words=(
        "fotos",
        "foto",
        "fotografie",
        "bilder",
        "illustration",
        "illustrationen",
        "grafik",
        "grafiken",
        "video",
        "kamera",
        "styling",
        "animation",
    ),
    byline_labels=("autor(?:in|/in|\\*in|innen)?", "redaktion"),
    sign_off_place_words=("in", "aus"),
    full_story_links=("weiterlesen", "zum artikel", "den ganzen artikel lesen"),
    title_kind_words=("video", "audio", "podcast"),
    broadcast_date_words=("vom",),
    broadcast_time_words=("um",),
    broadcast_clock_words=("uhr",),
    interface_labels=("weiterlesen", "mehr lesen", "mehr", "teilen", "folgen"),
    staff_words=("redaktion", "nachrichtenredaktion", "quelle", "quellen"),
    company_forms=("gmbh", "ag", "kg", "ohg", "ev", "gbr", "ug"),
    outlet_words=("magazin", "zeitung", "nachrichten"),
    organisation_words=(
        "fernsehen",
        "rundfunk",
        "hörfunk",
        "sender",
        "polizei",
        "redaktion",
        "verlag",
        "pressestelle",
        "kinderkanal",
        "programm",
        "ministerium",
        "verband",
        "stiftung",
        "universität",
        "institut",
    ),
    no_author_credits=("kein autor", "keine autorin", "autor unbekannt", "ohne autor"),
    name_ending_verbs=("ist", "sind", "war", "hat", "haben", "wird", "sagt", "sagte", "kann"),
    pronouns=("unser", "unsere", "ihr", "ihre", "mein", "meine", "dein", "deine", "wir"),
    job_title_words=("produzent", "produzentin", "redakteur", "redakteurin", "pressesprecher"),
    writer_titles=("autor", "autorin", "journalist", "journalistin", "redakteur", "redakteurin"),
    interviewer_credits=("gespräch ?:",),
    host_label_parts=("moderator", "moderatorin", "moderation"),
    reporter_label_parts=("reporter", "reporterin", "korrespondent", "korrespondentin"),
    role_titles=(
        "moderator",
        "moderatorin",
        "moderation",
        "gast",
        "sprecher",
        "sprecherin",
        "erzähler",
        "erzählerin",
        "stimme",
        "reporter",
        "reporterin",
        "frage",
        "antwort",
    ),
    interview_notes=(
        r"(?:das|dieses) (?:interview|gespräch) (?:wurde|ist) (?:\w+ )?(?:gekürzt|redigiert|geführt"
        r"|bearbeitet|autorisiert)",
    ),
    guest_label_parts=("gast", "gästin"),
    honorifics=("herr", "herrn", "frau", "dr", "prof", "professor", "professorin"),
    question_labels=("frage", "f"),
    answer_labels=("antwort",),
    # The formal "Sie" and "Ihr..." only capitalised (lowercase "sie" is "she" or "they").
    address_words=(
        "Sie",
        "Ihnen",
        r"Ihre?[mnrs]?",
        "[Dd]u",
        "[Dd]ich",
        "[Dd]ir",
        r"[Dd]eine?[mnrs]?",
        "[Ee]uch",
        "[Ee]uer",
        r"[Ee]ure[mnrs]?",
    ),
    note_labels=("anmerkung", "nachtrag"),
    not_speakers=("darin", "lizenz", "dauer"),
    link_list_labels=("themen", "mehr zum thema"),
    # "Bildrechte: MDR/..." (a public broadcaster's photo rights line) before "bild"
    credit_words=("bildrechte", "foto", "bild"),
    # "Bildrechte: ..." before "bild": an alternation takes the first word that matches;
    # "Bildquelle: WDR", "Rechte: ZDF" as broadcasters print them in a photo's title
    credit_prefixes=(
        "bildrechte",
        "bildquelle",
        r"fotograf(?:in)?",
        r"fotos?",
        "bild",
        "quelle",
        "rechte",
    ),
    caption_credit_words=("foto",),
    caption_class_words=("bildunterschrift", "bildtext"),
    credit_class_words=("bildnachweis",),
    credit_class_parts=("quelle", "fotograf"),
    tagline_hosts=(
        r"\b[Mm]it (?:Gastgeber(?:in)?\s+)?({name})\s*$",
        r"\b[Mm]oderation:?\s+({name})",
    ),
    audio_verbs=("herunterladen", "anhören"),
    audio_control_verbs=("herunterladen",),
    download_words=("herunterladen",),
    months=("januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember"),
    month_names=(
        "januar",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ),
    weekdays=("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    date_verbs=("veröffentlicht", "aktualisiert"),
    date_preps=("am",),
    time_preps=("um",),
    clock_suffixes=("uhr",),
    printed_date_labels=("Veröffentlicht am", "Publiziert am"),
    duration_labels=("Dauer", "Länge"),
    hour_units=("Stunden?", r"Std\.?"),
    minute_units=("Minuten", r"Min\.?"),
    second_units=("Sekunden", r"Sek\.?"),
    time_units=("stunden?", "minuten?", "sekunden?"),
    comment_nouns=("kommentare?",),
    comment_one=("ein",),
    comment_thoughts=("gedanken?",),
    comment_preps=("zu",),
    metadata_labels=("veröffentlicht am", "dauer", "lizenz", "kategorien"),
    metadata_field_labels=("kategorien", "schlagworte", "dauer", "lizenz"),
    related_list_labels=(
        "mehr zum thema",
        "weitere folgen",
        "lesen sie (?:auch|mehr|hier)",
        "auch interessant",
        "(?:das )?könnte sie (?:auch )?interessieren",
        "passend zum thema",
    ),
    site_links=("impressum", "datenschutz(?:erklärung)?"),
    site_links_joined=("impressum", "datenschutz(?:erklärung)?"),
    cite_labels=("diese folge zitieren",),
    tag_link_words=("schlagwort", "themen?"),
    production_credits=("(?:produziert|redigiert|zusammengestellt|geschnitten) von",),
    furniture={
        "series-blurb": (
            r"{person} (?:beleuchtet|ist (?:eine|die) (?:Serie|Reihe|Kolumne) (?:über|zu|von))"
            r" [^.!?]{1,200}[.!]",
        ),
        "comment-prompt": (
            # A feedback button's label: "Schicken Sie uns Ihr Feedback!".
            r"(?:schicken|senden|geben) sie uns ihr feedback[.!]?"
            r"|(?:schickt|sendet|gebt) uns euer feedback[.!]?|(?:schick|sende|gib) uns dein"
            r" feedback[.!]?",
            r"schreibe einen kommentar|antworten(?: abbrechen)?",
            r"(?:schreiben sie|schreibt|schreib) (?:es )?(?:uns )?(?:unten )?in die"
            r" kommentare[.!]?",
            r"(?:was meinen sie|was meint ihr|was denkst du)\? (?:schreiben sie|schreibt|schreib)"
            r" (?:es )?(?:uns )?(?:unten )?in die kommentare[.!]?",
        ),
        "tip-appeal": (
            r"(?:erzählen sie|erzählt|erzähl) (?:uns|mir) (?:ihre|eure|deine) geschichte!",
            r"(?:haben sie|habt ihr|hast du) (?:weitere )?informationen zu (?:diesem thema|dieser"
            r" geschichte)\?[^?]{0,120}",
        ),
        "listener-appeal": (
            r"(?:empfehlen sie|empfehlt|empfiehl) (?:uns|den podcast|diesen podcast) weiter[.!]?",
            r"(?:bewerten sie|bewertet|bewerte) (?:uns|den podcast|diesen podcast)(?: auf {app})?"
            r"[.!]?",
        ),
        "contact-line": (r"(?:kontakt|sie erreichen) {person}(?: unter| per e-?mail an) \S+\.?",),
        "transcript-notice": (
            r"(?:dieses|das) transkript wurde (?:automatisch|maschinell) erstellt\b[^.!?]{0,160}\."
            r"(?:\s*[^.!?]{0,160}\bfehler\b[^.!?]{0,80}\.)?",
            r"(?:dieses|das) transkript kann fehler enthalten\.?",
        ),
        "send-page": (
            r"(?:seite|artikel|beitrag) (?:verschicken|versenden|weiterempfehlen|empfehlen)"
            r"|per e-?mail (?:versenden|verschicken|empfehlen)",
        ),
        "teaser-heading": (
            r"mehr nachrichten|weitere nachrichten|neueste (?:nachrichten|beiträge)|top-?themen"
            r"|meistgelesen|auch interessant|empfehlungen der redaktion|bleiben sie informiert",
        ),
        "reader-comment": (
            r"[^,.!?:]{1,40}(?:, am {date},? (?:schrieb|meinte?)| schrieb am {date}"
            r"(?:,? um \d{1,2}:\d{2}(?: uhr)?)?):\s.{1,2000}",
        ),
        "comment-form": (
            r"deine e-mail-adresse wird nicht veröffentlicht\.?(?: .{0,60})?",
            r"benachrichtige mich über (?:neue beiträge|nachfolgende kommentare)"
            r" (?:via|per) e-mail\.?",
        ),
        "back-to-top": (r"(?:nach oben|zurück nach oben)\s*[↑⬆^]?",),
        "listen-button": (r"anhören",),
        "subscribe": (
            r"abonnieren",
            r"(?:melden sie sich|meldet euch|melde dich) (?:für|zu) (?:unseren|unserem) newsletter"
            r" an[.!]?",
            r"(?:[„\"“][^\"“”]{1,40}[\"“”]\s*:\s*)?(?:der|unser) [\w-]+[- ]?newsletter"
            r" (?:informiert|bringt|liefert|versorgt) (?:sie|dich|euch)\b.{0,200}",
            # "Noch kein Abonnent? Dann ...": the appeal asks first.
            r"(?:noch )?(?:kein|keine) (?:abonnent(?:in)?|abo|abonnement|mitglied)"
            r"(?: (?:von|bei) [^.!?]{1,60})?\?(?:\s.{1,200})?",
        ),
        "broadcast-notice": (
            r"[^.!?]{1,100} (?:wird|wurde) am [^.!?]{1,80} (?:ausgestrahlt|gesendet)\.?",
        ),
        "paywall-notice": (
            r"(?:dieser|der) (?:artikel|beitrag) ist (?:exklusiv |nur )?für"
            r" (?:abonnenten|abonnentinnen|abonnent(?:\*|:|_)innen)(?: \w+)?\.?",
            r"(?:dieser|der) (?:artikel|beitrag) ist (?:exklusiv |nur )?für [\w+]+[- ]abonnenten"
            r"(?: \w+)?\.?",
        ),
        # "Dieser Artikel erschien zuerst bei Zeit Online.", "Der Text ist zuerst im Freitag
        # erschienen.", "Zuerst erschienen auf netzpolitik.org."
        # A consent placeholder for an embed the reader has not let in ("Empfohlener
        # redaktioneller Inhalt An dieser Stelle finden Sie ..."), and the cookie lines.
        "cookie-notice": (
            r"(?:empfohlener )?(?:redaktioneller|externer) inhalt(?: an dieser stelle\b.{0,400})?",
            r"(?:informationen|hinweise) zu(?:m)? (?:cookies|datenschutz)\b[^!?]{0,60}",
            r"(?:diese (?:web)?seite|wir) (?:verwendet|verwenden|nutzt|nutzen) cookies\b.{0,300}",
            r"cookie-einstellungen",
        ),
        "syndication-notice": (
            # The print-edition note: "Dieser Artikel erschien in der Printausgabe vom ...".
            r"(?:dieser|der) (?:artikel|beitrag|text) (?:erschien|ist) (?:auch )?in der"
            r" (?:print-?ausgabe|gedruckten ausgabe|zeitungsausgabe)\b[^!?]{0,160}",
            r"(?:dieser|der|dieses|das) (?:artikel|beitrag|text|interview|essay|kommentar|bericht)"
            r" (?:erschien|ist|wurde) (?:zuerst|erstmals|ursprünglich) (?:bei|auf|in|im)"
            r" (?:der |dem |den )?(?:(?-i:[A-Z])|[\w-]+\.\w)[^,;!?]{0,160}?"
            r"(?: (?:erschienen|veröffentlicht))?[.!]?",
            r"(?:zuerst|erstmals|ursprünglich) (?:erschienen|veröffentlicht) (?:bei|auf|in|im)"
            r" (?:der |dem |den )?(?:(?-i:[A-Z])|[\w-]+\.\w)[^,;!?]{0,160}?[.!]?",
        ),
        "disclaimer": (
            r"[^.!?]{1,60} ist nicht verantwortlich für (?:den|die) inhalte? externer"
            r" (?:internet)?seiten\.?",
        ),
        "copyright-line": (
            r"(?:©|\(c\)|copyright)(?:\s|\d).{0,400}?\balle rechte vorbehalten\b\.?",
        ),
        "related-links": (
            r"mehr zum thema:?",
            # "Mehr Nachrichten aus Bayern finden Sie unter br24.de".
            r"mehr (?:nachrichten|news|artikel|beiträge|berichte|informationen) (?:zu|zum|zur|über"
            r"|aus) [^.!?]{1,100} (?:finden sie|gibt es|lesen sie) (?:unter|auf|bei|hier)\b"
            r"[^!?]{0,80}",
        ),
        "sponsor-read": (
            r"diese (?:folge|episode|sendung) wird"
            r" (?:unterstützt|präsentiert|gesponsert|ermöglicht) (?:von|durch) .{1,300}",
            r"diese (?:folge|episode|sendung) (?:ist|gehört zu) (?:teil )?(?:unserer|der|einer)"
            r" [^.!?]{1,80}? (?:reihe|serie|staffel),? (?:die )?(?:unterstützt|präsentiert"
            r"|gesponsert|ermöglicht) (?:von|durch) .{1,300}",
            r"(?:mit|nutze|nutzt|verwende|verwendet)\b.{0,60}\b(?:rabatt|gutschein|promo)-?code\b"
            r".{0,160}",
        ),
        "sponsor-heading": (
            r"(?:unsere (?:sponsoren|werbepartner)|sponsoren dieser folge|werbepartner):?",
            r"(?:diese folge wird )?(?:unterstützt|präsentiert) von:?",
        ),
        "community-appeal": (
            r"unterstütze?n? (?:uns|den podcast|diesen podcast|die sendung)(?: auf| bei| über)"
            r" {platform}\b.{0,200}",
            r"(?:komm|kommt) (?:in )?(?:unsere[nm]?|die) (?:\w+ )?(?:community|gruppe)"
            r" (?:auf|bei) {platform}\b.{0,200}",
        ),
        "author-bio": (
            r"über (?:den autor|die autorin|die autor(?:inn)?en):?",  # the heading over the bio
            r"{name} (?:ist|war) (?:\w+ ){0,3}(?:redakteur(?:in)?|journalist(?:in)?|reporter(?:in)?"
            r"|korrespondent(?:in)?|autor(?:in)?|volontär(?:in)?|kolumnist(?:in)?)"
            r" (?:bei|für|der|des|im|von)\b.{0,900}",
            r"{given} (?:ist|war) (?:\w+ ){0,3}(?:redakteur(?:in)?|journalist(?:in)?"
            r"|reporter(?:in)?|korrespondent(?:in)?|autor(?:in)?|kolumnist(?:in)?) (?:bei|für)"
            r" (?-i:[A-Z]).{0,900}",
        ),
        "advertisement": (r"anzeige",),
        "widget-message": (r"(?:bitte warten|wird geladen|lädt)(?:\.\.\.|…)?",),
        "navigation": (r"zum inhalt springen|menü",),
        "fyyd-button": (r"mit diesem button kannst du diese podcast-episode .{0,300}",),
    },
)
