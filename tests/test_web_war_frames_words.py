"""The API's schema words for a war's frames (`WarOut.frames`, /openapi.json) name every key a frame carries: they
listed neither `attacked_by` nor `paused` after frames came to carry them."""

from __future__ import annotations

import datetime as dt
import re


def test_the_frames_description_names_every_key_of_a_frame() -> None:
    from foedus.war.frame import Frame
    from foedus.web.models import WarOut

    words = WarOut.model_fields["frames"].description or ""
    frame = Frame(date=dt.date(2025, 6, 22), changes=[], sides={}, bound={}, conflicts=[], moved=[])
    assert set(re.findall(r"`(\w+)`", words)) == set(frame.to_dict())
