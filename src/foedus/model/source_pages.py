"""Sources that state no fact: a treaty's source URLs that are a bare home page (`treaties validate --strict`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from foedus.model.treaty import Treaty

__all__ = ["bare_source_urls"]

_LANGUAGE_SEGMENT = re.compile(r"^[a-z]{2,3}(-[a-z]{2})?$")


def bare_source_urls(treaty: Treaty) -> list[str]:
    """Source URLs that are a bare home page (no path beyond a language code, no query): they state no fact.

    >>> from foedus.model.treaty import Treaty
    >>> t = Treaty.model_validate({"id": "x_2000", "name": "X", "signed": "2000-01-01", "members": [{"state": "USA"}],
    ...     "sources": [{"url": "https://www.example.org/en/"}, {"url": "https://example.org/a/b.html"}]})
    >>> bare_source_urls(t)
    ['https://www.example.org/en/']
    """
    from urllib.parse import urlsplit

    urls = [s.url for s in treaty.sources]
    spans = [span for m in treaty.members for span in (*m.frozen, *m.suspended)]
    facts = [x for m in treaty.members for x in (m, m.joined_certainty, m.left_certainty, *m.frozen) if x]
    facts += [x for span in spans for x in (span.start_certainty, span.end_certainty) if x]
    urls += [x.source for x in facts if x.source]
    urls += [p.source for p in treaty.provisions if p.source]
    valid = [p.valid for p in treaty.provisions if p.valid is not None]
    urls += [x.source for v in valid for x in (v, v.start_certainty, v.end_certainty) if x and x.source]
    bare = []
    for url in urls:
        parts = urlsplit(url)
        segments = [seg for seg in parts.path.split("/") if seg]
        if not parts.query and all(_LANGUAGE_SEGMENT.match(seg.lower()) for seg in segments):
            bare.append(url)
    return bare
