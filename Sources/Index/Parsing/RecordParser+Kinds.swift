/// The fields of each kind of record, read from a front matter.
extension RecordParser.Context {
    mutating func contact() -> Contact {
        let name = fields.text("name") ?? markdown.firstHeading ?? fileStem
        var contact = Contact(slug: file.slug, path: file.path, name: name)
        contact.aliases = fields.list("aliases")
        contact.emails = fields.list("emails")
        contact.phones = fields.list("phones")
        contact.links = fields.textMap("links").map { Contact.Link(label: $0.key, url: $0.value) }
        contact.location = fields.text("location")
        if let (text, location) = fields.located("birthday") {
            contact.birthday = Birthday(text)
            if contact.birthday == nil {
                fields.error(.invalidDate, "'\(text)' in 'birthday' is not a date; write YYYY-MM-DD or MM-DD", at: location)
            }
        }
        contact.org = fields.reference("org")
        contact.title = fields.text("title")
        for item in fields.maps("roles", what: "a role", example: "{org: Acme, title: CTO, from: 2020}") {
            var role = item
            guard let org = role.reference("org") else {
                role.error(.missingField, "a role needs an 'org'", at: role.mapLocation)
                fields.absorb(role)
                continue
            }
            let title = role.text("title")
            let from = role.partialDate("from")
            var to: PartialDate?
            if let (text, location) = role.located("to"), text.lowercased() != "present" {
                to = PartialDate(text)
                if to == nil {
                    role.error(
                        .invalidDate, "'\(text)' in 'to' is not a date; write YYYY, YYYY-MM, YYYY-MM-DD or present",
                        at: location)
                }
            }
            _ = role.unknownFields()
            fields.absorb(role)
            contact.roles.append(Role(org: org, title: title, from: from, to: to, location: role.mapLocation))
        }
        contact.met = fields.day("met")
        contact.metVia = fields.reference("met_via")
        contact.howMet = fields.text("how_met")
        contact.circle = fields.reference("circle")
        contact.cadence = fields.cadence("cadence")
        contact.snoozeUntil = fields.day("snooze_until")
        contact.isPublic = fields.bool("public") ?? false
        contact.tags = fields.tags()
        contact.goals = fields.references("goals")
        finish(&contact)
        return contact
    }

    mutating func encounter() -> Encounter {
        var date: Moment?
        if let (text, location) = fields.located("date") {
            date = Moment(text)
            if date == nil {
                fields.error(
                    .invalidDate, "'\(text)' in 'date' is not a date; write YYYY-MM-DD or YYYY-MM-DD HH:MM",
                    at: location)
            }
        } else if let day = Day(fileStem.prefix(10)) {
            date = Moment(day: day)
        } else if !frontMatterBroken {
            missing("date", "add 'date: YYYY-MM-DD' or start the file name with the date")
        }
        var encounter = Encounter(slug: file.slug, path: file.path, date: date ?? Moment(day: Day(dayNumber: 0)))
        encounter.title = fields.text("title") ?? markdown.firstHeading
        encounter.kind = fields.text("kind")?.lowercased()
        encounter.with = fields.references("with")
        encounter.introduced = fields.references("introduced")
        encounter.event = fields.text("event")
        encounter.location = fields.text("location")
        encounter.gave = fields.list("gave")
        encounter.received = fields.list("received")
        for item in fields.records("followups") {
            var followup = item
            if let plain = followup.plainText {
                if !plain.text.isEmpty {
                    encounter.followups.append(FollowUp(task: plain.text, due: nil, done: false, location: plain.location))
                }
                continue
            }
            guard let task = followup.text("task") else {
                followup.error(.missingField, "a follow-up needs a 'task'", at: followup.mapLocation)
                fields.absorb(followup)
                continue
            }
            var due: Day?
            if let (text, location) = followup.located("due") {
                // `due` is a date, or a duration after the encounter such as `2w`.
                if let day = Day(text) {
                    due = day
                } else if let cadence = Cadence(text), let day = date?.day, let after = cadence.after(day) {
                    due = after
                } else if case .failure(.tooLong) = Cadence.parse(text) {
                    followup.error(
                        .outOfRange, "'\(text)' in 'due' is longer than \(Cadence.longestYears) years; write a date",
                        at: location)
                } else {
                    followup.error(
                        .invalidDate, "'\(text)' in 'due' is not a date; write YYYY-MM-DD or a duration like 2w",
                        at: location)
                }
            }
            let done = followup.bool("done") ?? false
            _ = followup.unknownFields()
            fields.absorb(followup)
            encounter.followups.append(FollowUp(task: task, due: due, done: done, location: followup.mapLocation))
        }
        encounter.goals = fields.references("goals")
        encounter.tags = fields.tags()
        encounter.hasDate = date != nil
        finish(&encounter)
        return encounter
    }

    mutating func publication() -> Publication {
        let title = fields.text("title")
        if title == nil, !frontMatterBroken { missing("title", "add 'title: …' to the front matter") }
        var publication = Publication(slug: file.slug, path: file.path, title: title ?? markdown.firstHeading ?? fileStem)
        publication.kind = fields.text("kind")?.lowercased()
        publication.date = fields.day("date")
        publication.status = fields.choice("status", as: Publication.Status.self) ?? .published
        publication.venue = fields.text("venue")
        publication.url = fields.text("url")
        publication.slides = fields.text("slides")
        publication.recording = fields.text("recording")
        publication.with = fields.references("with")
        publication.audience = fields.integer("audience")
        publication.submitted = fields.day("submitted")
        publication.abstract = fields.text("abstract")
        var metrics: [Publication.Metric] = []
        if let views = fields.integer("views") { metrics.append(.init(date: nil, reach: nil, audience: nil, views: views)) }
        if let reach = fields.integer("reach") { metrics.append(.init(date: nil, reach: reach, audience: nil, views: nil)) }
        for item in fields.maps("metrics", what: "a measurement", example: "{date: 2026-01-31, views: 1200}") {
            var metric = item
            let measured = Publication.Metric(
                date: metric.day("date"), reach: metric.integer("reach"),
                audience: metric.integer("audience"), views: metric.integer("views"))
            if measured.reach == nil && measured.audience == nil && measured.views == nil && metric.diagnostics.isEmpty {
                metric.error(.missingField, "a measurement needs 'reach', 'audience' or 'views'", at: metric.mapLocation)
            }
            _ = metric.unknownFields()
            fields.absorb(metric)
            metrics.append(measured)
        }
        publication.metrics = metrics
        publication.tags = fields.tags()
        publication.goals = fields.references("goals")
        finish(&publication)
        return publication
    }

    mutating func org() -> Org {
        var org = Org(slug: file.slug, path: file.path, name: fields.text("name") ?? markdown.firstHeading ?? fileStem)
        org.aliases = fields.list("aliases")
        org.website = fields.text("website")
        org.industry = fields.text("industry")
        org.tags = fields.tags()
        finish(&org)
        return org
    }

    mutating func goal() -> Goal {
        var goal = Goal(slug: file.slug, path: file.path, title: fields.text("title") ?? markdown.firstHeading ?? fileStem)
        goal.due = fields.day("due")
        goal.status = fields.choice("status", as: Goal.Status.self) ?? .active
        goal.aliases = fields.list("aliases")
        goal.tags = fields.tags()
        finish(&goal)
        return goal
    }
}
