#!/usr/bin/env python3
"""Independent check of an exported .ics against a schedule in our format.

Parses the calendar with the `icalendar` package (PyPI) and compares every
event field with the schedule JSON: UID, SUMMARY, DTSTART, DTEND, LOCATION,
DESCRIPTION (abstract and speakers), URL, CATEGORIES and the 10-minute alarm.
Own entries (UIDs "own-…") are checked against `--own TITLE|START|END|PLACE`
arguments instead (START/END in RFC 3339).
Usage: ics_check.py AGENDA.ics SCHEDULE.json [expected-session-id ...] [--own T|S|E|P ...]
Exits non-zero, naming the field, on any difference.
"""
import json
import sys
from datetime import datetime, timedelta

import icalendar


def fail(msg):
    print(f"ics_check: FAIL: {msg}")
    sys.exit(1)


def main():
    ics_path, schedule_path, *rest = sys.argv[1:]
    expected_ids, own = [], []
    while rest:
        arg = rest.pop(0)
        if arg == "--own":
            own.append(rest.pop(0).split("|"))
        else:
            expected_ids.append(arg)
    own_seen = []
    raw = open(ics_path, "rb").read()
    for line in raw.split(b"\r\n"):
        if len(line) > 75:
            fail(f"line longer than 75 octets: {line[:40]!r}")
    if b"\n" in raw.replace(b"\r\n", b""):
        fail("bare LF line ending")
    cal = icalendar.Calendar.from_ical(raw)
    schedule = json.load(open(schedule_path, encoding="utf-8"))
    conf = schedule["conference"]["id"]
    sessions = {s["id"]: s for s in schedule["sessions"]}
    rooms = {r["id"]: r["name"] for r in schedule["rooms"]}
    tracks = {t["id"]: t["name"] for t in schedule["tracks"]}
    speakers = {p["id"]: p for p in schedule["speakers"]}
    events = list(cal.walk("VEVENT"))
    if not events:
        fail("no events")
    seen = []
    for ev in events:
        uid = str(ev["UID"])
        suffix = f"@{conf}.schedule-viewer"
        if not uid.endswith(suffix):
            fail(f"UID {uid} does not end with {suffix}")
        sid = uid[: -len(suffix)]
        if sid.startswith("own-"):
            title = str(ev["SUMMARY"])
            match = [o for o in own if o[0] == title] or fail(f"own entry {title!r} not expected")
            o = match[0]
            for field, want in (("DTSTART", o[1]), ("DTEND", o[2])):
                if ev[field].dt != datetime.fromisoformat(want):
                    fail(f"own {title}: {field} {ev[field].dt} != {want}")
            if o[3] and str(ev.get("LOCATION")) != o[3]:
                fail(f"own {title}: LOCATION {ev.get('LOCATION')!r} != {o[3]!r}")
            own_seen.append(title)
            continue
        s = sessions.get(sid) or fail(f"UID {uid} names no session")
        seen.append(sid)
        if str(ev["SUMMARY"]) != s["title"]:
            fail(f"{sid}: SUMMARY {ev['SUMMARY']!r} != {s['title']!r}")
        for field, key in (("DTSTART", "start"), ("DTEND", "end")):
            got = ev[field].dt
            want = datetime.fromisoformat(s[key])
            if got != want:
                fail(f"{sid}: {field} {got} != {want}")
        if s.get("room") and str(ev["LOCATION"]) != rooms[s["room"]]:
            fail(f"{sid}: LOCATION {ev['LOCATION']!r}")
        desc = str(ev.get("DESCRIPTION", ""))
        if s.get("abstract") and s["abstract"] not in desc:
            fail(f"{sid}: DESCRIPTION lacks the abstract")
        for p in s.get("speakers", []):
            if speakers[p]["name"] not in desc:
                fail(f"{sid}: DESCRIPTION lacks speaker {speakers[p]['name']}")
        if s.get("track"):
            cats = ev.get("CATEGORIES")
            names = [str(c) for c in cats.cats] if cats is not None else []
            if tracks[s["track"]] not in names:
                fail(f"{sid}: CATEGORIES {names}")
        if s.get("url") and str(ev.get("URL")) != s["url"]:
            fail(f"{sid}: URL")
        alarms = list(ev.walk("VALARM"))
        if len(alarms) != 1 or alarms[0]["TRIGGER"].dt != timedelta(minutes=-10):
            fail(f"{sid}: no 10-minute alarm")
        if "DTSTAMP" not in ev:
            fail(f"{sid}: no DTSTAMP")
    if len(set(seen)) != len(seen):
        fail("duplicate UIDs")
    if expected_ids and sorted(seen) != sorted(expected_ids):
        fail(f"events {sorted(seen)} != expected {sorted(expected_ids)}")
    if sorted(own_seen) != sorted(o[0] for o in own):
        fail(f"own entries {sorted(own_seen)} != expected {sorted(o[0] for o in own)}")
    print(f"ics_check: OK: {len(events)} events, every field matches the schedule")


if __name__ == "__main__":
    main()
