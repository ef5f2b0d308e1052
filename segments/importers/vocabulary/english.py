"""English: the words of English-language pages (and the English of every page's template)."""

from __future__ import annotations

from segments.importers.vocabulary.table import Vocabulary

_APOS = "['’]"

# fmt: off
ENGLISH = Vocabulary(
    language="en",
    and_words=("and",),
    guest_nouns=(
        "director", "filmmaker", "writer", "author", "actor", "actress", "artist", "musician",
        "singer", "songwriter", "composer", "novelist", "poet", "playwright", "comedian",
        "photographer", "professor", "scientist", "researcher", "astrophysicist", "physicist",
        "economist", "historian", "founder", "cofounder", "co-founder", "chef", "designer",
        "engineer", "developer", "dancer", "choreographer", "rapper", "guest",
    ),
    not_name_words=(
        "the", "a", "an", "in", "on", "at", "of", "our", "his", "her", "their", "with", "and",
        "host", "hosted", "reporter", "correspondent", "interview", "q&a", "when", "after", "while",
        "as", "by", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "former", "today", "now",
        "tonight", "yesterday", "tomorrow",
        "then", "meanwhile", "but", "this", "that", "these", "how", "why", "what", "where",
        "who",
    ),
    office_titles=(
        "president", "vice-president", "governor", "gov.", "senator", "sen.", "rep.",
        "congressman", "congresswoman", "mayor", "judge", "justice", "chancellor", "minister",
        "secretary", "ambassador", "general", "gen.", "colonel", "col.", "captain", "capt.",
        "lieutenant", "lt.", "sergeant", "sgt.", "officer", "detective", "sheriff", "coach",
        "cardinal", "pope", "bishop", "archbishop", "rabbi", "imam", "reverend", "rev.",
        "pastor", "king", "queen", "prince", "princess", "duke", "duchess", "chairman",
        "chairwoman", "councillor", "councilman", "councilwoman", "commissioner", "prosecutor",
    ),
    host_titles=("hosted by", "host", "co-host", "presenter", "moderator"),
    talk_verbs=(
        "spoke", "speaks", "talked", "talks", "sat down", "chatted",
    ),
    talk_preps=("with", "to"),
    interviewer_titles=("interviewed by", "interview by", "interview conducted by", "questions by"),
    guest_phrases=(
        "interview with", "q&a with", "q & a with", "in conversation with", "conversation with",
        "a chat with", "spoke with", "talked with", "talks with", "talked to", "talks to",
        "sat down with",
    ),
    host_labels=(
        "hosts?", "your hosts?", "presenters?", "hosted by", "presented by", "moderators?",
    ),
    guest_labels=(
        "guests?", "special guests?", "featuring", "interviewees?",
        "(?:today|this week)['’]s guests?",
    ),
    interviewer_labels=("interview(?:ed)? by", "interviewer", "questions by"),
    reporter_labels=("reporters?", "reporting", "reported by", "correspondent"),
    host_headings=("hosts?", "your hosts?", "presenters?", "hosted by"),
    guest_headings=(
        "guests?", "our guests?", "featured guests?", "(?:today|this week)['’]s guests?",
    ),
    guest_list_phrases=(
        "with (?:special )?guests?",
        "(?:my|our) (?:special )?guests? (?:today |this week )?(?:is|are)",
        "(?:today|this week)(?:'s|’s) guests? (?:is|are)",
        "joining (?:me|us)(?: today| this week| now)? (?:is|are)",
    ),
    receive_verbs=("interviews", "interviewed", "welcomes", "welcomed"),
    guest_joins=(
        "joins? (?:us|me|the (?:show|podcast|programme|program))", "joined (?:us|me)",
    ),
    affiliation_words=("of", "from", "at"),
    host_joins=("join(?:s|ed)",),
    host_join_purposes=("to talk", "to discuss", "to chat", "to speak"),
    programme_guest_phrases=(
        "joined by", "featuring", "speaks to", "speaks with", "spoke to", "speaking to",
        "speaking with", "talk to", "talk with", "talking to", "talking with",
    ),
    episode_openings=(
        "(?:in|on) (?:this|today(?:'s|’s)|this week(?:'s|’s)|the latest|our latest)"
        " (?:episode|show|edition|programme|program|podcast),?",
    ),
    reporter_credits=(
        r"(?:episode|story|segment|report|piece|feature|documentary) (?:was|is)"
        r" (?:reported|reported and (?:produced|written|edited)|produced and reported) by",
        "reporting by",
    ),
    title_topic_words=("on",),
    title_with_words=("with", "with (?:special )?guests?", "featuring", r"feat\.", r"ft\."),
    show_with_words=("with",),
    episode_words=("episode", r"ep\.?"),
    name_articles=("the",),
    told_verbs=(
        "told", "tells", "said to", "says to", "spoke to", "spoke with", "speaks to",
        "speaks with", "talked to", "talked with", "sat down with", "sits down with",
        "explained to", "explains to",
    ),
    told_objects=(
        "us", "me", "this (?:newspaper|paper|magazine|website|site|podcast|publication|reporter)",
    ),
    lesson_openers=("what",),
    interview_words=("interview", "interviewed"),
    # "Each episode of a show like Dragnet" in an essay: an episode counts as this page's.
    programme_words=(
        "podcasts?", "episode \\d+",
        f"(?:this|today{_APOS}s|tonight{_APOS}s|this week{_APOS}s|our|latest|new) episode",
        "listen to (?:the|this|our) (?:episode|show|programme|segment)",
    ),
    self_introductions=("I['’]m", "I am", "[Mm]y name is", "[Tt]his is"),
    show_host_verbs=("interviews", "talks to", "talks with", "speaks with", "sits down with"),
    title_org_words=("of", "from", "at"),
    headline_speech_verbs=(
        "on", "explains", "responds", "says", "talks", "tells", "opens up", "reveals", "recalls",
        "reflects", "discusses", "shares", "admits", "remembers",
    ),
    quote_verbs=(
        "said", "says", "told", "tells", "explained", "explains", "added", "adds", "recalled",
        "recalls", "noted", "notes", "continued", "continues", "admitted", "admits", "shared",
        "shares", "revealed", "reveals", "laughed", "laughs", "joked", "jokes", "recounted",
        "recounts", "remembered", "remembers", "described", "describes", "insisted", "insists",
        "stressed", "stresses", "agreed", "agrees", "conceded", "concedes", "commented",
        "comments", "reflected", "reflects", "confessed", "confesses", "acknowledged",
        "acknowledges", "reported", "speculated", "mused", "muses", "pointed out", "points out",
    ),
    inverted_quote_verbs=(
        "said", "says", "added", "adds", "explained", "explains", "continued", "continues",
        "recalled", "recalls", "noted", "notes", "admitted", "admits", "laughed", "laughs",
        "joked", "jokes", "insisted", "insists", "agreed", "agrees", "conceded", "concedes",
        "mused", "muses",
    ),
    quote_sources=("according to",),
    conversation_prepositions=("with", "to", "on"),
    press_audiences=(
        "reporters", "journalists", "the press", "the media", "a news conference",
        "a press conference",
    ),
    conversation_cues=(
        "sat down with", "sits down with", "spoke (?:with|to)", "speaks (?:with|to)",
        "talked (?:with|to)", "talks (?:with|to)", "chatted with", "in conversation with",
        "join(?:s|ed) (?:me|us)", "join(?:s|ed) [^.!?]{1,80}? to (?:talk|discuss|chat)",
    ),
    title_prepositions=("of", "for"),
    copulas=("is", "was"),
    copula_articles=("an?", "the"),
    appositive_articles=("an?", "the"),
    report_verbs=("reports",),
    reporter_titles=("reporter", "correspondent"),
    byline_words=(
        "by", "posted by", "written by", "interview by", "reported and produced by",
        "reported by", "produced by",
    ),
    byline_with_words=("with",),
    byline_behalf_words=("on behalf of", "writing for"),
    byline_other_work_words=(
        "photography", "photographs", "photos", "photo", "pictures", "images", "illustration",
        "illustrations", "illustrated", "art", "artwork", "styling", "styled", "video", "videos",
        "filmed", "animation", "graphics", "design", "designed", "hair", "makeup", "grooming",
    ),
    byline_labels=("author", "authors"),
    sign_off_place_words=("in",),
    full_story_links=(
        "read the full story", "read the full article", "read the story", "continue reading",
    ),
    end_marks=("enditem/?", "-30-", "###", "end"),
    title_kind_words=("video", "audio", "podcast"),
    interface_labels=(
        "read more", "show more", "see more", "load more", "view all", "more", "share", "follow",
        "subscribe", "sign in", "log in",
    ),
    staff_words=("editors", "editorial", "staff", "newsroom", "source", "sources"),
    company_forms=("inc", "ltd", "llc", "llp", "plc", "corp"),
    outlet_words=("magazine", "news", "times", "gazette", "tribune", "newspaper"),
    organisation_words=(
        "media", "desk", "police", "department", "agency", "network", "networks", "studios",
        "productions", "broadcasting", "channel", "television", "newsdesk", "team", "office",
        "wire", "wires", "bureau", "council", "university", "association", "foundation",
        "institute", "ministry", "committee", "group",
    ),
    organisation_surnames=("press", "radio", "arts", "tv", "online", "digital", "films"),
    no_author_credits=("no author", "unknown author", "anonymous", "author unknown", "n/a"),
    name_ending_verbs=(
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
        "says", "does", "did", "isn't", "wasn't", "gets", "makes", "takes", "wants",
    ),
    pronouns=("your", "my", "our", "his", "her", "their", "its", "we", "you", "me", "us"),
    job_title_words=(
        "producer", "editor", "manager", "coordinator", "assistant", "intern", "spokesperson",
        "spokesman", "spokeswoman", "officer", "technician", "engineer",
    ),
    writer_titles=(
        "writer", "columnist", "contributor", "journalist", "reporter", "correspondent", "editor",
    ),
    role_titles=(
        "the president", "the first lady", "the vice president", "the prime minister", "the chair",
        "the chairman", "the speaker", "the moderator", "the host", "q", "a", "question", "answer",
        "interviewer", "host", "co-host", "reporter", "announcer", "narrator", "moderator",
        "presenter", "anchor", "correspondent", "caller", "guest", "panelist", "audience",
        "audience member", "crowd", "all", "both", "voice", "voice over", "voice-over", "voiceover",
        "translator", "interpreter", "off camera", "off mic",
    ),
    role_title_words=(
        "the", "speaker", "unidentified", "unknown", "voice", "male", "female", "man", "woman",
        "audience", "caller", "participant", "interviewer", "host", "reporter", "announcer",
        "narrator", "moderator", "presenter", "anchor", "correspondent", "translator",
        "interpreter", "crowd", "member", "off-camera", "off-mic",
    ),
    interviewer_credits=("interview ?:",),
    host_label_parts=("host", "co-host", "anchor", "presenter", "moderator"),
    reporter_label_parts=("byline", "reporter", "correspondent"),
    interview_notes=(
        r"(?:this|the) (?:interview|conversation|transcript|q&a) (?:has been|was|is|have been)"
        r" (?:lightly |slightly )?(?:edited|condensed|shortened|abridged)",
    ),
    guest_label_parts=("guest", "interviewee"),
    honorifics=(
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    ),
    question_labels=("q", "question"),
    answer_labels=("a", "answer"),
    speaker_class_parts=("speaker", "interlocutor"),
    address_words=("[Yy]ou", "[Yy]our", "[Yy]ours", "[Yy]ourself", "[Yy]ourselves"),
    note_labels=(
        "note", "update", "editor's note", "editor’s note", "correction", "clarification",
        "disclosure", "disclaimer",
    ),
    not_speakers=(
        "note", "notes", "update", "updated", "editor's note", "editor’s note", "correction",
        "source", "sources", "topics", "tags", "photo", "photos", "credit", "related", "see also",
        "download", "listen", "posted", "transcript", "summary", "warning", "spoiler", "spoilers",
        "disclosure", "breaking", "exclusive", "watch", "read", "also", "plus", "bonus", "ps",
        "p.s", "q&a", "episode", "chapter", "part", "step", "tip", "fact", "quote", "answer",
        "question", "duration", "license", "edit", "important", "caption", "image", "video",
        "audio", "via", "by", "disclaimer", "hint", "example", "result", "results", "why", "what",
        "how", "who", "when", "where", "today",
    ),
    link_list_labels=(
        "downloads", "posted by", "posted in", "filed under", "read more", "more",
    ),
    reporting_verbs=(
        "said", "says", "say", "told", "tells", "reported", "reports", "wrote", "writes", "asked",
        "asks", "explained", "explains", "added", "adds", "noted", "notes", "according", "argued",
        "argues", "stated", "states",
    ),
    credit_words=("photo", "image", "credit", "photograph"),
    credit_by=("by",),
    courtesy_words=("courtesy(?: of)?",),
    credit_prefixes=(r"photo(?:graph)?(?:er)?s?(?: by)?", r"images?(?: by)?", "credit"),
    caption_credit_words=("photo", "image", "credit"),
    caption_class_words=("caption", "cutline"),
    credit_class_words=(
        "credit", "byline", "copyright", "attribution", "photographer", "rightsnotice", "courtesy",
    ),
    credit_class_parts=("source", "cred"),
    caption_class_parts=("cap",),
    host_line_labels=(
        "hosted by", "hosts?:", "with hosts?", "presented by", "presenters?:",
    ),
    airtime_words=("airs", "broadcast", "on air", "heard"),
    tagline_hosts=(
        r"\b[Hh]osted by\s+({name})",
        r"\b[Pp]resented by\s+({name})",
        r"\b[Ww]ith (?:host\s+)?({name})\s*$",
    ),
    audio_verbs=("download", "listen", "play"),
    audio_control_verbs=("download", "listen", "play"),
    audio_articles=("this", "the"),
    audio_nouns=(
        "story", "audio", "episode", "segment", "podcast", "file", "interview", "now", "here",
    ),
    download_words=("download",),
    months=(
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ),
    month_names=(
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ),
    weekdays=("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    date_verbs=("published", "posted", "updated"),
    date_preps=("on",),
    time_preps=("at",),
    clock_suffixes=(r"[ap]\.?m\.?",),
    printed_date_labels=("Published on",),
    duration_labels=("Duration", "Running time", "Length"),
    hour_units=("hours?", "hrs?", "h"),
    minute_units=("minutes?", "mins?", "m"),
    second_units=("seconds?", "secs?", "s"),
    time_units=(
        "hours?", "minutes?", "seconds?", "min", "sec", "hrs?",
    ),
    comment_nouns=("comments?", "responses?", "replies"),
    comment_one=("one",),
    comment_thoughts=("thoughts?", "responses?"),
    comment_preps=("on", "to"),
    metadata_labels=(
        "published(?: on)?", "posted(?: on)?", "duration", "length", "license", "licence",
        "downloads", "source", "topics", "tags", "categories",
    ),
    metadata_field_labels=(
        "source", "topics", "tags", "categories", "downloads", "duration", "license", "filed under",
    ),
    related_list_labels=(
        "more on this topic", "related(?: (?:episodes|stories|posts|articles|coverage))?",
        "read (?:more|also|next)", "see also", "(?:also|further|recommended) read(?:ing)?",
        f"don{_APOS}t miss",
    ),
    site_links=(
        "privacy policy", "terms of (?:use|service)", "terms and conditions", "conditions of use",
        "copyright information", "contact us", "site map", "about us", "careers", "help",
    ),
    site_links_joined=("privacy policy", "terms of use"),
    cite_labels=("cite this (?:episode|article|page)",),
    tag_link_words=("tags?", "category", "categories", "topics?"),
    production_credits=(
        "(?:produced|edited|mixed|written|compiled)(?: and (?:produced|edited|mixed|written))? by",
    ),
    furniture={
        # A column's blurb, furniture only with more furniture after it: "Fixes looks at ...".
        "series-blurb": (
            r"{person} (?:looks at|explores|examines|is a (?:series|column|blog) (?:about|on|that))"
            r" [^.!?]{1,200}[.!]",
        ),
        "donation-appeal": (
            rf"you care about today{_APOS}s news\.? and you{_APOS}re not alone\.?",
            r"join (?:others|us|thousands of others) (?:who|in) support(?:ing)?"
            r" (?:independent|local|public|nonprofit) (?:journalism|news|media|radio)\.?",
            r"(?:please )?(?:donate|give)(?: now| today)?[.!]?",
            r"support (?:public radio|independent journalism|american public media|npr|kpcc"
            r"|laist|wnyc|this (?:station|show|podcast|work))[.!]?",
            r".{0,60}(?:services|journalism|work) (?:is|are) (?:supported|made possible)"
            r" by (?:users|readers|listeners|members) like you\.?",
            r"(?:please )?consider supporting [^.!?]{1,60}[.!]?",
            # A magazine's box under the story: "On supporting science journalism" over "If you're
            # enjoying this article, consider supporting our journalism by subscribing ...".
            r"on supporting (?:\w+ )?journalism",
            rf"if you{_APOS}re enjoying this (?:article|story), consider supporting\b.{{0,400}}",
        ),
        "community-appeal": (
            r"(?:come )?(?:join|chat with) (?:us|our \w+|other listeners|the (?:\w+ )?(?:community"
            r"|discussion|conversation))\b.{0,60}\b(?:on|in) (?:our )?{platform}\b.{0,300}",
            r"join (?:us|the (?:\w+ )?(?:community|discussion|conversation|chat))"
            r"(?: (?:on|in|at))?(?: (?:our|the))? {platform}\b.{0,200}",
            r"(?:listeners|fans|members) .{1,60} (?:are )?(?:chatting|talking|hanging out) on"
            r" {platform}\b.{0,300}",
            r"support (?:us|the show|this show|the podcast|this podcast|our work) on {platform}"
            r"\b.{0,200}",
            r"become an? (?:patron|supporter)(?: on {platform}| today)?[.!]?",
        ),
        "hosting-notice": (
            r"(?:hosted on \S+(?: \S+)?\.\s*)?see\s*\S+?\s*for (?:more |privacy (?:and opt-out )?)?"
            r"information\.?",
            r"hosted on [\w.-]+(?: by [\w.-]+)?\.?",
            r"learn more about your ad[- ]choices(?:\.? visit| at) \S+",
            r"(?:support this podcast|send in a voice message): \S+",
        ),
        "sponsor-read": (
            rf"(?:this|today{_APOS}s|this week{_APOS}s) (?:episode|show|podcast)(?: is| was)?"
            r"(?: part of (?:our|the|a) [^.!?]{1,80}? (?:series|season))?"
            r" (?:sponsored|brought to you|supported|made possible) by .{1,300}",
            r"support for (?:this|the) (?:podcast|show|episode|program(?:me)?) comes from .{1,300}",
            rf"thanks? (?:you )?to (?:our|this week{_APOS}s|today{_APOS}s) sponsors?\b.{{0,300}}",
            r"(?:get|use|save|enter|try)\b.{0,100}\b(?:promo|discount|coupon|offer) code\b.{0,160}",
            r"use (?:the )?code [\"“']?\w+[\"”']? (?:for|at|to get)\b.{0,160}",
        ),
        "sponsor-heading": (
            rf"(?:(?:our|the|today{_APOS}s|this week{_APOS}s|episode) )?sponsors?:?",
            r"[^.!?]{1,40} [-–—|] sponsor",
            rf"thanks? (?:you )?to (?:our|this week{_APOS}s|today{_APOS}s) sponsors?[:!.]?",
            r"(?:this episode is )?(?:sponsored|brought to you) by:?",
        ),
        "author-bio": (
            r"about the authors?:?",  # the heading over the closing bio
            # "... is the Senior Entertainment Editor at ...", "... is deputy editor of ...": a
            # bio runs to three or four sentences.
            r"{name},? (?:is|was) (?:(?:a|an|the) )?(?:[\w-]+ ){0,3}(?:reporter|journalist|writer"
            r"|editor|correspondent|contributor|columnist|producer|critic)\b.{0,900}",
            # "... is Slate's technology columnist", "... is the author of Sea Wolves", "... is
            # director of The Lede Program": a possessive for the article, a book, a programme.
            rf"{{name}},? (?:is|was) (?-i:[A-Z])[\w.-]*(?: (?-i:[A-Z])[\w.-]*){{0,2}}{_APOS}s"
            r" (?:[\w-]+ ){0,3}(?:reporter|journalist"
            r"|writer|editor|correspondent|contributor|columnist|producer|critic)\b.{0,300}",
            r"{name},? (?:is|was) (?:the |an? )?(?:co-?)?author of [„“\"«]?(?-i:[A-Z]).{0,600}",
            r"{name},? (?:is|was) (?:the )?(?:executive |managing |founding )?director of"
            r" (?-i:[A-Z]).{0,600}",
            # "Rose is a Senior Editor at ELLE overseeing ...": the closing bio calls its author by
            # the first name under the name's own line; the outlet is named.
            r"{given} (?:is|was) (?:a|an|the) (?:[\w-]+ ){0,3}(?:reporter|journalist|writer|editor"
            r"|correspondent|contributor|columnist|producer|critic) (?:at|for|with) (?-i:[A-Z])"
            r".{0,900}",
        ),
        "broadcast-notice": (
            r"[^.!?]{1,100} (?:is|was|will be) (?:broadcast|aired|repeated)(?: on [^.!?]{1,40})?"
            r" on (?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|\d{1,2}\b)[^.!?]{0,100}\."
            r"(?:\s*(?:or )?listen (?:again )?(?:on|via|at) [^.!?]{1,60}[.!]?)?",
        ),
        "paywall-notice": (
            r"(?:the rest of )?this (?:article|story) is (?:only )?(?:available|reserved|exclusive)"
            r" (?:to|for) (?:[\w+]+ ){0,3}(?:subscribers|members)(?: only)?[.!]?",
            r"(?:subscriber|member)s?[- ]only (?:content|article|story)[.!]?",
            r"unlock (?:this|the full) (?:article|story)\b.{0,160}",
            r"(?:subscribe|sign in|log in) to (?:continue|keep) reading\b.{0,80}",
        ),
        # Where a syndicated story ran first: "This article originally appeared on VICE Belgium.",
        # "This story was republished from The Conversation under a Creative Commons licence."
        "syndication-notice": (
            r"(?:an? (?:earlier |longer |shorter )?version of )?(?:this|the) (?:article|story|post"
            r"|piece|text|interview|essay|column|review|report)(?: was| has been| is)?"
            r" (?:(?:originally|first) (?:appeared|published|posted|ran)"
            r"|(?:re-?published|reprinted|syndicated) (?:from|with (?:the )?permission (?:of|from)"
            r"|courtesy of|by arrangement with|under))"
            # The outlet: a name or an address ("on VICE Belgium", "in vice.com"), not "in 1999".
            r" (?:on |in |at |by |from )?(?:(?-i:[A-Z])|[\w-]+\.\w)[^,;!?]{0,160}?[.!]?"
            r"(?:\s*read the original(?: article| story| post)?(?: here)?[.!]?)?",
            # The print-edition note: "This article appeared in the Books section of the print
            # edition under the headline ...", "A version of this article appears in print on ...".
            r"(?:an? (?:earlier |longer |shorter )?version of )?this (?:article|story|piece|review"
            r"|column|essay|interview) (?:appeared|appears) in (?:print\b|the [^.!?]{1,80}"
            r" (?:section of the print edition|print edition|print issue)\b)[^!?]{0,240}",
            r"published in the print edition of\b[^!?]{1,200}",
        ),
        "disclaimer": (
            r"(?:these|this|the) [\w -]{1,40} (?:is|are) provided by (?:an? )?(?:independent )?"
            r"third[- ]part(?:y|ies)\b.{0,200}",
            r"[^.!?]{1,80} (?:is|are) not responsible (?:or liable )?for the content of"
            r" (?:external|third[- ]party|linked) (?:sites|websites|pages|links)\b.{0,80}",
        ),
        "comment-prompt": (
            # A feedback button's label: "Send us your feedback!".
            r"(?:send|give) us (?:your )?feedback[.!]?|share your feedback[.!]?",
            r"leave a (?:comment|reply)|load comments|(?:add|post|view|show) (?:a |all )?comments?"
            r"|comments?|reply|cancel reply",
            r"(?:tell|let) us (?:what you think )?(?:below )?in the comments"
            r"(?: below| section)?[.!]?",
            r"(?:share|leave) your (?:thoughts|comments?|opinions?) (?:below|in the comments)"
            r"(?: below)?[.!]?",
            r"we welcome (?:your )?comments(?: from (?:our )?readers)?[.!]?",
        ),
        "tip-appeal": (
            r"share your stor(?:y|ies)[.!]?",
            # "Tell me your story!" calls for listeners; "Tell me your story." is a question.
            r"tell (?:me|us) your stor(?:y|ies)!(?:\s.{1,400})?",
            r"do you have (?:more )?information (?:about|on) this (?:story|case|issue)\?"
            r"(?:\s*(?:click here to )?(?:contact|e-?mail|tell) us\b[^.!?]{0,60}[.!]?)?",
            r"(?:got|have) a (?:news )?tip\?[^?]{0,120}",
        ),
        "listener-appeal": (
            r"help (?:me|us) spread the word(?: about (?:this|the|our|my) (?:podcast|show))?[.!]?",
            r"send a link to (?:this|the|our|my) (?:show|podcast|episode) to\b[^.!?]{1,100}[.!]?",
            r"if you (?:like|liked|enjoy|enjoyed|love) (?:the|this|our|my)"
            r" (?:podcast|show|episode),? (?:please )?(?:leave|give|write|rate|share|tell)\b"
            r"[^.!?]{1,120}[.!]?",
            r"(?:please )?(?:rate|rate and review|review) (?:us|the show|the podcast|this podcast"
            r"|this show)(?: on {app})?[.!]?",
        ),
        "contact-line": (
            # "Contact Jane Roe at 650-555-0100. Follow her at Twitter.com/janeroe.", "Reach Staff
            # Reporter Omar here; follow him on Twitter.": the reporter's contact closing a story.
            r"(?:contact|reach|e-?mail) (?:(?:staff |senior )?(?:reporter|writer|correspondent"
            r"|editor) )?{person}(?: at (?:\+?[\d(][\d() .-]{6,}\d|\S+@\S+?|[\w.-]+\.\w{2,}\S*?)"
            r"(?: or (?:\+?[\d(][\d() .-]{6,}\d|\S+@\S+?))?| here| by e-?mail)"
            r"(?:[.;]\s*follow (?:him|her|them) (?:on|at) {network}(?:\.com/[\w.]+)?"
            r"(?:\s*:?\s*@[\w.]+)?)?\.?",
        ),
        "transcript-notice": (
            # NPR's, under every transcript; the sentences after it say the same of the audio.
            r"accuracy and availability of (?:[\w'’]+ ){0,3}transcripts may vary\."
            r"(?:\s+[^.!?]*?\b(?:transcripts?|audio|record|revised|edited)\b(?:[^.!?]|\.(?=\w))*"
            r"[.!]){0,4}",
            r"(?:this is a rush transcript\.\s*)?(?:this transcript|copy) may not be in its final"
            r" form\b[^.!?]{0,160}\.?",
            r"this is a rush transcript\.?",
        ),
        "send-page": (
            r"(?:send|e-?mail) (?:this )?(?:page|article|story)(?: to a friend| by e-?mail)?:?",
        ),
        "teaser-heading": (
            r"more news|(?:the )?latest news|top news|news ?flash|deep dive|stay connected"
            rf"|more to explore|(?:editor{_APOS}?s{_APOS}?|our) picks|trending(?: now| stories)?"
            r"|popular (?:now|stories)|recommended(?: for you| stories)?|what to read next",
        ),
        "embed-label": (r"(?:watch|listen|video|audio)\s*\|\s*[^.!?]{1,120}:?",),
        "reader-comment": (r"[^,.!?:]{1,40}, on {date},? (?:wrote|said|says):\s.{1,2000}",),
        "comment-form": (
            r"your email address will not be published\.?(?: required fields are marked \*)?",
            r"notify me of (?:new posts|follow-?up comments) (?:by|via) e-?mail\.?",
        ),
        "blog-platform": (
            r"(?:create a (?:free )?website or blog at|blog at|(?:proudly )?powered by)"
            r" wordpress(?:\.com)?\.?|wordpress(?:\.com)?",
        ),
        "back-to-top": (r"(?:up|top|back to top)\s*[↑⬆^]?", r"[↑⬆]\s*(?:top|up)?"),
        "listen-button": (
            r"listen(?: now| live)?"
            r"|listen to (?:the |this )?(?:story|segment|episode|interview|podcast)"
            r"|listen to more audio from this episode|read & listen",
        ),
        "player-control": (r"download|embed|toggle more options|transcript|<|>|·|play|playlist",),
        "subscribe": (
            r"subscribe(?: to (?:the |our |this )?(?:podcast|newsletter|show|feed|rss))?:?"
            r"|rss(?: feeds?)?|newsletters?|(?:apm |email )?newsletters"
            r"|sign up(?: now)?!?|sign up for (?:breaking )?(?:news|e-?mail) alerts[.!]?"
            r"|join (?:our|the|my) (?:mailing|e-?mail|newsletter) list[.!]?(?: [^.!?]{1,160})?"
            r"|(?:then )?sign up (?:for|to) (?:our|the) (?:free )?(?:email )?"
            r"newsletter\b.{0,160}",
            r"want [^.?!]{1,80}\? sign up (?:for|to|here)\b.{0,80}",
            r"thanks? (?:you )?for reading(?: [\w .]{1,40})?[.!]?",
            r"subscribe to (?:our|the|this) (?:show|podcast|channel|feed) (?:on|in|via|at|wherever)"
            r"\b.{1,160}",
            r"(?:listen (?:and|&) )?(?:subscribe|follow)(?: (?:to )?(?:us|the show|the podcast))?"
            r" (?:on|in|via) {app}(?:(?:,| and| or| &) {app})*[.!]?",
            r"(?:listen (?:and|&) )?(?:subscribe|follow) wherever you (?:get|listen to|find)"
            r" (?:your )?podcasts[.!]?",
            r"subscribe to (?-i:[A-Z])[^.!?]{1,60}",
            r"want [^?]{1,80} (?:to|in) your inbox\?.{0,80}",
            r"special offer: ?subscribe\b.{0,100}",
            # "Not a subscriber to SFX? Then head on over here ...": the appeal asks first.
            r"not (?:yet )?an? (?:subscriber|member)(?: (?:to|of) [^.!?]{1,60})?\?(?:\s.{1,200})?",
            # Sign-ups for a site's newsletters, app or free course: "Please sign up for Example
            # Newsletters and download the Example app to ...", "Join my FREE workshop and ...".
            r"(?:please )?sign up for (?:the |our )?[^.!?]{1,60} newsletters?"
            r"(?: and (?:download|get) (?:the|our) [^.!?]{1,60} app)?(?: to [^.!?]{1,160})?[.!]?",
            # The app is named ("the Example app"): "Download the app to hear her" is a player's.
            r"(?:download|get)(?: and subscribe to)? (?:the|our) (?:(?:brand )?new |free )?"
            r"(?-i:[A-Z])[^.!?]{0,40} app\b(?: (?:to|for|and) [^.!?]{1,160})?[.!]?",
            r"join (?:my|our) free (?:workshop|webinar|masterclass|master class|class|course"
            r"|mini-course|training|challenge)\b(?: [^!?]{0,200})?[.!]?",
        ),
        "share-buttons": (
            r"(?:(?:share(?: this(?: story| article| post| page)?)?(?: on)?|shares|tweet|e-?mail"
            r"|facebook|twitter|flipboard|linkedin|reddit|whatsapp|pinterest|print|copy link"
            r"|instagram|x)[\s:|,·]*)+",
            r"print(?:er)?[- ]friendly(?: version| page)?|print this (?:article|story|page)",
        ),
        "follow-us": (
            r"follow(?: us)?(?: @\w+| on (?:social media|twitter|facebook|instagram|x))?:?"
            # "Follow her on Twitter @jroe" closes a bio; "Follow Derrick on Twitter: https://..."
            # in show notes is the guest's link, content a listener follows.
            r"|follow (?:him|her|them|me|{person}) (?:on|at) {network}(?:\.com/[\w.]+)?"
            r"(?:\s*:?\s*@[\w.]+)?\.?"
            r"|(?:(?:like|follow) us on {network}(?:\s*(?:&|and|,)\s*{network})*\s*)+"
            r"|connect(?: with (?:us|abc news|npr))?",
            # A column's own pages: "Join Fixes on Facebook and follow updates on twitter.com/..."
            r"(?:join|like) (?:us|{person}) on {network}\b.{0,120}",
        ),
        "photo-controls": (
            r"enlarge this image|hide caption|toggle caption|enlarge|view (?:gallery|slideshow)"
            r"|(?:\d+ of \d+|previous|next) (?:image|photo)s?",
        ),
        "related-links": (
            r"related(?: (?:stories|posts|articles|content|links|coverage|episodes))?:?"
            r"|see also: .{1,120}|read more(?: \W)?",
            r"more from (?:american public media|npr|this (?:show|podcast|author|reporter|series))"
            r"|you (?:may|might) also like:?|top stories|most (?:read|popular|commented|viewed"
            r"|shared)",
            r"more (?:must-reads|stories|reads) from [\w .&-]{1,40}",
            # An author box's link (WordPress author-box plugins): "Latest posts by Jane Roe
            # (see all)"; without "(see all)" it heads the author's own page.
            r"(?:latest|recent) (?:posts|articles|stories) (?:by|from) {person} \((?:see|view)"
            r" all\)",
            r"(?:see|view|read) (?:all|more) (?:articles|stories|posts|pieces|columns) (?:by|from)"
            r" (?:this (?:author|contributor|writer|columnist)|{name})",
            r"now (?:check out|see|watch) (?:this|these) [^.!?]{1,120}(?:\.\.\.|…|[.!:])?",
            r"continue reading(?: the main story)?",
            # "For more Culture, Media and Opinion coverage, visit foxnews.com/media".
            r"for more (?:of )?[^.!?]{1,100} (?:coverage|news|stories|articles|reporting|updates)"
            r"(?: like this)?,? (?:visit|go to|head to|see|check out)\b[^!?]{1,80}",
            r"(?:read|see|find) (?:more|all) (?:of )?[^.!?]{1,60}(?:coverage|stories|reporting)"
            r" (?:of|on|about) [^.!?]{1,100} here\.?",
        ),
        "advertisement": (
            r"advertisement|advertising|advertise|sponsored(?: content)?|sponsor message"
            r"|become an? .{1,20} sponsor|sponsor (?:npr|us|this (?:show|podcast|station))",
        ),
        "cookie-notice": (
            r"(?:this (?:web)?site|we) uses? cookies\b.{0,300}|accept(?: all)? cookies"
            r"|cookie (?:settings|preferences|policy)|your privacy choices"
            r"|manage (?:cookies|consent)",
            r"(?:information|info) (?:about|on) cookies\b[^!?]{0,60}",
        ),
        "widget-message": (
            r"(?:please wait|loading)(?:\.\.\.|…)?",
            r"(?:this feature is )?(?:temporarily )?unavailable\. please try again(?: later)?\.?",
            r"(?:javascript is (?:disabled|required)|please enable javascript)\b.{0,120}",
        ),
        "copyright-line": (
            r"(?:all rights reserved\.?\s*)?this material may not be published, broadcast,"
            r" rewritten,? or redistributed\.?",
            r"(?:©|\(c\)|copyright ©)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[^.]{0,60}\.?",
            # A footer from "Copyright" to "All rights reserved", whatever the site glued between
            # ("Copyright Do you have more information? ...Copyright 2012 by Example.com. ...").
            r"(?:©|\(c\)|copyright)(?:\s|\d).{0,400}?\ball rights reserved\b\.?"
            r"(?:\s*this material may not be published, broadcast, rewritten,? or"
            r" redistributed\.?)?",
            r"this (?:web)?(?:site|work|page|article|post)\b[^.]{0,40} (?:is|are) licensed under"
            r"\b.{0,160}",
        ),
        "navigation": (
            r"skip to (?:main )?content|(?:open |close )?navigation menu|menu"
            r"|search(?: form)?:?|expand/collapse submenu for .{1,40}",
        ),
        "page-metadata": (
            r"updated",
            r"(?:source: .{1,40}\| )?duration: .{1,40}",
            r"(?:this (?:article|story|post|piece) was )?(?:originally|first) (?:published|posted)"
            r" (?:at|on|in|by) [^.]{1,120}(?:\.\w+[^.]{0,60})*\.?",
        ),
        "template-label": (r"episode (?:teaser image|description):",),
        "promo-question": (r"interested in learning more about .{1,60}\?",),
    },
)
# fmt: on
