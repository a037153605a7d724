"""The outlet of a page: the site that first published it, never the archive or cache that served it.

Pages reach us through web.archive.org, archive.today and AMP caches; their address names the
archive, the original address sits inside it. The outlet is then read, in this order: what the
container said; the page's own site name (og:site_name) or a part of its title (" - WKRN News 2")
when it names the original host; a known host's name; the original host itself. With no address
the site name, then the masthead or the chrome's copyright line, then nothing: an unknown outlet
stays unknown (a file name is never an outlet).
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from newsfuse.clean.credits import KNOWN_HOSTS, host_of

# web.archive.org/web/20151030223013/http://www.wral.com/... (also with id_/if_ flags or no scheme)
_WAYBACK = re.compile(r"^(?:https?://)?(?:www\.)?(?:web\.)?archive\.org/web/[^/]*/(?P<url>.+)$", re.IGNORECASE)
# archive.today and its mirrors: archive.ph/2023.01.05-101010/https://..., archive.is/o/AbCd/https://...
_ARCHIVE_TODAY = re.compile(
    r"^(?:https?://)?(?:www\.)?archive\.(?:today|ph|is|li|vn|fo|md)/(?:o/[^/]+/|\d{4}[.\d-]*/|newest/|oldest/)?"
    r"(?P<url>(?:https?:/{1,2}|www\.)\S+)$", re.IGNORECASE)
# <site-with-dashes>.cdn.ampproject.org/c/s/www.example.com/path (v/ = viewer, s/ = https)
_AMP_CACHE = re.compile(r"^(?:https?://)?[^/]+\.cdn\.ampproject\.org/(?:(?!s/)[a-z]/)*(?P<s>s/)?(?P<url>[^/]+\..+)$",
                        re.IGNORECASE)
# www.google.com/amp/s/www.example.com/path, and Google's page cache
_GOOGLE_AMP = re.compile(r"^(?:https?://)?(?:www\.)?google\.[a-z.]+/amp/(?P<s>s/)?(?P<url>.+)$", re.IGNORECASE)
_GOOGLE_CACHE = re.compile(r"^(?:https?://)?webcache\.googleusercontent\.com/search\?q=cache:(?:[^:]+:)?(?P<url>[^&\s]+)",
                           re.IGNORECASE)
_ARCHIVE_HOSTS = ("archive.org", "archive.today", "archive.ph", "archive.is", "archive.li", "archive.vn",
                  "archive.fo", "archive.md", "ampproject.org", "googleusercontent.com")


def original_url(url: str | None) -> str | None:
    """The address the page was first published at: archive and cache wrappers removed (nested ones too).

    An archive address that does not hold the original (archive.ph/AbCdE) gives None: the archive
    is not the outlet.
    """
    if not url:
        return None
    url = url.strip()
    for _ in range(4):  # an AMP page archived by the Wayback Machine is wrapped twice
        for pattern in (_WAYBACK, _ARCHIVE_TODAY, _AMP_CACHE, _GOOGLE_AMP, _GOOGLE_CACHE):
            if m := pattern.match(url):
                inner = unquote(m.group("url")) if pattern is _GOOGLE_CACHE else m.group("url")
                inner = re.sub(r"^(https?):/(?!/)", r"\1://", inner)  # 'http:/www.x.com' as archives sometimes keep it
                if not re.match(r"^[a-z]+://", inner, re.IGNORECASE):
                    secure = m.groupdict().get("s")
                    inner = ("https://" if secure else "http://") + inner
                url = inner
                break
        else:
            break
    host = host_of(url)
    if host is None or any(host == a or host.endswith("." + a) for a in _ARCHIVE_HOSTS):
        return None
    return url


_SEPARATOR = re.compile(r"\s+(?:[|–—»]{1,2}|-|::)\s+")
_ALNUM = re.compile(r"[\W_]+")


def _key(text: str) -> str:
    return _ALNUM.sub("", text).lower()


def site_label(host: str) -> str:
    """The registrable name of a host: 'chicago.suntimes.com' -> 'suntimes', 'bbc.co.uk' -> 'bbc'."""
    from tld import get_tld  # the Public Suffix List, as courlan (trafilatura's URL library) uses it

    found = get_tld("http://" + host, as_object=True, fail_silently=True)
    if found is not None and found.domain:
        return found.domain.lower()
    parts = host.split(".")
    return parts[-2] if len(parts) >= 2 else host


def names_site(name: str, host: str) -> bool:
    """Does this name spell the host's site? 'WKRN News 2' / wkrn.com, 'FOX5 Vegas' / fox5vegas.com,
    'Chicago Tribune' / chicagotribune.com, 'WRAL.com' / wral.com, 'CBS Chicago' / chicago.cbslocal.com."""
    k, label = _key(re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)), _key(site_label(host))
    if len(k) < 3 or len(label) < 3:
        return False
    if k == label or k.startswith(label) or label.startswith(k) or (len(k) >= 5 and k in label):
        return True
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z0-9]+", name)).lower()
    return len(initials) >= 3 and initials == label


def _title_site(title: str | None, host: str) -> str | None:
    """The part of the title that names the site: 'Teen charged ... - WKRN News 2' -> 'WKRN News 2'."""
    if not title:
        return None
    parts = [p.strip(" .:") for p in _SEPARATOR.split(" ".join(title.split()))]
    for part in reversed(parts[1:]):
        for piece in (part, part.split(", ")[0]):  # 'WMBFNews.com, Myrtle Beach/Florence SC, Weather'
            if 1 <= len(piece.split()) <= 6 and names_site(piece, host):
                return piece
    return None


def _from_host(host: str) -> str:
    for known, name in KNOWN_HOSTS.items():
        if host == known or host.endswith("." + known):
            return name
    return host


def outlet_of(url: str | None, sitename: str | None = None, title: str | None = None,
              page_name: str | None = None) -> str | None:
    """The outlet by the page's original address, its site name, its title and (without an address)
    the name its masthead or chrome gives (``page_name``); None when nothing names it."""
    origin = original_url(url)
    host = host_of(origin) if origin else None
    if host is None or "." not in host:
        return (sitename or "").strip() or page_name or None
    known = _from_host(host)
    if known != host:
        return known
    if sitename and names_site(sitename, host):
        return sitename.strip()
    return _title_site(title, host) or host
