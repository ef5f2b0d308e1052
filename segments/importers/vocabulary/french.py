"""French: the words of French-language pages (radio sites, printed interviews)."""

from __future__ import annotations

from segments.importers.vocabulary.table import Vocabulary

_APOS = "['’]"

# fmt: off
FRENCH = Vocabulary(
    language="fr",
    and_words=("et",),
    guest_nouns=(
        "réalisateur", "réalisatrice", "écrivain", "écrivaine", "autrice", "chercheur",
        "chercheuse", "historien", "historienne", "comédien", "comédienne", "chanteuse",
        "chanteur", "sociologue", "philosophe", "économiste", "politologue", "anthropologue",
        "psychanalyste", "psychiatre", "romancier", "romancière", "musicien", "musicienne",
        "compositeur", "compositrice", "cinéaste", "scénariste", "essayiste", "physicien",
        "physicienne", "astrophysicien", "astrophysicienne", "professeur", "professeure",
        "auteur", "auteure", "dessinateur", "dessinatrice", "artiste", "poète", "poétesse",
    ),
    office_titles=(
        "président", "présidente", "ministre", "maire", "sénateur", "sénatrice", "député",
        "députée", "juge", "cardinal", "pape", "évêque", "archevêque", "général", "générale",
        "ambassadeur", "ambassadrice", "préfet", "préfète", "entraîneur", "entraîneuse",
    ),
    host_titles=("animé par", "présenté par", "animateur", "animatrice"),
    reporter_titles=("correspondante?", r"envoyée? spéciale?"),
    interviewer_titles=("propos recueillis par", "entretien réalisé par", "interview réalisée par"),
    guest_phrases=("entretien avec", "interview avec", "rencontre avec", "conversation avec"),
    host_labels=("présentation", "animation", "présenté par", "animé par"),
    guest_labels=(r"invitée?s?", r"invité\(e\)s?", "avec", "intervenante?s?"),
    interviewer_labels=("propos recueillis par", "entretien réalisé par"),
    reporter_labels=("reportage", "journaliste"),
    host_headings=("présentation", "animation", "animé par", "présenté par"),
    guest_headings=(r"(?:les |nos )?invitée?s?", r"(?:les |nos )?invité\(e\)s"),
    guest_list_phrases=(
        "avec (?:notre|nos) invitée?s?", "(?:notre|nos) invitée?s? (?:est|sont|du jour)",
    ),
    receive_verbs=("reçoit", "recevait", "interroge", "accueille"),
    guest_joins=(
        "nous rejoint", "est (?:notre|l['’]) invitée?", "était (?:notre|l['’]) invitée?",
    ),
    affiliation_words=("de", "du", "chez"),
    host_joins=("rejoint",),
    host_join_purposes=("pour parler", "pour discuter", "pour évoquer"),
    programme_guest_phrases=("en compagnie de", rf"s{_APOS}entretient avec"),
    episode_openings=(
        r"dans (?:cet|ce nouvel) épisode,?", r"dans (?:cette|notre) émission,?",
    ),
    reporter_credits=("un reportage de",),
    title_with_words=("avec",),
    episode_words=("épisode",),
    name_articles=("le", "la", "les"),
    told_verbs=("a confié à", "a déclaré à", "a expliqué à", "a raconté à", "confie à"),
    told_objects=("nous", "moi"),
    lesson_openers=("ce que",),
    interview_words=("entretien", "interview"),
    programme_words=(
        "podcasts?", "épisode \\d+", "(?:cet|ce|notre|nouvel|dernier) épisode",
        "(?:cette|notre|l['’]) émission",
    ),
    self_introductions=("[Jj]e suis", "[Jj]e m['’]appelle", "[Mm]oi c['’]est"),
    show_host_verbs=("reçoit", "interroge", "rencontre"),
    title_org_words=("de", "chez"),
    headline_speech_verbs=("raconte", "explique", "se confie", "revient sur"),
    quote_verbs=(
        "dit", "explique", "a expliqué", "raconte", "a raconté", "confie", "a confié", "ajoute",
        "a ajouté", "souligne", "a souligné", "précise", "a précisé", "estime", "affirme",
        "assure", "poursuit", "reconnaît", "témoigne", "se souvient",
    ),
    inverted_quote_verbs=(
        "dit", "explique", "raconte", "confie", "ajoute", "souligne", "précise", "estime",
        "affirme", "assure", "poursuit", "reconnaît", "témoigne",
    ),
    quote_sources=("selon", "d['’]après"),
    conversation_prepositions=("avec", "à", "au", "sur"),
    press_audiences=(
        "(?:des |les )?journalistes", "la presse", "(?:une |la )?conférence de presse",
    ),
    conversation_cues=(
        "au micro de", "s['’]est confiée? à", "a rencontré", "était l['’]invitée? de",
        "s['’]entretient avec",
    ),
    title_prepositions=("de", "du", "des"),
    copulas=("est", "était"),
    copula_articles=("une?",),
    byline_words=("par",),
    byline_with_words=("avec",),
    byline_behalf_words=(
        "au nom de", "au nom du", "au nom des", "pour le compte de", "pour le compte du",
    ),
    byline_other_work_words=(
        "photos", "photo", "photographies", "illustration", "illustrations", "vidéo", "stylisme",
        "infographie", "images",
    ),
    byline_labels=("auteur", "autrice", "auteure"),
    sign_off_place_words=("à", "depuis"),
    full_story_links=("lire la suite", "lire l['’]article"),
    title_kind_words=("vidéo", "audio", "podcast"),
    interface_labels=("lire la suite", "voir plus", "en savoir plus", "partager", "suivre"),
    staff_words=("rédaction", "redaction"),
    company_forms=("sa", "sas", "sarl", "sasu", "eurl"),
    outlet_words=("magazine", "hebdo", "quotidien"),
    organisation_words=(
        "télévision", "médias", "rédaction", "gendarmerie", "ministère", "agence", "chaîne",
        "université", "fondation", "institut",
    ),
    no_author_credits=("sans auteur", "auteur inconnu", "aucun auteur"),
    name_ending_verbs=("est", "sont", "était", "sera", "dit", "déclare", "explique"),
    pronouns=("notre", "votre", "nos", "vos", "nous", "vous"),
    job_title_words=("producteur", "productrice", "rédacteur", "rédactrice", "porte-parole"),
    writer_titles=(
        "journaliste", "chroniqueur", "chroniqueuse", "correspondant", "correspondante",
        "rédacteur", "rédactrice",
    ),
    interviewer_credits=("entretien ?:",),
    host_label_parts=("animateur", "animatrice", "présentateur", "présentatrice"),
    reporter_label_parts=("journaliste", "correspondant", "correspondante"),
    role_titles=(
        "animateur", "animatrice", "invité", "invitée", "journaliste", "voix off", "question",
        "réponse",
    ),
    interview_notes=(
        r"(?:cet|l['’]) ?(?:entretien|interview) a été (?:\w+ )?"
        r"(?:édité|raccourci|condensé|réalisé)",
    ),
    guest_label_parts=("invité", "invitée"),
    honorifics=("monsieur", "madame", "mademoiselle", "m", "mme", "mlle", "me", "dr", "pr"),
    question_labels=("question",),
    answer_labels=("réponse", "r"),
    address_words=("[Vv]ous", "[Vv]otre", "[Vv]os", "[Tt]u", "[Tt]oi"),
    note_labels=("mise à jour",),
    not_speakers=("durée", "crédit", "crédits", "lire aussi", "à lire aussi", "à écouter"),
    # "Crédits : ..." alone names a programme's makers, as "Credits: ..." does; a photo's
    # credit is "Crédit : ..." or "Crédit(s) photo : ..."
    credit_words=("crédit(?:s? photo)?",),
    credit_prefixes=(r"crédits?(?: photo)?",),
    caption_credit_words=("crédit",),
    caption_class_words=("legende", "légende"),
    credit_class_words=("crédit",),
    host_line_labels=("animé par", "présenté par", "animation\\s*:"),
    airtime_words=("diffusion", "diffusé"),
    tagline_hosts=(r"\b[Pp]résenté par\s+({name})", r"\b[Aa]nimé par\s+({name})"),
    audio_verbs=("écouter", "télécharger"),
    audio_control_verbs=("télécharger",),
    download_words=("télécharger",),
    months=(
        "janv", "févr", "mars", "avr", "juin", "juil", "août", "sept", "oct", "nov", "déc",
    ),
    month_names=(
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre",
    ),
    weekdays=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    date_verbs=("publié", "mis à jour"),
    date_preps=("le",),
    printed_date_labels=("Publié le",),
    duration_labels=(rf"Durée de l{_APOS}audio", rf"Durée de l{_APOS}émission", "Durée"),
    hour_units=("heures?",),
    minute_units=("minutes?",),
    second_units=("secondes?",),
    time_units=("heures?", "minutes?", "secondes?"),
    comment_nouns=("commentaires?",),
    related_list_labels=(
        "(?:à |a )?(?:lire|voir|écouter|relire) (?:aussi|également|encore)", "lire",
        "lire (?:notre|nos|le|la|les) [\\w’' ]{1,30}", "sur le même (?:sujet|thème)",
    ),
    site_links=("mentions légales", "politique de confidentialité"),
    production_credits=("(?:réalisée?|produite?|montée?) par",),
    furniture={
        "series-blurb": (
            r"{person} (?:s['’]intéresse (?:à|aux)|explore|est une (?:série|chronique) (?:sur|qui))"
            r" [^.!?]{1,200}[.!]",
        ),
        "subscribe": (
            rf"s{_APOS}abonner|abonnez-vous(?: à (?:la|notre) newsletter)?",
            r"inscrivez-vous à (?:notre|la) (?:newsletter|lettre d['’]information) ?[.!]?",
            # "Pas encore abonné ? Découvrez nos offres": the appeal asks first.
            r"(?:pas encore |vous n['’]êtes pas (?:encore )?)abonné(?:e|s|es)?"
            r"(?: (?:à|au) [^.!?]{1,60})? ?\?(?:\s.{1,200})?",
            rf"téléchargez (?:l{_APOS}|notre )appli\w*\b[^!?]{{0,160}}",
        ),
        "comment-prompt": (
            # A feedback button's label: "Envoyez-nous vos commentaires !".
            r"(?:envoyez|donnez)-nous (?:votre avis|vos commentaires|votre feedback) ?[.!]?",
            r"(?:dites-nous|dites-le nous|donnez votre avis) (?:ce que vous en pensez )?"
            r"(?:dans les|en) commentaires? ?[.!]?",
        ),
        "tip-appeal": (
            r"(?:racontez-nous|partagez) votre histoire ?[.!]?",
            r"vous avez (?:des )?informations sur (?:ce sujet|cette affaire) ?\?[^?]{0,120}",
        ),
        "listener-appeal": (
            r"(?:aidez-nous|aidez-moi) à faire connaître (?:ce|le|notre) podcast ?[.!]?",
            r"(?:notez|évaluez) (?:ce|le|notre) podcast(?: sur {app})? ?[.!]?",
        ),
        "contact-line": (r"(?:contacter|joindre) {person} (?:à|au|par courriel à) \S+\.?",),
        "transcript-notice": (
            r"cette transcription (?:a été (?:générée|réalisée) automatiquement|peut contenir des"
            r" erreurs)\b[^.!?]{0,160}\.?",
        ),
        "send-page": (
            r"envoyer (?:cette page|cet article|à un ami)|(?:envoyer|partager) par (?:e-?mail"
            r"|courriel)",
        ),
        "teaser-heading": (
            rf"plus d{_APOS}actualités|(?:les )?dernières (?:actualités|infos)|les plus lus"
            r"|à ne pas manquer|restez connectés",
        ),
        "listen-button": (rf"écouter(?: l{_APOS}émission| le podcast)?",),
        "cookie-notice": (
            r"ce site utilise des cookies\b.{0,300}|accepter(?: les cookies)?",
            r"informations sur les cookies\b[^!?]{0,60}",
        ),
        "donation-appeal": (r"faire un don|soutenez-nous\.?",),
        "hosting-notice": (rf"hébergé par \S+\.? visitez \S+ pour plus d{_APOS}informations\.?",),
        "sponsor-read": (
            r"(?:cet|cette) épisode (?:est|a été) (?:sponsorisé|parrainé|soutenu|présenté|offert)e?"
            r" par .{1,300}",
            r"(?:avec|utilisez|profitez|entrez)\b.{0,80}\bcode (?:promo )?[\"“«]?\w+.{0,160}",
        ),
        "sponsor-heading": (r"(?:nos (?:sponsors|partenaires)|partenaires de l['’]épisode) ?:?",),
        "community-appeal": (
            r"rejoignez(?:-nous| la communauté| notre communauté)+ sur {platform}\b.{0,200}",
            r"soutenez (?:le|ce|notre) podcast sur {platform}\b.{0,200}",
        ),
        # "Cet article a d'abord été publié sur Slate.fr.", "Cet article est republié à partir de
        # The Conversation sous licence Creative Commons. Lire l'article original."
        "syndication-notice": (
            # The print-edition note: "Cet article est paru dans l'édition du 3 décembre".
            rf"(?:cet )?article (?:est )?paru dans (?:l{_APOS}édition|le (?:numéro|journal))\b"
            r"[^!?]{0,160}",
            rf"(?:cet|l{_APOS}) ?(?:article|entretien|texte|essai|interview)"
            rf" (?:a (?:d{_APOS}abord |initialement |originellement |été )+(?:été )?"
            r"(?:publié|paru)e?|est (?:re)?publié(?:e)?"
            r"|est (?:initialement |d['’]abord )?paru(?:e)?)"
            r" (?:initialement |d['’]abord )?"
            r"(?:sur|dans|par|chez|à partir de|avec l['’]autorisation de)"
            r" (?:le |la |les |l['’])?(?:(?-i:[A-Z])|[\w-]+\.\w)[^,;!?]{0,160}?[.!]?"
            r"(?:\s*lire l['’]article original[.!]?)?",
        ),
        "copyright-line": (r"(?:©|\(c\)|copyright)(?:\s|\d).{0,400}?\btous droits réservés\b\.?",),
        "related-links": (
            # "Pour plus d'actualités sur la culture, rendez-vous sur francetvinfo.fr".
            r"pour plus d['’](?:actualités|articles|informations|infos|reportages)"
            r" (?:sur|de|du|des) [^.!?]{1,100},?"
            r" (?:rendez-vous|consultez|visitez|allez|retrouvez-nous) (?:sur|le site)"
            r"\b[^!?]{0,80}",
        ),
        "author-bio": (
            r"(?:à propos de l['’]aut(?:eur|rice)|sur l['’]aut(?:eur|rice)):?",  # its heading
            r"{name} est (?:une? )?(?:[\w-]+ ){0,2}(?:journaliste|reporter|rédact(?:eur|rice)"
            r"|correspondante?|chroniqueu(?:r|se)|éditorialiste) (?:à|au|aux|pour|chez|de|du)\b"
            r".{0,900}",
            rf"{{name}} est (?:l{_APOS}auteur|l{_APOS}autrice|(?:le |la )?co-?aut(?:eur|rice))"
            r" (?:de|du|des) [«“\"]?\s?(?-i:[A-Z]).{0,600}",
            r"{given} est (?:une? )?(?:[\w-]+ ){0,2}(?:journaliste|reporter|rédact(?:eur|rice)"
            r"|correspondante?|chroniqueu(?:r|se)|éditorialiste) (?:à|au|pour|chez) (?-i:[A-Z])"
            r".{0,900}",
        ),
        "paywall-notice": (
            r"il vous reste \d+(?:[.,]\d+)? ?% de cet article à lire\.?"
            r"(?: la suite est réservée aux abonnés\.?)?",
            r"la suite (?:de cet article )?est réservée aux abonnés\.?",
            r"(?:cet article est )?réservé aux abonnés(?: [\w+]+)?\.?",
        ),
        "broadcast-notice": (
            r"[^.!?]{1,100} (?:est|sera|a été) (?:re)?diffusée?s? (?:le|ce|chaque)"
            r" [^.!?]{1,100}\.?",
        ),
        "widget-message": (r"(?:chargement(?: en cours)?|veuillez patienter)(?:\.\.\.|…)?",),
    },
)
# fmt: on
