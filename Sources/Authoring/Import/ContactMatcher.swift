import Foundation
import Index
import Support

/// Finds the contact an imported person is: by a profile or web address, else by an email,
/// else by the name (or an alias) as identity compares names (`PersonName.identityKey`).
struct ContactMatcher {
    private var byLink: [String: [String]] = [:]
    private var byEmail: [String: [String]] = [:]
    private var byName: [String: [String]] = [:]
    /// What each key is listed under already: a person of many rows is listed once per
    /// address, however many rows repeat it.
    private var linksOf: [String: Set<String>] = [:]
    private var emailsOf: [String: Set<String>] = [:]
    private var namesOf: [String: Set<String>] = [:]
    private var sitesOf: [String: Set<String>] = [:]
    /// People of a name (identity key) with a profile on a site: `name\0site` → count.
    private var nameSiteCount: [String: Int] = [:]
    /// Each key's orgs, now and before (folded), to tell apart people of one name.
    private var orgs: [String: Set<String>] = [:]

    /// What a match found: one contact (by its key: a slug, or a planned file), several, or none.
    enum Match: Equatable {
        case one(String)
        case several([String])
        case none
    }

    init() {}

    init(_ contacts: some Sequence<Contact>) {
        for contact in contacts {
            add(
                contact.slug, links: contact.links.map(\.url), emails: contact.emails,
                names: [contact.name] + contact.aliases,
                orgs: (contact.org.map { [$0.text] } ?? []) + contact.roles.map { $0.org.text })
        }
    }

    mutating func add(_ key: String, links: [String], emails: [String], names: [String], orgs: [String] = []) {
        self.orgs[key, default: []].formUnion(orgs.map(ContactMatcher.foldedOrg))
        let normalised = Set(links.map(ContactMatcher.normalisedLink))
        for link in normalised where linksOf[key, default: []].insert(link).inserted { byLink[link, default: []].append(key) }
        for email in Set(emails.map { $0.lowercased() }) where emailsOf[key, default: []].insert(email).inserted {
            byEmail[email, default: []].append(key)
        }
        // Which names have how many people with a profile on which site: so that a thousand
        // rows of one name with a thousand profiles are told apart without comparing each
        // with every other.
        let oldNames = namesOf[key] ?? []
        let oldSites = sitesOf[key] ?? []
        let newNames = Set(names.map(PersonName.identityKey)).filter { !$0.isEmpty }.subtracting(oldNames)
        let newSites = Set(normalised.map { String(ContactMatcher.site($0)) }).subtracting(oldSites)
        for name in oldNames.union(newNames) { for site in newSites { nameSiteCount[name + "\u{0}" + site, default: 0] += 1 } }
        for name in newNames { for site in oldSites { nameSiteCount[name + "\u{0}" + site, default: 0] += 1 } }
        namesOf[key] = oldNames.union(newNames)
        sitesOf[key] = oldSites.union(newSites)
        for name in newNames { byName[name, default: []].append(key) }
    }

    /// Two people of one name whose profiles on one site differ are two people: a name matches
    /// only a contact without another address on a site the imported person has one on.
    func match(_ person: ImportedPerson) -> Match {
        let links = Set(person.links.map { ContactMatcher.normalisedLink($0.url) })
        let sites = Set(links.map { String(ContactMatcher.site($0)) })
        let stages = [
            (byLink, Array(links)), (byEmail, person.emails.map { $0.lowercased() }),
            (byName, [PersonName.identityKey(person.name)]),
        ]
        for (stage, table) in stages.enumerated() {
            if stage == stages.count - 1, let site = sites.first, sites.count == 1 {
                // Everyone of this name has a profile on the person's site, and none is theirs
                // (that would have matched first): a new person, found without a look at each.
                let name = table.1[0]
                if (table.0[name]?.count ?? 0) == (nameSiteCount[name + "\u{0}" + site] ?? 0) { return .none }
            }
            var found: [String] = []
            var seen: Set<String> = []
            for key in table.1 {
                for candidate in table.0[key] ?? [] where seen.insert(candidate).inserted { found.append(candidate) }
            }
            if stage == stages.count - 1 {
                // No candidate shares an address (the first stage would have found it): one with
                // a profile on a site the person has one on is someone else.
                found.removeAll { candidate in !(sitesOf[candidate] ?? []).isDisjoint(with: sites) }
                // People of one name: the one who is or was at the person's org.
                if found.count > 1, let org = person.org.map(ContactMatcher.foldedOrg), !org.isEmpty {
                    let there = found.filter { orgs[$0]?.contains(org) == true }
                    if there.count == 1 { return .one(there[0]) }
                }
            }
            if found.count == 1 { return .one(found[0]) }
            if found.count > 1 { return .several(found.sorted()) }
        }
        return .none
    }

    /// The host of a normalised address (`ProfileAddress.site`).
    static func site(_ address: String) -> Substring { ProfileAddress.site(address) }

    /// One spelling of a profile or web address (`ProfileAddress.normalised`).
    static func normalisedLink(_ url: String) -> String { ProfileAddress.normalised(url) }

    /// An organisation's name compared without case, accents, punctuation or a legal form at
    /// its end: `Acme Robotics, GmbH` is `Acme Robotics`.
    static func foldedOrg(_ name: String) -> String {
        let forms: Set<String> = [
            "gmbh", "ag", "se", "kg", "ug", "inc", "incorporated", "llc", "ltd", "limited", "plc", "corp", "corporation",
            "co", "company", "sa", "sas", "sarl", "bv", "nv", "srl", "spa", "oy", "ab", "as", "aps", "pty", "kk",
        ]
        // `S.A.` is `sa`; other punctuation separates words.
        var text = ""
        for scalar in foldedName(name).unicodeScalars where scalar != "." {
            text.unicodeScalars.append(CharacterSet.punctuationCharacters.contains(scalar) ? " " : scalar)
        }
        var words = text.split(separator: " ").map(String.init)
        while words.count > 1, let last = words.last, forms.contains(last) { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// A name compared without case, accents or extra spaces.
    static func foldedName(_ name: String) -> String {
        // Most names are ASCII: lower-casing them is all folding does, without Foundation.
        let folded =
            name.utf8.allSatisfy { $0 < 0x80 }
            ? name.lowercased()
            : name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
