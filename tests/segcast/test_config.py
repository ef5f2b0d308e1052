from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from segcast.config import load_show
from segments.errors import ConfigError
from segments.model import Location, PodcastImage, Trailer, ValueBlock, ValueRecipient
from tests.conftest import EXAMPLES
from tests.segcast.showdir import SHOW_TOML, write_artwork


def write_show(tmp_path: Path, toml: str = SHOW_TOML) -> Path:
    path = tmp_path / "show.toml"
    path.write_text(toml, encoding="utf-8")
    write_artwork(tmp_path / "artwork.jpg")
    return path


def with_line(key: str, line: str | None) -> str:
    """SHOW_TOML with the line for ``key`` replaced by ``line`` (or removed)."""
    lines = [ln for ln in SHOW_TOML.splitlines() if not ln.startswith(f"{key} =")]
    return "\n".join(lines + ([line] if line else [])) + "\n"


def test_the_issue_example_loads(tmp_path: Path) -> None:
    show = load_show(write_show(tmp_path), environ={})
    assert show.title == "The Frame"
    assert (show.category, show.subcategory) == ("TV & Film", "Film Interviews")
    assert show.artwork == "https://example.org/the-frame/artwork.jpg"
    assert show.explicit is False
    assert show.type == "episodic"
    assert show.hosts == ["John Horn"]
    assert show.owner_email == "podcasts@example.org"
    # UUIDv5 of "example.org/the-frame/feed.xml" in the spec's namespace.
    assert show.podcast_guid == "f88f128a-9d75-50be-9435-39e813badc62"
    assert show.schedule is not None
    assert show.schedule.timezone == "America/Los_Angeles"
    assert [(a.days, a.time.isoformat()) for a in show.schedule.airtimes][:1] == [
        (("MO", "TU", "WE", "TH", "FR"), "15:30:00")
    ]


def test_the_bundled_example_show_loads() -> None:
    show = load_show(EXAMPLES / "the-frame" / "show.toml", environ={})
    assert show.artwork == "https://example.org/the-frame/artwork.jpg"


def test_defaults_in_code(tmp_path: Path) -> None:
    toml = "\n".join(
        ln
        for ln in SHOW_TOML.splitlines()
        if ln.split(" =")[0] in {"title", "description", "link", "base_url", "feed_url"}
        or ln.split(" =")[0] in {"category", "artwork"}
    )
    show = load_show(write_show(tmp_path, toml + "\n"), environ={})
    assert (show.language, show.explicit, show.type, show.locked) == ("en", False, "episodic", None)
    assert show.hosts == [] and show.schedule is None and show.funding == []


def test_environment_overrides_show_toml(tmp_path: Path) -> None:
    env = {"SEGCAST_BASE_URL": "https://cdn.example.net/frame", "SEGCAST_FEED_URL": ""}
    show = load_show(write_show(tmp_path), environ=env)
    assert show.base_url == "https://cdn.example.net/frame/"
    assert show.artwork == "https://cdn.example.net/frame/artwork.jpg"
    assert show.feed_url == "https://example.org/the-frame/feed.xml"  # empty variable: unset


def test_bad_environment_value_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_show(write_show(tmp_path), environ={"SEGCAST_BASE_URL": "cdn.example.net"})
    assert (
        str(caught.value) == "SEGCAST_BASE_URL: base_url: 'cdn.example.net' is not an http(s) URL"
    )


def test_pinned_podcast_guid_survives_a_feed_move(tmp_path: Path) -> None:
    toml = with_line("feed_url", 'feed_url = "https://new.example.com/rss"')
    toml += 'podcast_guid = "f88f128a-9d75-50be-9435-39e813badc62"\n'
    show = load_show(write_show(tmp_path, toml), environ={})
    assert show.podcast_guid == "f88f128a-9d75-50be-9435-39e813badc62"


def test_funding_and_locked(tmp_path: Path) -> None:
    toml = (
        SHOW_TOML
        + 'locked = true\nfunding = [{url = "https://example.org/give", label = "Give"}]\n'
    )
    show = load_show(write_show(tmp_path, toml), environ={})
    assert show.locked is True
    assert [(f.url, f.label) for f in show.funding] == [("https://example.org/give", "Give")]


@pytest.mark.parametrize(
    ("key", "line", "message"),
    [
        ("title", None, "title: missing (required)"),
        ("base_url", None, "base_url: missing (required)"),
        ("title", "title = 3", "title: must be text, not 3"),
        ("title", f'title = "{"x" * 256}"', "title: is 256 characters; Apple allows 255"),
        (
            "category",
            'category = "Tv & film"',
            "category: 'Tv & film' is not an Apple category; did you mean 'TV & Film'?",
        ),
        (
            "category",
            'category = "TV &amp; Film"',
            "category: 'TV &amp; Film' is not an Apple category; did you mean 'TV & Film'?",
        ),
        (
            "category",
            'category = "Movies"',
            "category: 'Movies' is not an Apple category (valid: Arts, Business, Comedy, Education, "
            "Fiction, Government, History, Health & Fitness, Kids & Family, Leisure, Music, News, "
            "Religion & Spirituality, Science, Society & Culture, Sports, Technology, True Crime, "
            "TV & Film)",
        ),
        (
            "subcategory",
            'subcategory = "film interviews"',
            "subcategory: 'film interviews' is not a subcategory of 'TV & Film'; "
            "did you mean 'Film Interviews'?",
        ),
        (
            "subcategory",
            'subcategory = "Books"',
            "subcategory: 'Books' is not a subcategory of 'TV & Film' (valid: After Shows, "
            "Film History, Film Interviews, Film Reviews, TV Reviews)",
        ),
        ("explicit", 'explicit = "no"', "explicit: 'no' is not true or false"),
        ("explicit", 'explicit = "clean"', "explicit: 'clean' is not true or false"),
        ("explicit", "explicit = 0", "explicit: 0 is not true or false"),
        (
            "owner_email",
            'owner_email = "podcasts"',
            "owner_email: 'podcasts' is not an email address",
        ),
        (
            "owner_email",
            'owner_email = "KPCC <p@example.org>"',
            "owner_email: 'KPCC <p@example.org>' is not an email address",
        ),
        (
            "type",
            'type = "Serial"',
            "type: 'Serial' is not 'episodic' or 'serial'; did you mean 'serial'?",
        ),
        ("type", 'type = "daily"', "type: 'daily' is not 'episodic' or 'serial'"),
        (
            "language",
            'language = "English"',
            "language: 'English' is not an ISO 639 language code such as 'en' or 'en-us'",
        ),
        ("link", 'link = "example.org"', "link: 'example.org' is not an http(s) URL"),
        # A space would go into every enclosure URL as is: an invalid URL apps cannot fetch.
        (
            "base_url",
            'base_url = "https://example.org/the frame/"',
            "base_url: 'https://example.org/the frame/' has a space or control character; write it as %20",
        ),
        (
            "feed_url",
            'feed_url = "https://example.org/my feed.xml"',
            "feed_url: 'https://example.org/my feed.xml' has a space or control character; write it as %20",
        ),
        ("timezone", 'timezone = "Pacific"', "timezone: unknown time zone 'Pacific'"),
        (
            "timezone",
            None,
            "timezone: missing: airtimes need a time zone (an IANA name)",
        ),
        ("hosts", 'hosts = "John Horn"', "hosts: must be a list of names, not 'John Horn'"),
        (
            "artwork",
            'artwork = "cover.jpeg"',
            "artwork: 'cover.jpeg' must be a .jpg or .png file (Apple's rule)",
        ),
        (
            "artwork",
            'artwork = "missing.jpg"',
            "artwork: cannot read 'missing.jpg': no such artwork file",
        ),
        (
            "artwork",
            'artwork = "https://example.org/art.jpg?v=2"',
            "artwork: 'https://example.org/art.jpg?v=2' must end in .jpg or .png (Apple's rule)",
        ),
        ("colour", 'colour = "red"', "colour: unknown key"),
        ("owner", 'owner = "KPCC"', "owner: unknown key; did you mean 'owner_name'?"),
        (
            "funding",
            'funding = [{url = "https://example.org/give"}]',
            'funding: each entry needs exactly url and label: {url = "...", label = "..."}',
        ),
    ],
)
def test_config_errors_name_key_and_file(
    tmp_path: Path, key: str, line: str | None, message: str
) -> None:
    path = write_show(tmp_path, with_line(key, line))
    with pytest.raises(ConfigError) as caught:
        load_show(path, environ={})
    assert str(caught.value) == f"{path}: {message}"


def test_live_stream_keys(tmp_path: Path) -> None:
    toml = SHOW_TOML + 'live_stream_url = "https://stream.example.org/kpcc.aac"\n'
    toml += 'live_stream_type = "audio/aac"\nairing_minutes = 30\n'
    show = load_show(write_show(tmp_path, toml), environ={})
    assert show.live_stream_url == "https://stream.example.org/kpcc.aac"
    assert (show.live_stream_type, show.airing_minutes) == ("audio/aac", 30)
    defaults = load_show(write_show(tmp_path, SHOW_TOML), environ={})
    assert (defaults.live_stream_url, defaults.live_stream_type) == (None, "audio/mpeg")
    assert defaults.airing_minutes == 60


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            'live_stream_url = "https://s.example.org/live"',
            "live_stream_url: needs airtimes: live items are the next airings",
        ),
        (
            'live_stream_type = "mp3"',
            "live_stream_type: 'mp3' is not an audio or video MIME type such as 'audio/mpeg'",
        ),
        (
            "airing_minutes = 0",
            "airing_minutes: must be a whole number of minutes from 1 to 1440, not 0",
        ),
        (
            "airing_minutes = 90.5",
            "airing_minutes: must be a whole number of minutes from 1 to 1440, not 90.5",
        ),
    ],
)
def test_live_stream_key_errors(tmp_path: Path, lines: str, message: str) -> None:
    toml = with_line("airtimes", None) if lines.startswith("live_stream_url") else SHOW_TOML
    path = write_show(tmp_path, toml + lines + "\n")
    with pytest.raises(ConfigError) as caught:
        load_show(path, environ={})
    assert str(caught.value) == f"{path}: {message}"


def test_namespace_keys(tmp_path: Path) -> None:
    toml = SHOW_TOML + (
        'license = "CC-BY-4.0"\n'
        'txt = ["plain", {text = "S6lpp-7ZCn8", purpose = "verify"}]\n'
        'podroll = [{feed_guid = "917393e3-1b1e-5cef-ace4-edaa54e1f810"}]\n'
        'new_feed_url = "https://example.com/feed.xml"\n'
        'medium = "musicL"\n'
        'value = {type = "lightning", method = "keysend", suggested = "0.00000005", recipients = ['
        '{type = "node", address = "02d5", split = 90, name = "Host"}, '
        '{type = "lnaddress", address = "fee@example.com", split = 10, fee = true}]}\n'
    )
    toml += (
        'location = [{name = "Pasadena", rel = "creator", geo = "geo:34.1478,-118.1445", '
        'osm = "R1646366", country = "US"}, {name = "Hollywood"}]\n'
    )
    toml += (
        'image = {href = "https://example.com/wide.jpg", alt = "Logo", aspect_ratio = "16/9", '
        'width = 1920, purpose = "social"}\n'
    )
    toml += (
        'trailer = {title = "Coming soon", url = "https://example.com/t.mp3", '
        'pubdate = 2026-03-02T08:00:00-08:00, type = "audio/mpeg", season = 2}\n'
    )
    toml += 'season_names = {1 = "Hollywood", 12 = "Awards season"}\n'
    show = load_show(write_show(tmp_path, toml), environ={})
    assert show.season_names == {1: "Hollywood", 12: "Awards season"}
    assert show.trailers == [
        Trailer(
            "Coming soon",
            "https://example.com/t.mp3",
            datetime(2026, 3, 2, 8, tzinfo=timezone(timedelta(hours=-8))),
            "audio/mpeg",
            2,
        )
    ]
    assert show.images == [
        PodcastImage("https://example.com/wide.jpg", "Logo", "16/9", width=1920, purpose="social")
    ]
    assert show.locations == [
        Location("Pasadena", "creator", "geo:34.1478,-118.1445", "R1646366", "US"),
        Location("Hollywood"),
    ]
    assert show.medium == "musicL"
    assert show.value == ValueBlock(
        type="lightning",
        method="keysend",
        suggested="0.00000005",
        recipients=[
            ValueRecipient(type="node", address="02d5", split=90, name="Host"),
            ValueRecipient(type="lnaddress", address="fee@example.com", split=10, fee=True),
        ],
    )
    assert show.license == "cc-by-4.0"  # the spec's identifiers are lower-case
    assert [(t.text, t.purpose) for t in show.txt] == [("plain", None), ("S6lpp-7ZCn8", "verify")]
    assert [(r.feed_guid, r.feed_url) for r in show.podroll] == [
        ("917393e3-1b1e-5cef-ace4-edaa54e1f810", None)
    ]
    assert show.new_feed_url == "https://example.com/feed.xml"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            'txt = [{text = "x", why = "y"}]',
            'txt: each entry is text (4000 characters at most) or {text = "...", purpose = "..."}',
        ),
        (
            'podroll = [{feed_url = "https://example.org/f.xml"}]',
            'podroll: each entry is {feed_guid = "...", feed_url = "..."} (feed_url optional)',
        ),
        ('podroll = [{feed_guid = "nope"}]', "podroll: 'nope' is not a lower-case UUID"),
        ('license = ""', "license: must be a license identifier such as 'cc-by-4.0', not ''"),
        ('new_feed_url = "feed.xml"', "new_feed_url: 'feed.xml' is not an http(s) URL"),
        (
            'medium = "radio"',
            "medium: must be one of audiobook, blog, course, film, mixed, music, newsletter, "
            "podcast, publisher, video (or a list form: musicL), not 'radio'",
        ),
        ('season_names = {one = "Hollywood"}', "season_names.one: 'one' is not a season number"),
        ('season_names = {1 = ""}', "season_names.1: must be text, not ''"),
        (
            'season_names = {1 = "%s"}' % ("S" * 129),
            "season_names.1: is 129 characters; Podcasting 2.0 allows 128",
        ),
        (
            'trailer = {title = "Soon", url = "https://example.com/t.mp3", pubdate = 2026-03-02}',
            "trailer.pubdate: must be a date and time with its offset (2026-03-02T08:00:00-08:00), "
            "not datetime.date(2026, 3, 2)",
        ),
        (
            'trailer = [{title = "Soon", url = "https://example.com/t.mp3", '
            "pubdate = 2026-03-02T08:00:00Z, season = 0}]",
            "trailer[0].season: 0 is outside 1..10000",
        ),
        (
            'trailer = {title = "Soon", pubdate = 2026-03-02T08:00:00Z}',
            'trailer: must be {title = "...", url = "https://...", pubdate = <date>, ...}',
        ),
        (
            'image = {href = "https://example.com/w.jpg", aspect_ratio = "wide"}',
            "image.aspect_ratio: 'wide' is not a ratio such as 16/9",
        ),
        (
            'image = [{href = "https://example.com/w.jpg", width = "1920px"}]',
            "image[0].width: must be a whole number of pixels, not '1920px'",
        ),
        ('image = {href = "wide.jpg"}', "image.href: 'wide.jpg' is not an http(s) URL"),
        (
            'image = {alt = "Logo"}',
            'image: must be {href = "https://...", alt, aspect_ratio, width, ...}',
        ),
        (
            'location = {name = "Pasadena", country = "USA"}',
            "location.country: 'USA' is not an ISO 3166-1 alpha-2 code such as US",
        ),
        (
            'location = [{name = "LA"}, {name = "Pasadena", rel = "made"}]',
            "location[1].rel: 'made' is not subject or creator",
        ),
        ('location = {name = ""}', "location.name: must be text, not ''"),
        (
            f'location = {{name = "{"P" * 129}"}}',
            "location.name: is 129 characters; Podcasting 2.0 allows 128",
        ),
        (
            'value = {type = "lightning", method = "keysend", recipients = []}',
            "value.recipients: must list at least one recipient (who is paid)",
        ),
        (
            'value = {type = "lightning", method = "keysend", recipients = '
            '[{type = "node", address = "02d5", split = 0}]}',
            "value.recipients[0].split: 0 shares is outside 1..1000000",
        ),
        (
            'value = {type = "lightning", recipients = [{type = "node", address = "a", split = 1}]}',
            "value.method: must be text, not None",
        ),
        (
            'value = {type = "lightning", method = "keysend", suggested = "5 sats", recipients = '
            '[{type = "node", address = "a", split = 1}]}',
            "value.suggested: '5 sats' is not a decimal such as '0.00000005'",
        ),
    ],
)
def test_namespace_key_errors(tmp_path: Path, line: str, message: str) -> None:
    path = write_show(tmp_path, SHOW_TOML + line + "\n")
    with pytest.raises(ConfigError) as caught:
        load_show(path, environ={})
    assert str(caught.value) == f"{path}: {message}"


def test_locked_needs_the_owner_email(tmp_path: Path) -> None:
    path = write_show(tmp_path, with_line("owner_email", None) + "locked = true\n")
    with pytest.raises(ConfigError) as caught:
        load_show(path, environ={})
    assert (
        str(caught.value) == f"{path}: owner_email: missing: podcast:locked needs the owner's email"
    )


def test_artwork_named_jpg_but_png_inside(tmp_path: Path) -> None:
    path = write_show(tmp_path)
    write_artwork(tmp_path / "artwork.jpg", "PNG")
    with pytest.raises(ConfigError) as caught:
        load_show(path, environ={})
    assert str(caught.value) == f"{path}: artwork: 'artwork.jpg' is named .jpg but is image/png"


@pytest.mark.parametrize(
    ("size", "mode", "message"),
    [
        (
            (1400, 1401),
            "RGB",
            "'artwork.jpg' is 1400x1401 px; Apple wants a square of 1400 to 3000 px",
        ),
        (
            (1000, 1000),
            "RGB",
            "'artwork.jpg' is 1000x1000 px; Apple wants a square of 1400 to 3000 px",
        ),
        (
            (3001, 3001),
            "RGB",
            "'artwork.jpg' is 3001x3001 px; Apple wants a square of 1400 to 3000 px",
        ),
        ((1400, 1400), "CMYK", "'artwork.jpg' is in CMYK colour; Apple wants RGB"),
        ((1400, 1400), "L", "'artwork.jpg' is in L colour; Apple wants RGB"),
    ],
)
def test_artwork_pixels(tmp_path: Path, size: tuple[int, int], mode: str, message: str) -> None:
    path = write_show(tmp_path)
    write_artwork(tmp_path / "artwork.jpg", size=size, mode=mode)
    with pytest.raises(ConfigError) as caught:
        load_show(path, environ={})
    assert str(caught.value) == f"{path}: artwork: {message}"


@pytest.mark.parametrize("size", [1400, 3000])
def test_artwork_at_the_limits_is_accepted(tmp_path: Path, size: int) -> None:
    path = write_show(tmp_path)
    write_artwork(tmp_path / "artwork.jpg", size=(size, size))
    assert load_show(path, environ={}).artwork == "https://example.org/the-frame/artwork.jpg"


def test_artwork_in_a_subfolder_keeps_its_path(tmp_path: Path) -> None:
    (tmp_path / "art").mkdir()
    write_artwork(tmp_path / "art" / "cover.png", "PNG")
    path = write_show(tmp_path, with_line("artwork", 'artwork = "art/cover.png"'))
    assert load_show(path, environ={}).artwork == "https://example.org/the-frame/art/cover.png"


def test_invalid_toml_names_line(tmp_path: Path) -> None:
    path = write_show(tmp_path, SHOW_TOML + "explicit = \n")
    with pytest.raises(ConfigError) as caught:
        load_show(path, environ={})
    assert str(caught.value) == f"{path}: not valid TOML: Invalid value (at line 19, column 12)"


def test_missing_show_toml(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_show(tmp_path / "show.toml", environ={})
    assert (
        str(caught.value)
        == f"{tmp_path / 'show.toml'}: no show.toml here (the show folder needs one)"
    )


def test_all_problems_come_at_once_each_its_own_part(tmp_path: Path) -> None:
    toml = with_line("language", 'language = "!!"').replace('title = "The Frame"\n', "")
    toml += 'link2 = "x"\nairing_minutes = 0\n'
    path = write_show(tmp_path, toml.replace('category = "TV & Film"', 'category = "Film"'))
    with pytest.raises(ConfigError) as caught:
        load_show(path, environ={})
    parts = [part.message.split(":")[0] for part in caught.value.each()]
    assert parts == ["link2", "title", "language", "category", "airing_minutes"]
    assert all(part.where == str(path) for part in caught.value.each())
    # The subcategory is not judged against a category that did not read: no follow-on error.
    assert "subcategory" not in str(caught.value)


def test_bad_airtimes_give_no_follow_on_problem(tmp_path: Path) -> None:
    toml = with_line("airtimes", 'airtimes = "whenever"')
    toml += 'live_stream_url = "https://s.example.org/live"\n'
    with pytest.raises(ConfigError) as caught:
        load_show(write_show(tmp_path, toml), environ={})
    assert [part.message.split(":")[0] for part in caught.value.each()] == ["airtimes"]
