"""What a reference parser reads in an import file, as JSON, for RealWorldImportTests.

Usage: read_export.py KIND FILE TODAY
KIND is linkedin, google, vcard or ics. vCards are read by vobject, calendars by icalendar,
CSV by Python's csv module: parsers other than ties' own, so a test compares ties with them.
"""
import csv
import datetime
import io
import json
import logging
import re
import sys

logging.disable(logging.CRITICAL)


def text_of(path):
    data = open(path, "rb").read()
    for encoding in ("utf-8-sig", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass


def csv_rows(text, required):
    lines = text.splitlines()
    for index, line in enumerate(lines[:50]):
        names = [name.strip().strip('"') for name in line.split(",")]
        if all(name in names for name in required):
            return list(csv.DictReader(io.StringIO("\n".join(lines[index:]))))
    return []


def linkedin(text):
    people = []
    for row in csv_rows(text, ["First Name", "Last Name", "URL"]):
        name = " ".join(part.strip() for part in (row.get("First Name") or "", row.get("Last Name") or "") if part.strip())
        if not name:
            continue
        people.append({
            "name": name,
            "emails": [row["Email Address"].strip()] if (row.get("Email Address") or "").strip() else [],
            "phones": [],
            "org": (row.get("Company") or "").strip() or None,
            "links": [row["URL"].strip()] if (row.get("URL") or "").strip() else [],
        })
    return people


def google(text):
    rows = csv_rows(text, ["First Name", "Last Name"]) or csv_rows(text, ["Given Name", "Family Name"])
    people = []
    for row in rows:
        parts = [row.get(k, "").strip() for k in ("First Name", "Given Name", "Middle Name", "Additional Name", "Last Name", "Family Name")]
        name = (row.get("Name") or "").strip() or " ".join(p for p in parts if p)
        if not name:
            continue

        def values(prefix):
            found = []
            index = 1
            while f"{prefix} {index} - Value" in row:
                cell = row[f"{prefix} {index} - Value"] or ""
                found += [v.strip() for v in cell.split(":::") if v.strip()]
                index += 1
            return found

        labels = (row.get("Labels") or row.get("Group Membership") or "")
        categories = [l.strip() for l in labels.split(":::") if l.strip() and l.strip() not in ("*", "* myContacts", "* starred")]
        people.append({
            "name": name,
            "emails": values("E-mail"),
            "phones": values("Phone"),
            "org": (row.get("Organization Name") or row.get("Organization 1 - Name") or "").strip() or None,
            "categories": [c[2:] if c.startswith("* ") else c for c in categories],
        })
    return people


def joined_quoted_printable(text):
    """vCard 2.1's quoted-printable soft line breaks (a line ending in '='), which vobject
    does not read, joined as RFC 2045 says."""
    lines, out, joining = text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), [], False
    for line in lines:
        if joining:
            out[-1] = out[-1][:-1] + line
        else:
            out.append(line)
        head = out[-1].split(":", 1)[0].upper()
        joining = "QUOTED-PRINTABLE" in head and out[-1].endswith("=")
    return "\r\n".join(out)


def flat(value):
    if isinstance(value, (list, tuple)):
        return [item for part in value for item in flat(part)]
    return [value]


def vcard(text):
    import vobject

    people = []
    for card in vobject.readComponents(joined_quoted_printable(text), ignoreUnreadable=True):
        if card.name.upper() != "VCARD":
            continue
        contents = card.contents
        name = contents["fn"][0].value.strip() if "fn" in contents and str(contents["fn"][0].value).strip() else None
        if not name and "n" in contents:
            n = contents["n"][0].value
            name = " ".join(p for p in (str(n.given), str(n.additional), str(n.family)) if p.strip()) or None
        if not name:
            continue
        def values(key):
            return [str(item.value).strip() for item in contents.get(key, []) if str(item.value).strip()]
        org = None
        if "org" in contents:
            parts = flat(contents["org"][0].value)
            org = next((str(p).strip() for p in parts if p and str(p).strip()), None)
        categories = []
        for item in contents.get("categories", []):
            value = item.value
            categories += value if isinstance(value, list) else [value]
        bday = contents["bday"][0].value.strip() if "bday" in contents else None
        people.append({
            "name": " ".join(name.split()),
            "emails": [e[7:] if e.lower().startswith("mailto:") else e for e in values("email")],
            "phones": [t[4:] if t.lower().startswith("tel:") else t for t in values("tel")],
            "org": org,
            "birthday": bday,
            "categories": [c.strip() for c in categories if c.strip()],
        })
    return people


def ics(text, today):
    import icalendar

    events = []
    try:
        calendar = icalendar.Calendar.from_ical(text)
        components = list(calendar.walk("VEVENT"))
    except Exception:
        components = [icalendar.Event.from_ical(part) for part in split_events(text)]
    for event in components:
        attendees = []
        for key in ("ORGANIZER", "ATTENDEE"):
            values = event.get(key)
            if values is None:
                continue
            for value in values if isinstance(values, list) else [values]:
                address = str(value)
                email = value.params.get("EMAIL") if hasattr(value, "params") else None
                if email:
                    address = email
                address = address.strip('"')
                if address.lower().startswith("mailto:"):
                    address = address[7:]
                address = address.strip('"').lower()
                if "@" in address:
                    attendees.append({"email": address, "declined": str(value.params.get("PARTSTAT", "")).upper() == "DECLINED"})
        start = event.get("DTSTART")
        day = None
        if start is not None:
            dt = start.dt
            if isinstance(dt, datetime.datetime):
                if dt.tzinfo is not None and dt.utcoffset() == datetime.timedelta(0):
                    dt = dt.astimezone(datetime.timezone.utc)
                day = dt.date().isoformat()
            else:
                day = dt.isoformat()
        events.append({
            "uid": str(event.get("UID")) if event.get("UID") is not None else None,
            "day": day,
            "repeats": any(k in event for k in ("RRULE", "RDATE", "RECURRENCE-ID")),
            "cancelled": str(event.get("STATUS", "")).upper() == "CANCELLED",
            "attendees": attendees,
        })
    return events


def split_events(text):
    parts, current = [], None
    for line in text.splitlines():
        if line.upper().startswith("BEGIN:VEVENT"):
            current = [line]
        elif current is not None:
            current.append(line)
            if line.upper().startswith("END:VEVENT"):
                parts.append("\r\n".join(current) + "\r\n")
                current = None
    return parts


def main():
    kind, path, today = sys.argv[1], sys.argv[2], sys.argv[3]
    text = text_of(path)
    try:
        if kind == "ics":
            result = ics(text, today)
        else:
            result = {"linkedin": linkedin, "google": google, "vcard": vcard}[kind](text)
    except Exception as error:  # the reference parser cannot read it: say so, compare nothing
        result = {"unreadable": f"{type(error).__name__}: {error}"}
    json.dump(result, sys.stdout, ensure_ascii=False)


main()
