#!/usr/bin/env python3
"""Writes a deterministic synthetic ties journal of about N records.

Usage: generate.py OUT_DIR --records N [--seed S] [--contacts PERCENT]

The mix follows a long-lived real journal: per 100 records about 10 contacts, 78 encounters,
6 publications, 4 orgs and 2 goals. Names come from several scripts; bodies are a few
paragraphs of note-like text with wiki links; contacts have roles over time; encounters carry
follow-ups, gave/received and introductions. The same N and seed always give the same files.
--contacts changes the share of contacts (the rest keeps its proportions), to look for work
that grows with the number of people rather than of records.
"""
import argparse
import os
import random
import shutil

FIRST = ["Ada", "Jonas", "Lena", "Priya", "Sofía", "Jürgen", "Chloé", "Mateusz", "Aiko", "Kwame", "Olga", "Hamid",
         "Ines", "Björn", "Zoë", "Rafael", "Mei", "Anaïs", "Tomasz", "Yusuf", "Eva", "Noah", "Leila", "Søren"]
LAST = ["Müller", "Schäfer", "Raman", "Álvarez", "Nováková", "Okafor", "Dubois", "Graf", "Demir", "Lindqvist",
        "Kowalski", "Tanaka", "Haddad", "Rossi", "Nguyen", "Silva", "Ødegaard", "Weiß", "O'Brien", "Kim"]
NON_LATIN = ["田中 宏", "林美", "Дмитрий Волков", "Ольга Смирнова", "김민준", "محمد حداد", "Γιώργος Παπαδόπουλος",
             "佐藤 花子", "王伟", "Анна Иванова"]
ORG_WORDS = ["Acme", "Nordlicht", "Helix", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Tyrell", "Cyberdyne",
             "Soylent", "Hooli", "Vandelay", "Aperture", "Oscorp", "Wonka", "Gringotts", "Monarch", "Dunder", "Pied"]
ORG_KINDS = ["Robotics", "Software", "Bio", "Labs", "Consulting", "Systems", "Data", "Capital", "Health", "Energy"]
TITLES = ["Engineer", "Senior Engineer", "Staff Engineer", "Engineering Manager", "Head of Platform", "CTO",
          "Product Manager", "Designer", "Recruiter", "Researcher", "Founder", "Data Scientist"]
KINDS = ["coffee", "call", "video", "meeting", "lunch", "event", "email", "message"]
PUB_KINDS = ["talk", "post", "podcast", "video", "panel", "workshop", "paper", "newsletter"]
STATUSES = ["published"] * 6 + ["idea", "draft", "submitted", "accepted", "rejected"]
WORDS = ("platform team hiring roadmap feedback conference talk migration kubernetes budget mentor intro "
         "coffee follow-up decision record staff role data pipeline monitoring incident review product launch "
         "community meetup podcast slides abstract career advice promotion architecture latency cost").split()
GERMAN = ("Wir haben über die neue Rolle gesprochen und vereinbart, uns im Frühjahr wieder zu treffen. "
          "Sie hat mir zwei Kontakte empfohlen.")


def sentence(rng, links):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    if links and rng.random() < 0.5:
        words.insert(rng.randint(0, len(words)), "[[%s]]" % rng.choice(links))
    return " ".join(words).capitalize() + "."


def body(rng, links, paragraphs):
    out = []
    for _ in range(paragraphs):
        if rng.random() < 0.15:
            out.append(GERMAN)
        else:
            out.append(" ".join(sentence(rng, links) for _ in range(rng.randint(2, 5))))
    if rng.random() < 0.2:
        out.append("- " + "\n- ".join(sentence(rng, []) for _ in range(3)))
    return "\n\n".join(out) + "\n"


def yaml_list(items):
    return "[" + ", ".join('"%s"' % i.replace('"', '\\"') for i in items) + "]"


def generate(out, records, seed, contacts_percent=10):
    rng = random.Random(seed)
    if os.path.exists(out):
        shutil.rmtree(out)
    rest = (100 - contacts_percent) / 90
    n_contacts = max(3, records * contacts_percent // 100)
    n_pubs = max(1, int(records * 6 * rest) // 100)
    n_orgs = max(1, int(records * 4 * rest) // 100)
    n_goals = max(1, int(records * 2 * rest) // 100)
    n_encounters = max(1, records - n_contacts - n_pubs - n_orgs - n_goals)

    def write(path, text):
        full = os.path.join(out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)

    write("ties.yaml", "title: Synthetic journal\nlanguage: en\ncircles: {close: 1m, network: 3m, wider: 1y}\n"
                       "default_cadence: 6m\nme: {org: ORG00000}\n")

    orgs = []
    for i in range(n_orgs):
        name = "%s %s %d" % (ORG_WORDS[i % len(ORG_WORDS)], ORG_KINDS[(i // len(ORG_WORDS)) % len(ORG_KINDS)], i)
        slug = "org-%05d" % i
        orgs.append(name)
        write("orgs/%s.md" % slug, "---\nname: %s\naliases: [%s]\nindustry: %s\n---\n%s"
              % (name, "ORG%05d" % i, rng.choice(ORG_KINDS), body(rng, [], 1)))

    goals = []
    for i in range(n_goals):
        slug = "goal-%04d" % i
        goals.append(slug)
        write("goals/%s.md" % slug, "---\ntitle: Goal number %d\ndue: 20%02d-12-31\nstatus: %s\n---\n%s"
              % (i, 20 + rng.randint(5, 30), rng.choice(["active", "active", "achieved", "dropped"]), body(rng, [], 1)))

    contacts = []
    for i in range(n_contacts):
        if rng.random() < 0.15:
            name = "%s %d" % (rng.choice(NON_LATIN), i)
        else:
            name = "%s %s %d" % (rng.choice(FIRST), rng.choice(LAST), i)
        slug = "c-%06d" % i
        contacts.append(slug)
    for i, slug in enumerate(contacts):
        fields = ["name: %s" % ("%s %s %d" % (FIRST[i % len(FIRST)], LAST[i % len(LAST)], i)
                                if i % 7 else "%s %d" % (NON_LATIN[i % len(NON_LATIN)], i))]
        fields.append("emails: [%s@example.org]" % slug)
        current = rng.choice(orgs)
        fields.append("org: %s" % current)
        fields.append("title: %s" % rng.choice(TITLES))
        roles = []
        year = rng.randint(2000, 2015)
        for _ in range(rng.randint(0, 3)):
            end = year + rng.randint(1, 5)
            roles.append("  - {org: %s, title: %s, from: %d, to: %d}" % (rng.choice(orgs), rng.choice(TITLES), year, end))
            year = end
        if roles:
            fields.append("roles:\n" + "\n".join(roles))
        fields.append("met: %d-%02d-%02d" % (rng.randint(2005, 2024), rng.randint(1, 12), rng.randint(1, 28)))
        if i > 0 and rng.random() < 0.3:
            fields.append("met_via: %s" % contacts[rng.randrange(i)])
        fields.append("circle: %s" % rng.choice(["close", "network", "network", "wider", "wider"]))
        if rng.random() < 0.3:
            fields.append("birthday: %02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28)))
        fields.append("tags: %s" % yaml_list(rng.sample(WORDS, 2)))
        if rng.random() < 0.2:
            fields.append("goals: [%s]" % rng.choice(goals))
        write("contacts/%s.md" % slug, "---\n%s\n---\n%s" % ("\n".join(fields), body(rng, contacts[:i] or [slug], rng.randint(1, 3))))

    for i in range(n_encounters):
        year = 2010 + (i * 16) // n_encounters
        date = "%d-%02d-%02d" % (year, rng.randint(1, 12), rng.randint(1, 28))
        slug = "%d/%s-e%06d" % (year, date, i)
        met = rng.sample(contacts, min(len(contacts), rng.randint(1, 3)))
        fields = ["title: %s %d" % (rng.choice(["Coffee", "Call", "Lunch", "Catch-up", "Meetup"]), i),
                  "kind: %s" % rng.choice(KINDS), "with: %s" % yaml_list(met)]
        if rng.random() < 0.1 and len(met) > 1:
            fields.append("introduced: [%s]" % met[-1])
        if rng.random() < 0.4:
            fields.append("gave: [%s]" % sentence(rng, []).rstrip("."))
        if rng.random() < 0.4:
            fields.append("received: [%s]" % sentence(rng, []).rstrip("."))
        if rng.random() < 0.5:
            fields.append("followups:\n  - %s\n  - {task: Send notes, due: %s, done: %s}"
                          % (sentence(rng, []).rstrip("."), date, rng.choice(["true", "false"])))
        if rng.random() < 0.1:
            fields.append("goals: [%s]" % rng.choice(goals))
        write("encounters/%s.md" % slug, "---\n%s\n---\n%s" % ("\n".join(fields), body(rng, met, rng.randint(1, 4))))

    for i in range(n_pubs):
        fields = ["title: Publication %d on %s" % (i, rng.choice(WORDS)), "kind: %s" % rng.choice(PUB_KINDS),
                  "date: %d-%02d-%02d" % (rng.randint(2012, 2026), rng.randint(1, 12), rng.randint(1, 28)),
                  "status: %s" % rng.choice(STATUSES), "venue: %s conference" % rng.choice(ORG_WORDS),
                  "with: %s" % yaml_list(rng.sample(contacts, min(len(contacts), rng.randint(0, 2)))),
                  "audience: %d" % rng.randint(10, 2000)]
        write("publications/%d/p-%05d.md" % (2012 + i % 15, i), "---\n%s\n---\n%s" % ("\n".join(fields), body(rng, contacts, 2)))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--records", type=int, required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--contacts", type=int, default=10, help="percent of records that are contacts")
    args = parser.parse_args()
    generate(args.out, args.records, args.seed, args.contacts)
