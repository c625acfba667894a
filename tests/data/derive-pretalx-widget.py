#!/usr/bin/env python3
"""Derive pretalx widget data from the rc3-channels pretalx export.

No real widget file (`/<event>/schedule/widgets/schedule.json`) with a licence
could be obtained for the tests (see SOURCES.md), so this writes one from the
EUPL-1.2 pretalx export in this folder, field for field as pretalx's
`build_widget_data` (src/pretalx/schedule/services/widget.py) builds it:
talks (code, id, title, abstract, speakers by code, track and room by id,
start/end with offset, duration, content_locale), tracks and rooms with
translated names ({"en": ...}), speakers {code, name, avatar...}, timezone.
The export carries no zone name; its offsets are +01:00 in December, so the
zone is Europe/Berlin (pretalx.rc3.studio's event zone). One break slot (no
code, as pretalx writes non-talk slots) is added to exercise that shape.

    python3 tests/data/derive-pretalx-widget.py > tests/data/rc3-channels-widget.json
"""
import json
import os
from datetime import datetime, timedelta

here = os.path.dirname(os.path.abspath(__file__))
src = json.load(open(os.path.join(here, "rc3-channels-schedule.json"), encoding="utf-8"))
conf = src["schedule"]["conference"]

rooms, tracks, speakers, talks = {}, {}, {}, []
for day in conf["days"]:
    for room_name, events in day["rooms"].items():
        for e in events:
            room_id = rooms.setdefault(e.get("room") or room_name, 100 + len(rooms))
            track_id = None
            if e.get("track"):
                track_id = tracks.setdefault(e["track"], 200 + len(tracks))
            for p in e.get("persons") or []:
                speakers.setdefault(p["code"], p["public_name"])
            start = datetime.fromisoformat(e["date"])
            h, m = (int(x) for x in e["duration"].split(":"))
            end = start + timedelta(hours=h, minutes=m)
            talks.append({
                "code": e["slug"],
                "id": e["id"],
                "title": e["title"],
                "abstract": e["abstract"],
                "speakers": [p["code"] for p in e.get("persons") or []],
                "track": track_id,
                "start": start.isoformat(),
                "end": end.isoformat(),
                "room": room_id,
                "duration": h * 60 + m,
                "content_locale": e.get("language") or None,
            })
talks.sort(key=lambda t: t["start"])
first = talks[0]
brk_start = datetime.fromisoformat(first["start"]) - timedelta(minutes=30)
talks.insert(0, {
    "id": 1,
    "title": {"en": "Doors open"},
    "start": brk_start.isoformat(),
    "end": first["start"],
    "room": first["room"],
    "slot_type": "break",
})
out = {
    "talks": talks,
    "version": src["schedule"]["version"],
    "timezone": "Europe/Berlin",
    "event_start": conf["start"],
    "event_end": conf["end"],
    "tracks": [{"id": i, "name": {"en": n}, "description": {}, "color": "#3aa57c"} for n, i in tracks.items()],
    "rooms": [{"id": i, "name": {"en": n}, "description": {}} for n, i in rooms.items()],
    "speakers": [{"code": c, "name": n, "avatar": None, "avatar_thumbnail_default": None,
                  "avatar_thumbnail_tiny": None} for c, n in speakers.items()],
}
print(json.dumps(out, ensure_ascii=False, indent=1))
