import Foundation
import TestSupport
import Testing

@Suite("ties due, end to end")
struct DueCommandTests {
    @Test func listsWhoIsOverdueWhatIsDueAndWhatIsComing() throws {
        let result = try TiesBinary.run(["due", "--today", "2026-11-25", "--within", "3w"], in: Fixtures.template)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        try Golden.assert(result.stdout, matches: "due-template.txt")
        #expect(!result.stdout.contains("\u{1B}["), "no colour when piped")
    }

    /// Connections brought in by an import and never met do not flood the list; `--all` shows
    /// them, and names everyone a greeting goes to.
    @Test func importedConnectionsAreToGetToKnowNotOverdue() throws {
        let root = try Fixtures.copy(Fixtures.template)
        let before = try TiesBinary.run(["due", "--today", "2026-11-25", "--within", "3w"], in: root).stdout
        let csv =
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            + (1...30).map { "Person,Number\($0),https://linkedin.com/in/p\($0),,Acme,Engineer,05 Oct 2014\n" }.joined()
        let file = root.appending(path: "Connections.csv")
        try Data(csv.utf8).write(to: file)
        #expect(try TiesBinary.run(["import", "linkedin", file.path], in: root).status == 0)
        let after = try TiesBinary.run(["due", "--today", "2026-11-25", "--within", "3w"], in: root)
        #expect(after.stdout == before, "\(after.stdout)")
        let all = try TiesBinary.run(["due", "--today", "2026-11-25", "--within", "3w", "--all"], in: root)
        #expect(all.stdout.contains("To get to know (30)") && all.stdout.contains("connected 2014-10-05"), "\(all.stdout)")
        #expect(all.stdout.contains("Season's greetings — Anna Becker, Claire Dubois,"), "\(all.stdout)")
        let json = try TiesBinary.run(["due", "--today", "2026-11-25", "--all", "--format", "json"], in: root)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((document["to_get_to_know"] as? [[String: Any]])?.count == 30)
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let result = try TiesBinary.run(["due", "--today", "2026-11-25", "--format", "json"], in: Fixtures.template)
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(document.keys) == ["today", "contacts", "followups", "occasions"])
        #expect(document["today"] as? String == "2026-11-25")
        let contacts = try #require(document["contacts"] as? [[String: Any]])
        #expect(Set(contacts[0].keys) == ["slug", "name", "last", "due", "days_overdue"])
        #expect(contacts[0]["slug"] as? String == "jonas-mueller")
        #expect(contacts[0]["days_overdue"] as? Int == 172)
        let followups = try #require(document["followups"] as? [[String: Any]])
        #expect(Set(followups[0].keys) == ["encounter", "task", "due", "days_overdue"])
        #expect(followups.map { $0["task"] as? String }.contains("Send panel questions to Sofía"))
        let occasions = try #require(document["occasions"] as? [[String: Any]])
        #expect(occasions.first?["what"] as? String == "birthday")
        #expect(occasions.first?["in_days"] as? Int == 8)
    }

    @Test func aBadWindowOrDayIsABadInvocation() throws {
        for arguments in [["due", "--within", "soon"], ["due", "--today", "tomorrow"], ["due", "--within", "none"]] {
            let result = try TiesBinary.run(arguments, in: Fixtures.template)
            #expect(result.status == 2, "\(arguments)")
        }
    }

    @Test func anEmptyJournalHasNothingDue() throws {
        let result = try TiesBinary.run(["due", "--today", "2026-11-25"], in: Fixtures.journal("empty"))
        #expect(result.status == 0)
        #expect(result.stdout == "Nothing is due in the next 14 days. Enjoy your day.\n")
    }

    @Test func aBrokenJournalStillAnswersAndSaysSo() throws {
        let result = try TiesBinary.run(["due", "--today", "2026-11-25"], in: Fixtures.journal("broken"))
        #expect(result.status == 0)
        #expect(result.stderr == "ties: note: the journal has 18 errors; run 'ties check' to see them\n")
    }
}

@Suite("ties new, end to end")
struct NewCommandTests {
    @Test func addsRecordsThatCheckAndNeverOverwrites() throws {
        let journal = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: journal.deletingLastPathComponent()) }
        let contact = try TiesBinary.run(
            [
                "new", "contact", "Grace Hopper", "--org", "US Navy", "--circle", "close", "--via", "Jonas",
                "--today", "2026-11-25",
            ], in: journal)
        #expect(contact.status == 0, "\(contact.stderr)")
        #expect(contact.stdout == journal.appending(path: "contacts/grace-hopper.md").path + "\n")
        let encounter = try TiesBinary.run(
            [
                "new", "encounter", "--with", "grace-hopper", "--with", "Lena Schäfer", "--kind", "Coffee",
                "--date", "2026-11-25 09:30", "--no-edit",
            ], in: journal)
        #expect(encounter.stdout.hasSuffix("encounters/2026/2026-11-25-coffee-grace-hopper-lena-schaefer.md\n"))
        let publication = try TiesBinary.run(
            ["new", "publication", "Yes: no? [draft]", "--kind", "post", "--status", "draft"],
            in: journal)
        #expect(publication.stdout.hasSuffix("publications/ideas/yes-no-draft.md\n"))
        let goal = try TiesBinary.run(["new", "goal", "Find a mentor", "--due", "2027-01-01"], in: journal)
        #expect(goal.stdout.hasSuffix("goals/find-a-mentor.md\n"))
        let check = try TiesBinary.run(["check", "--strict"], in: journal)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.hasPrefix("15 contacts, 28 encounters, 13 publications, 9 orgs, 4 goals"))
        // The same contact again: refused, the file untouched.
        let before = try Snapshot(of: journal)
        let again = try TiesBinary.run(["new", "contact", "Grace Hopper"], in: journal)
        #expect(again.status == 1)
        #expect(again.stderr.contains("a contact called 'Grace Hopper' exists already (contacts/grace-hopper.md)"))
        #expect(try Snapshot(of: journal) == before)
    }

    @Test func unknownPeopleAreRefusedWithASuggestion() throws {
        let journal = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: journal.deletingLastPathComponent()) }
        let before = try Snapshot(of: journal)
        let result = try TiesBinary.run(["new", "encounter", "--with", "Jonas Müler"], in: journal)
        #expect(result.status == 1)
        #expect(result.stderr == "ties: unknown contact 'Jonas Müler' (did you mean 'Jonas Müller'?); nothing was written\n")
        let typo = try TiesBinary.run(["new", "encounter", "--with", "Priya Ramen"], in: journal)
        #expect(typo.stderr.contains("(did you mean 'Priya Raman'?)"))
        let noOne = try TiesBinary.run(["new", "encounter", "--kind", "call"], in: journal)
        #expect(noOne.status == 2)
        #expect(try Snapshot(of: journal) == before)
    }

    @Test func opensTheEditorOnlyOnATerminal() throws {
        let journal = try Fixtures.copy(Fixtures.journal("linked"))
        defer { try? FileManager.default.removeItem(at: journal.deletingLastPathComponent()) }
        let marker = journal.deletingLastPathComponent().appending(path: "edited")
        // Not a terminal here: the editor must not run.
        let result = try TiesBinary.run(
            ["new", "goal", "Learn Go"], in: journal, environment: ["EDITOR": "touch \(marker.path) #"])
        #expect(result.status == 0)
        #expect(!FileManager.default.fileExists(atPath: marker.path))
    }
}
