import Foundation
import TestSupport
import Testing

@Suite("ties build, end to end")
struct BuildCommandTests {
    @Test func buildsTheSampleSiteAndRebuildsNothingWhenNothingChanged() throws {
        let place = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: place) }
        let output = place.appending(path: "site").path
        let first = try TiesBinary.run([
            "build", "--journal", Fixtures.template.path, "--output", output, "--today", "2026-11-25",
        ])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("Built 99 pages (106 files written, 0 unchanged, 0 removed)."))
        #expect(first.stdout.contains("Open \(output)/index.html"))
        #expect(first.stderr.isEmpty)
        let second = try TiesBinary.run([
            "build", "--journal", Fixtures.template.path, "--output", output, "--today", "2026-11-25",
        ])
        #expect(second.stdout.hasPrefix("Built 99 pages (0 files written, 106 unchanged, 0 removed)."))
    }

    @Test func encryptsWithThePasswordFromTheEnvironmentAndNeverTakesItAsAnArgument() throws {
        let place = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: place) }
        let output = place.appending(path: "site").path
        let arguments = ["build", "--journal", Fixtures.template.path, "--output", output, "--today", "2026-11-25", "--encrypt"]
        let built = try TiesBinary.run(arguments, environment: ["TIES_SITE_PASSWORD": "correct horse battery staple"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.hasPrefix("Built 99 pages (106 files written, 0 unchanged, 0 removed)."))
        let names = try FileManager.default.contentsOfDirectory(atPath: output)
        #expect(!names.contains("contacts") && !names.contains("contacts.html") && names.contains("index.html"))

        let again = try TiesBinary.run(arguments, environment: ["TIES_SITE_PASSWORD": "correct horse battery staple"])
        #expect(again.stdout.hasPrefix("Built 99 pages (0 files written, 106 unchanged, 0 removed)."))

        let withPublic = try TiesBinary.run(arguments + ["--public"], environment: ["TIES_SITE_PASSWORD": "x"])
        #expect(withPublic.status == 2)
        #expect(withPublic.stderr.contains("never encrypted"))
        let asArgument = try TiesBinary.run(arguments + ["--password", "secret"])
        #expect(asArgument.status == 2, "there is no option for it")
        let empty = try TiesBinary.run(arguments, environment: ["TIES_SITE_PASSWORD": ""])
        #expect(empty.status == 2 && empty.stderr.contains("TIES_SITE_PASSWORD is empty"))

        // With neither the variable nor a terminal to ask on, it says how to give one. (Where
        // the tests themselves run in a terminal, ties would ask there, so this is left out.)
        let terminal = open("/dev/tty", O_RDWR)
        if terminal >= 0 {
            close(terminal)
        } else {
            let none = try TiesBinary.run(arguments)
            #expect(none.status == 2)
            #expect(none.stderr.contains("set TIES_SITE_PASSWORD"))
        }
    }

    @Test func aJournalWithErrorsStillGetsItsSiteAndExitsOne() throws {
        let place = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: place) }
        let output = place.appending(path: "site")
        let result = try TiesBinary.run(["build", "--journal", Fixtures.journal("broken").path, "--output", output.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("contacts/wrong-types.md:4:10: error:"))
        #expect(result.stderr.contains("the site shows what could be read"))
        #expect(FileManager.default.fileExists(atPath: output.appending(path: "contacts/ada.html").path))
    }

    @Test func refusesAFolderItDidNotMake() throws {
        let place = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: place) }
        try Fixtures.write(["index.html": "my own page"], under: place)
        let result = try TiesBinary.run(["build", "--journal", Fixtures.template.path, "--output", place.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not empty and was not made by ties"))
        #expect(try String(contentsOf: place.appending(path: "index.html"), encoding: .utf8) == "my own page")
    }

    @Test func aBadDateIsABadInvocation() throws {
        let result = try TiesBinary.run(["build", "--journal", Fixtures.template.path, "--today", "2026-13-01"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--today '2026-13-01' is not a date"))
    }

    @Test func writesIntoTheJournalsOwnOutputFolderByDefault() throws {
        let copy = try Fixtures.copy(Fixtures.journal("linked"))
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let result = try TiesBinary.run(["build"], in: copy)
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: copy.appending(path: "_site/index.html").path))
        // The site is not read back as records.
        let check = try TiesBinary.run(["check"], in: copy)
        #expect(check.stdout == "4 contacts, 3 encounters, 1 publication, 3 orgs, 1 goal: no problems\n")
    }
}
