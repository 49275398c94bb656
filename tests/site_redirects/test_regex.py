"""Regex rules run on RE2: what it refuses at save, how fast it answers evil patterns and
long paths, and the literal prefix the rule table indexes regexes by."""

import time

import pytest
from redirects.models import Redirect

from site_redirects.loading import build_table
from site_redirects.patterns import nested_repeat
from site_redirects.regex_engine import MAX_PATTERN_LENGTH, compile_rule, literal_prefix
from site_redirects.rules import MAX_REGEX_SUBJECT, REGEX, Rule, first_segment, segment_prefixes
from site_redirects.store import RedirectRefused, save_redirect

GENEROUS = 2.0  # seconds for a request; RE2 answers these in milliseconds


def refusal(pattern, target="/new/"):
    with pytest.raises(RedirectRefused) as error:
        save_redirect(pattern, target, match="regex")
    assert error.value.field == "old_path"
    assert not Redirect.objects.exists()
    return error.value.reason


def timed_get(client, path):
    started = time.monotonic()
    response = client.get(path)
    return response, time.monotonic() - started


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"^/old/(\w+)/\1/$", ["backreference", "“\\1”", "RE2", "linear time"]),
        (r"^/old/(?P<n>\w+)/(?P=n)/$", ["backreference"]),
        (r"^/old/(?!new)", ["lookahead or lookbehind", "“(?!”"]),
        (r"^/(?<=x)old/", ["lookahead or lookbehind"]),
        (r"^/old/(?>a|ab)c", ["atomic group or a possessive repeat"]),
        (r"^/old/a++", ["atomic group or a possessive repeat"]),
        (r"^/old/\Z", ["RE2 spells \\z"]),
        (r"^/old/[a-z]{1001}", ["not a valid regular expression", "repetition size"]),
        (r"^/old/.{1000}", ["too big", "RE2 instructions"]),
        (r"^/old/\pL{100}", ["too big"]),
        ("^/" + "a" * MAX_PATTERN_LENGTH, [f"longer than {MAX_PATTERN_LENGTH} characters"]),
        (r"^/old/(x+x+)+y", ["nests one repeat inside another", "exponential time"]),
    ],
)
def test_what_re2_cannot_run_or_other_engines_could_not_is_refused_with_a_reason(pattern, words):
    reason = refusal(pattern)
    assert reason.startswith("The pattern ")
    for word in words:
        assert word in reason


def test_the_dashboard_form_shows_the_reason(client, site_admin):
    client.force_login(site_admin)
    data = {"old_path": r"^/(\d+)/\1$", "new_path": "/x/", "match": "regex"}
    data |= {"type_status_code": "301", "priority": "0", "site": "", "notes": ""}
    response = client.post("/admin/redirects/add/", data)
    assert "uses a backreference" in response.content.decode()
    assert not Redirect.objects.exists()


def test_an_overlapping_alternation_is_accepted_and_answers_at_once(client):
    # Exponential in a backtracking engine (the ReDoS): linear on RE2.
    assert save_redirect(r"^/(a|aa)+$", "/contact/", match="regex").created
    near_limit = "/" + "a" * (MAX_REGEX_SUBJECT - 2) + "!"
    huge = "/" + "a" * 50_000 + "/"  # a trailing slash: Django's APPEND_SLASH stays out of it
    for path, status in [("/" + "a" * 1000, 301), (near_limit, 404), (huge, 404)]:
        response, seconds = timed_get(client, path)
        assert response.status_code == status and seconds < GENEROUS


@pytest.mark.parametrize("pattern", [r"^/(a+)+$", r"^/(x+x+)+y", r"^/(?:\w*-?)*$"])
def test_a_nested_repeat_stored_by_other_means_runs_in_linear_time(client, pattern):
    # Refused at save (see test_validation), but django-redirects' admin could store it.
    Redirect.objects.create(match="regex", old_path=pattern, new_path="/contact/")
    subject = "x" if "x" in pattern else "a"
    evil = "/" + subject * (MAX_REGEX_SUBJECT - 2) + "!"
    for path in [evil, "/" + subject * 50_000 + "!/"]:
        response, seconds = timed_get(client, path)
        assert response.status_code == 404 and seconds < GENEROUS
    matching = "/" + subject * 500 + ("y" if subject == "x" else "")
    assert client.get(matching).headers["Location"] == "/contact/"


def test_a_very_long_path_of_many_segments_is_looked_up_at_once():
    # Trying every start of the path as a prefix rule's key took 7 s for the first one. (The
    # table alone: the page tree's own routing of such a path is not this app's.)
    save_redirect("/old/", "/new/", match="prefix")
    save_redirect(r"^/a/(\d+)$", "/n/$1", match="regex")
    table = build_table()
    assert table.find(None, "/old/a/")[1] == "/new/a/"
    # Under /old/ the target would pass 2,048 characters: the rule skips it.
    for path in ["/a" * 25_000, "/old" + "/a" * 25_000, "/" * 50_000]:
        started = time.monotonic()
        assert table.find(None, path) is None
        assert time.monotonic() - started < GENEROUS


def test_regex_targets_keep_non_ascii_text_and_drop_unmatched_groups():
    rule = Rule(1, None, REGEX, r"^/café/(?P<rest>.*)$", r"/kaffee/\g<rest>", 301)
    assert rule.location("/CAFÉ/crème") == "/kaffee/crème"
    optional = Rule(2, None, REGEX, r"^/p(?:/(\d+))?/?$", "/q/?n=$1", 301)
    assert optional.location("/p/7") == "/q/?n=7" and optional.location("/p") == "/q/?n="


@pytest.mark.parametrize(
    ("pattern", "prefix", "segment"),
    [
        (r"^/archive/([0-9]+)", "/archive/", "archive"),
        (r"/Archive/([0-9]+)", "/archive/", "archive"),  # match() anchors at the start anyway
        (r"^/posts/(\d{4})/([\w-]+)/?$", "/posts/", "posts"),
        (r"^/blog\.old/x", "/blog.old/x", "blog.old"),
        (r"^/shop/.*", "/shop/", "shop"),
        (r"^/café/(.*)", "/café/", "café"),
        (r"^/ab?c/", "/a", None),  # the optional b ends the literal text
        (r"^/a+/b", "/a", None),
        (r"^/a/x|^/b/x", "/", None),
        (r"^/(?:old|new)/", "/", None),
        (r"(?i)^/abc/", "/", None),  # RE2 folds case here, so it says less
        (r"^/[Ss]hop/", "/", None),
        (r".*/shop/", "", None),
        (r"^/old", "/old", None),  # no second slash: "/old" and "/older" share no segment
        (r"^\A/x/", "/x/", "x"),
    ],
)
def test_the_literal_prefix_comes_from_re2(pattern, prefix, segment):
    assert literal_prefix(pattern) == prefix
    assert first_segment(pattern) == segment


PATHS = [
    "/archive/12",
    "/ARCHIVE/9x",
    "/posts/2021/hello/",
    "/shop/",
    "/Shop/a",
    "/blog.old/x",
    "/blogXold/x",
    "/abc/",
    "/ac/",
    "/aaa/b",
    "/a/x",
    "/b/x",
    "/café/latte",
    "/CAFÉ/",
    "/old",
    "/older/",
]


@pytest.mark.parametrize(
    "pattern",
    [
        r"^/archive/([0-9]+)",
        r"^/posts/(\d{4})/([\w-]+)/?$",
        r"^/shop/.*",
        r"^/blog\.old/x",
        r"^/ab?c/",
        r"^/a+/b",
        r"^/a/x|^/b/x",
        r"^/café/(.*)",
        r"^/old",
        r"(?i)^/abc/",
    ],
)
def test_every_path_a_pattern_matches_starts_with_its_literal_prefix(pattern):
    prefix = literal_prefix(pattern)
    matched = [path for path in PATHS if compile_rule(pattern).match(path)]
    assert matched, "each pattern matches some of the paths"
    assert all(path.lower().startswith(prefix) for path in matched)


def test_segment_prefixes_stop_at_the_longest_prefix_rule():
    assert list(segment_prefixes("/a/b/c", 100)) == ["/a/b/c", "/a/b", "/a"]
    assert list(segment_prefixes("/a//b/", 100)) == ["/a//b/", "/a//b", "/a/", "/a"]
    assert list(segment_prefixes("/", 1)) == ["/"]
    assert list(segment_prefixes("/a/b/c", 4)) == ["/a/b", "/a"]
    assert list(segment_prefixes("/a/b/c", 0)) == []


@pytest.mark.parametrize(
    ("pattern", "nested"),
    [
        (r"(a+)+", True),
        (r"(?:\w*-?)*", True),
        (r"(x|(ab)*)*", True),
        (r"(a{2})+", True),
        (r"((a+))+", True),
        (r"(?P<n>a+)+", True),
        (r"(?i:a*)*", True),
        (r"(a+)?", False),
        (r"(a?)+", False),
        (r"(a{1})+", False),
        (r"(a|aa)+", False),
        (r"(a+)b+", False),
        (r"[(]a+[)]+", False),
        (r"\(a+\)+", False),
        (r"[a+]+", False),
        (r"a{,3}+", False),  # "{,3}" is literal text in RE2
        (r"(?i)a+", False),
    ],
)
def test_nested_repeats_are_found_in_re2_syntax(pattern, nested):
    compile_rule(pattern)
    assert nested_repeat(pattern) is nested
