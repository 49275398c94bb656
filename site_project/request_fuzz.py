"""Generated bad and odd requests against the site's real surface (docs/bad-requests.md).

``generate(seed, count)`` yields the same probes for the same seed. The suite sends them
through Django's test client (tests/site_project/test_generated_requests.py); this module's
command sends them over raw sockets to a gunicorn or the front on 127.0.0.1, malformed heads
and Content-Length lies included, and fails on any 5xx or unexplained dropped connection:

    python -m site_project.request_fuzz --url http://127.0.0.1:8000 --requests 10000 --seed 1
"""

import argparse
import random
import socket
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

POSTS = ["outgrown-first-architecture", "why-delivery-estimates-go-wrong"]
PATHS = [
    "/", "/about/", "/services/", "/services/fractional-cto/", "/services/fractional-cdo/",
    "/services/fractional-cto/what-is-a-fractional-cto/", "/blog/", *(f"/blog/{p}/" for p in POSTS),
    "/blog/category/delivery/", "/blog/category/technology-leadership/", "/blog/feed/rss/",
    "/blog/feed/atom/", "/search/", "/contact/", "/sitemap.xml", "/robots.txt", "/healthz",
    "/admin/", "/admin/login/", "/admin/password_reset/", "/documents/1/report.pdf",
    "/documents/authenticate_with_password/1/1/", "/media/original_images/shapes.jpg",
    "/static/css/site.css", "/old-page/", "/legacy/a/b", "/Services/Fractional-CTO",
]  # fmt: skip
PARAMS = ["q", "page", "p", "next", "utm_source", "format"]
FORMS = {
    "/contact/": ["your_name", "email_address", "company", "how_can_we_help", "leave_this_blank"],
    "/admin/login/": ["username", "password", "next"],
    "/admin/password_reset/": ["email"],
}
# One valid CSRF pair (cookie secret, same 32 characters in the form), so some posts get past
# the CSRF check to the forms themselves.
CSRF = "fuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzz"

# Percent-encoded bytes that are not text, or text that means something else once decoded.
ENCODED = [
    "%00", "%FF", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%E2%80%AE", "%0D%0A", "%1B", "%7F",
    "%2500", "%25FF", "%252e%252e%252f", "%2e%2e%2f", "..%2f", "%c0%ae%c0%ae/", "%", "%G0",
    "%u0000", "%5C..%5C", "%2F%2F", "%3Cscript%3E",
]  # fmt: skip
TEXT = [
    "\x00", "a\x00b", "\x01\x02\x1f\x7f", "\r\n", "\t", "\u202eevil\u202c", "\u200f\u061f",
    "\ufeff", "\U0001f4a9", "<script>alert(1)</script>", "\"'><img src=x onerror=alert(1)>",
    "javascript:alert(1)", "' OR 1=1 --", "{{7*7}}", "${jndi:ldap://x}", "../../etc/passwd",
    "a & b | !c", "foo:*", "(((", "<->", "!", "'", '"', ":", "\\", "%", "null", "[]", "{}",
    "\udc80", "\ud800",
]  # fmt: skip
NUMBERS = [
    "99999999999999999999", "-1", "0", "1e9", "NaN", "inf", "-0", "1.5", "", " ", "0x10",
    "\uff11", "\u0663", "1_000", str(2**63), "9" * 400, "1,2", "2", "999999",
]  # fmt: skip
METHODS = ["PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "HEAD", "PROPFIND", "FOO"]
CONTENT_TYPES = [
    "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=bogus",
    "application/x-www-form-urlencoded; charset=utf-16", "multipart/form-data",
    "multipart/form-data; boundary=", "multipart/form-data; boundary=x", "application/json",
    "text/plain", "application/xml", "", "\x00", "multipart/form-data; boundary=" + "b" * 300,
]  # fmt: skip


def wire(text):
    """Text as it travels in a request head: UTF-8 bytes, held as a latin-1 string (WSGI's)."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


def encoded(text):
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


@dataclass
class Probe:
    """One request. ``target`` and header values are latin-1 strings of the bytes sent; a
    ``raw`` head replaces the whole request (sockets only; ``{host}`` is filled in)."""

    method: str
    target: str
    headers: list = field(default_factory=list)
    body: bytes = b""
    raw: bytes | None = None
    # Malformed on purpose (sockets only): the server may close without an answer.
    may_close: bool = False

    def __str__(self):
        head = (self.raw or b"").decode("latin-1") or f"{self.method} {self.target}"
        headers = "".join(f"\n    {name}: {value!r}" for name, value in self.headers)
        body = f"\n    body ({len(self.body)} bytes): {self.body[:200]!r}" if self.body else ""
        return f"{head[:300]!r}{headers[:2000]}{body}"


def nasty(rng):
    """A bad value: hostile text, a number out of range, or something huge."""
    roll = rng.random()
    if roll < 0.4:
        return rng.choice(TEXT)
    if roll < 0.75:
        return rng.choice(NUMBERS)
    if roll < 0.9:
        return rng.choice(TEXT) * rng.choice([100, 1000, 5000])
    return "x" * rng.choice([5000, 20000, 100_000])


def bad_path(rng):
    path = rng.choice(PATHS)
    cut = rng.randrange(len(path) + 1)
    roll = rng.random()
    if roll < 0.5:
        insert = rng.choice(ENCODED)
    elif roll < 0.8:
        insert = encoded(nasty(rng))[:20000]
    elif roll < 0.9:
        insert = "/" + "a" * rng.choice([5000, 6000, 20000]) + "/"
    else:
        insert = rng.choice(["/../../../../etc/passwd", "//", "/./", "\\", ";x=1", "/%2e/"])
    return path[:cut] + insert + path[cut:]


def bad_query(rng):
    roll = rng.random()
    if roll < 0.05:
        return "&".join(f"{rng.choice(PARAMS)}{n}=x" for n in range(rng.choice([1000, 1001])))
    pairs = []
    for _ in range(rng.randint(1, 4)):
        name = rng.choice(PARAMS) if rng.random() < 0.85 else encoded(nasty(rng))[:300]
        value = rng.choice(ENCODED) if rng.random() < 0.3 else encoded(nasty(rng))
        pairs.append(f"{name}={value}")
        if rng.random() < 0.2:  # the same name again
            pairs.append(f"{name}={encoded(rng.choice(NUMBERS))}")
    return rng.choice(["&", ";", "&&"]).join(pairs)


def bad_form(rng, path):
    names = FORMS.get(path, ["field"])
    values = {name: "x" for name in names}
    values["email_address"] = values["email"] = "a@example.com"
    for name in rng.sample(names, rng.randint(1, len(names))):
        values[name] = nasty(rng)
    if rng.random() < 0.6:
        values["csrfmiddlewaretoken"] = CSRF if rng.random() < 0.7 else nasty(rng)[:1000]
    body = "&".join(f"{encoded(k)}={encoded(v)}" for k, v in values.items())
    roll = rng.random()
    if roll < 0.05:  # past Django's limits: 1,000 fields, 2.5 MB
        body += "&f=1" * 1001 if roll < 0.04 else "&f=" + "x" * 2_700_000
    elif roll < 0.15:
        body = body[: rng.randrange(len(body) + 1)] + rng.choice(ENCODED)
    elif roll < 0.25:
        body = rng.choice(["&&&=&=", "%", "a=%ZZ", "=" * 100, "\x00\xff\xfe"])
    elif roll < 0.35:
        return multipart(rng, values)
    return body.encode("latin-1"), rng.choice(CONTENT_TYPES[:3] + CONTENT_TYPES[6:])


def multipart(rng, values):
    """A form as multipart, well formed or cut short, with a boundary the type may not name."""
    parts = [
        f'--b\r\nContent-Disposition: form-data; name="{wire(k)}"\r\n\r\n{wire(v)}\r\n'
        for k, v in values.items()
    ]
    body = "".join(parts) + "--b--\r\n"
    if rng.random() < 0.4:
        body = body[: rng.randrange(len(body))]
    if rng.random() < 0.2:
        body = body.replace("Content-Disposition: form-data; ", "Content-Disposition: ")
    return body.encode("latin-1"), rng.choice(["multipart/form-data; boundary=b", *CONTENT_TYPES])


HEADERS = {
    "Host": ["", "evil.example", "testserver:99999", "testserver:abc", "[::1", "a" * 300,
             wire("пример.рф"), "testserver:8000:1", "-.", "testserver\t", "*", "localhost:0"],
    "X-Forwarded-For": ["garbage", "1.2.3.4, , ,", "999.999.999.999", "::ffff:1.2.3.4", "a" * 2000],
    "X-Real-IP": ["garbage", "999.999.999.999", "1.2.3.4, 5.6.7.8", "::1%eth0", "", "fe80::1%25x"],
    "X-Forwarded-Proto": ["https", "ftp", "https, http", "HTTPS", "javascript"],
    "Cookie": ["sessionid=garbage", "sessionid=abcdefgh%00ijkl", "sessionid=" + "a" * 4000,
               "a=b; ; =; ;;c", "csrftoken=short", "messages=garbage", "sessionid=\"unterminated",
               f"csrftoken={CSRF}", "=" * 50, "sessionid=abcdefghijkl\x01"],
    "If-None-Match": ["garbage", '"', "W/", "*", '"a", , W/"b"' * 50],
    "If-Modified-Since": ["garbage", "Thu, 01 Jan 99999 00:00:00 GMT", "-1", "0", "Mon, 32 Foo"],
    "Accept-Encoding": ["gzip;q=NaN", "br, *;q=2", "x" * 3000, "identity;q=0, *;q=0"],
    "Range": ["bytes=-1-", "bytes=999999999999999999-", "bytes=0-0," * 500, "bytes=a-b", "pages=1"],
    "Referer": ["garbage", "http://evil.example/", "javascript:alert(1)", "x" * 5000],
    "User-Agent": ["", "x" * 5000, wire("\u202eevil"), "() { :; }; echo"],
    "Accept-Language": ["*;q=NaN", "en-gb;q=2", ",".join(["en"] * 1000), "x" * 600, "zz-ZZ-x-y"],
    "Accept": ["*/*;q=NaN", "text/html;;;", "x" * 3000],
    "Origin": ["null", "http://evil.example", "garbage"],
}  # fmt: skip


def bad_header(rng):
    name = rng.choice(list(HEADERS))
    value = rng.choice(HEADERS[name]) if rng.random() < 0.7 else wire(nasty(rng))[:6000]
    return name, value


def base_probe(rng):
    roll = rng.random()
    if roll < 0.3:
        return Probe("GET", bad_path(rng))
    if roll < 0.55:
        path = rng.choice(["/search/", "/blog/", "/blog/category/delivery/", "/sitemap.xml"])
        return Probe("GET", f"{rng.choice([path, *PATHS])}?{bad_query(rng)}")
    if roll < 0.75:
        path = rng.choice([*FORMS, *FORMS, "/search/", "/", "/healthz"])
        body, content_type = bad_form(rng, path)
        headers = [("Content-Type", wire(content_type))] if content_type else []
        if rng.random() < 0.7:
            headers.append(("Cookie", f"csrftoken={CSRF}"))
        return Probe("POST", path, headers, body)
    if roll < 0.85:
        body = b"x=1" if rng.random() < 0.5 else b""
        return Probe(rng.choice(METHODS), rng.choice(PATHS), [], body)
    return Probe("GET", rng.choice(PATHS), [bad_header(rng) for _ in range(rng.randint(1, 3))])


def raw_probe(rng):
    """A request only a socket can send: a broken head, or a body its length belies."""
    good = rng.choice(PATHS).encode()
    heads = [
        b"GET\r\n\r\n", b"GET / HTTP/9.9\r\nHost: {host}\r\n\r\n", b"GET  / HTTP/1.1\r\n\r\n",
        b"get / HTTP/1.1\r\nHost: {host}\r\n\r\n", b"GET /\x00 HTTP/1.1\r\nHost: {host}\r\n\r\n",
        b"GET /\xff\xfe HTTP/1.1\r\nHost: {host}\r\n\r\n", b"GET / HTTP/1.1\r\nNoColon\r\n\r\n",
        b"GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", b"GET / HTTP/1.1\r\nHost: {host}\r\n f\r\n\r\n",
        b"GET / HTTP/1.1\nHost: {host}\n\n", b"GET http://evil.example/ HTTP/1.1\r\n\r\n",
        b"CONNECT 127.0.0.1:22 HTTP/1.1\r\n\r\n", b"OPTIONS * HTTP/1.1\r\nHost: {host}\r\n\r\n",
        b"GET " + good + b"?" + b"a" * 9000 + b" HTTP/1.1\r\nHost: {host}\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: {host}\r\n" + b"X-A: 1\r\n" * 150 + b"\r\n",
        b"GET / HTTP/1.1\r\nHost: {host}\r\nX-Nul: a\x00b\r\n\r\n", b"\r\n\r\n", b"\x16\x03\x01",
        b"GET / HTTP/1.0\r\n\r\n", b"GET / HTTP/1.1\r\nHost: {host}\r\nHost: evil\r\n\r\n",
    ]  # fmt: skip
    if rng.random() < 0.5:
        return Probe("RAW", "", raw=rng.choice(heads), may_close=True)
    length = rng.choice(["abc", "-1", "1,1", "99999", "0", "5", " 3", "1e3"])
    headers = [("Content-Type", "application/x-www-form-urlencoded")]
    if rng.random() < 0.3:
        headers.append(("Transfer-Encoding", rng.choice(["chunked", "gzip", "chunked, chunked"])))
    headers.append(("Content-Length", length))
    body = rng.choice([b"x=1&y=2", b"5\r\nab\r\n0\r\n\r\n", b"zz\r\n", b""])
    path = rng.choice([*FORMS, "/search/", "/"])
    return Probe("POST", path, headers, body, may_close=True)


def generate(seed, count, sockets=False):
    """``count`` probes, the same for the same seed; ``sockets`` adds what only they can send."""
    rng = random.Random(seed)
    for _ in range(count):
        if sockets and rng.random() < 0.1:
            yield raw_probe(rng)
            continue
        probe = base_probe(rng)
        if rng.random() < 0.2:
            probe.headers.append(bad_header(rng))
        yield probe


def encode(probe, host):
    """The bytes of ``probe`` as sent to ``host`` (host:port); every request asks to close."""
    if probe.raw is not None:
        return probe.raw.replace(b"{host}", host.encode())
    names = {name.lower() for name, _ in probe.headers}
    head = [f"{probe.method} {probe.target} HTTP/1.1"]
    head += [] if "host" in names else [f"Host: {host}"]
    head += [f"{name}: {value}" for name, value in probe.headers]
    if probe.body and "content-length" not in names:
        head.append(f"Content-Length: {len(probe.body)}")
    head += ["Connection: close", "", ""]
    return "\r\n".join(head).encode("latin-1") + probe.body


def send(probe, address, timeout):
    """The status code of the answer to ``probe``, or "closed" (no answer) or "timeout"."""
    host, port = address
    answer = b""
    try:
        with socket.create_connection(address, timeout=timeout) as sock:
            sock.sendall(encode(probe, f"{host}:{port}"))
            if probe.may_close:  # a body its length belies: the end of it is the end
                sock.shutdown(socket.SHUT_WR)
            while b"\r\n" not in answer and (chunk := sock.recv(4096)):
                answer += chunk
            while sock.recv(65536):  # the rest, so the server never writes into a reset
                pass
    except TimeoutError:
        return "timeout"
    except ConnectionError:
        pass  # a reset after the answer, or instead of one
    status = answer.split(b" ", 2)[1:2]
    return int(status[0]) if status and status[0].isdigit() else "closed"


def run(url, count, seed, seconds, concurrency=8, timeout=20):
    """(Counter of outcomes, the failing probes, seconds taken, requests sent)."""
    address = urlsplit(url)
    if address.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("request_fuzz only sends to 127.0.0.1")
    target = (address.hostname, address.port or 80)
    started, deadline = time.monotonic(), time.monotonic() + seconds
    counts, failures = Counter(), []

    def one(probe):
        if time.monotonic() > deadline:
            return
        outcome = send(probe, target, timeout)
        counts[outcome] += 1
        bad = outcome in ("closed", "timeout") and not probe.may_close
        if bad or (isinstance(outcome, int) and outcome >= 500):
            failures.append((outcome, probe))

    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, generate(seed, count, sockets=True)))
    return counts, failures, time.monotonic() - started, sum(counts.values())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=900, help="stop sending after this")
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args(argv)
    counts, failures, took, sent = run(
        args.url, args.requests, args.seed, args.seconds, args.concurrency
    )
    print(f"{sent} requests in {took:.1f} s (seed {args.seed}) to {args.url}")
    for outcome, number in sorted(counts.items(), key=lambda item: str(item[0])):
        print(f"  {outcome}: {number}")
    for outcome, probe in failures[:50]:
        print(f"FAILED ({outcome}): {probe}")
    server_errors = sum(n for o, n in counts.items() if isinstance(o, int) and o >= 500)
    print(f"5xx: {server_errors}, unexplained drops: {len(failures) - server_errors}")
    if sent < args.requests:
        print(f"stopped at the {args.seconds:.0f} s bound after {sent} of {args.requests}")
    return 1 if failures or sent < args.requests else 0


if __name__ == "__main__":
    sys.exit(main())
