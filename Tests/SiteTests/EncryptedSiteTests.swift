import Foundation
import Index
import Support
import TestSupport
import Testing

@testable import Site

/// `ties build --encrypt`: a site safe on any host, readable with the password only.
@Suite("An encrypted site")
struct EncryptedSiteTests {
    static let password = "correct horse battery staple"
    static func options(_ output: URL, _ password: String) -> SiteBuilder.Options {
        SiteBuilder.Options(output: output, today: Day("2026-11-25"), password: password)
    }

    @Test func whatIsSealedOpensWithThePasswordOnlyAndTheSameContentSealsTheSame() throws {
        let salt = SiteCipher.newSalt()
        let cipher = try SiteCipher(password: Self.password, salt: salt)
        let page = Data("<h1>Ada Lovelace</h1>".utf8)
        let sealed = try cipher.seal(page, path: "contacts/ada.html")
        #expect(try cipher.open(sealed) == page)
        #expect(sealed.range(of: Data("Ada".utf8)) == nil)
        #expect(try cipher.seal(page, path: "contacts/ada.html") == sealed, "deploys see only what changed")
        #expect(try cipher.seal(page, path: "contacts/bob.html").prefix(12) != sealed.prefix(12), "no nonce twice")
        let other = try SiteCipher(password: "Correct horse battery staple", salt: salt)
        #expect(throws: (any Error).self) { try other.open(sealed) }
        #expect(cipher.opaqueName(of: "contacts/ada.html") == cipher.opaqueName(of: "contacts/ada.html"))
        #expect(cipher.opaqueName(of: "contacts/ada.html") != other.opaqueName(of: "contacts/ada.html"))
        let name = cipher.opaqueName(of: "contacts/ada.html")
        #expect(name.count == 32 && name.allSatisfy { $0.isHexDigit })
    }

    /// The names are decided before any page is made: a page, opened, links straight to the
    /// other pages' opaque names, every one of them a file of the build, all in one folder.
    @Test func pagesAreWrittenWithTheOpaqueNamesOfThePagesTheyLinkTo() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.appending(path: "_site")
        let journal = Journal.load(from: root)
        _ = try SiteBuilder.build(journal, options: Self.options(output, Self.password))
        let cipher = try SealedSite.cipher(password: Self.password, output: OutputFolder(output.path))
        let files = try Snapshot(of: output).files
        let contact = try #require(journal.contacts.first { $0.org != nil })
        let clear = try #require(SitePaths(journal: journal).page(of: contact.recordID))
        let name = cipher.opaqueName(of: clear) + ".html"
        let lockPage = String(decoding: try #require(files[name]), as: UTF8.self)
        let sealed = try #require(lockPage.firstMatch(of: /data-sealed="([A-Za-z0-9+\/=]+)"/)?.1)
        let page = String(decoding: try cipher.open(try #require(Data(base64Encoded: String(sealed)))), as: UTF8.self)
        #expect(page.contains(#"data-root="""#))
        #expect(page.contains(contact.name))
        let links = page.matches(of: /href="([^"#?:]+)[#?"]/).map { String($0.1) }
        #expect(links.count > 10)
        for link in links {
            #expect(!link.contains("/") && files[link] != nil, "\(link) is a file of the build")
        }
        let orgSlug = try #require(contact.org?.target)
        let org = try #require(SitePaths(journal: journal).page(of: RecordID(.org, orgSlug)))
        #expect(links.contains(cipher.opaqueName(of: org) + ".html"))
        #expect(links.contains(cipher.opaqueName(of: "contacts.html") + ".html"))
    }

    /// An encrypted rebuild keeps a sealed state, as a clear one keeps its own: after one change
    /// it makes only the pages the change reaches, and writes only the files that changed.
    @Test func anEncryptedRebuildMakesOnlyWhatAChangeReaches() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.appending(path: "_site")
        let first = try SiteBuilder.build(Journal.load(from: root), options: Self.options(output, Self.password))
        let state = try #require(FileManager.default.contents(atPath: output.appending(path: PageState.fileName).path))
        #expect(state.range(of: Data("contacts".utf8)) == nil, "the state is sealed")
        let encounter = try #require(
            FileManager.default.subpaths(atPath: root.appending(path: "encounters").path)?.filter { $0.hasSuffix(".md") }.sorted()
                .first)
        let file = root.appending(path: "encounters/\(encounter)")
        try (String(contentsOf: file, encoding: .utf8) + "\nOne more line.\n").write(to: file, atomically: true, encoding: .utf8)
        let again = try SiteBuilder.build(Journal.load(from: root), options: Self.options(output, Self.password))
        #expect(again.made < first.pages / 4, "made \(again.made) of \(first.pages)")
        #expect(again.written >= 1 && again.written <= again.made + 3, "written \(again.written)")

        // A clean build with the same salt gives the same bytes.
        let clean = root.appending(path: "_clean")
        try FileManager.default.createDirectory(at: clean, withIntermediateDirectories: false)
        for name in [SealedSite.stateName, SiteWriter.manifestName] {
            try FileManager.default.copyItem(at: output.appending(path: name), to: clean.appending(path: name))
        }
        try Data().write(to: clean.appending(path: SiteWriter.manifestName))
        _ = try SiteBuilder.build(Journal.load(from: root), options: Self.options(clean, Self.password))
        #expect(
            try Snapshot(of: clean).files.filter { !$0.key.hasPrefix(".") }
                == Snapshot(of: output).files.filter { !$0.key.hasPrefix(".") })
    }

    /// Every name, alias, email, phone, title, location, tag, file name and line of notes of the
    /// sample journal, looked for in every file of its encrypted build: none is there. The site
    /// was built in the clear first, into the same folder, so none is left behind either.
    @Test func noNameEmailNoteOrTitleOfTheJournalIsInAnyFile() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.appending(path: "_site")
        let journal = Journal.load(from: root)
        _ = try SiteBuilder.build(journal, options: .init(output: output, today: Day("2026-11-25")))
        _ = try SiteBuilder.build(journal, options: Self.options(output, Self.password))

        var secrets = Set<String>()
        func add<R: Record>(_ record: R, _ more: [String?]) {
            secrets.insert(record.displayName)
            secrets.formUnion(record.aliases)
            secrets.formUnion(record.tags.filter { $0.count >= 5 })
            secrets.insert(String(record.slug.split(separator: "/").last!))
            secrets.formUnion(more.compactMap { $0 })
            for line in record.body.split(separator: "\n") where line.count >= 20 { secrets.insert(String(line.prefix(40))) }
        }
        for contact in journal.contacts { add(contact, contact.emails + contact.phones + [contact.title, contact.location]) }
        for encounter in journal.encounters { add(encounter, [encounter.location, encounter.event] + encounter.gave) }
        for publication in journal.publications { add(publication, [publication.venue, publication.abstract]) }
        for org in journal.orgs { add(org, [org.website]) }
        for goal in journal.goals { add(goal, []) }
        secrets = secrets.filter { $0.count >= 4 }
        #expect(secrets.count > 200)

        // Ciphertext is random bytes, where "Acme" turns up now and then by chance: each sealed
        // part is proven sealed (it opens with the key, so nothing in it is in the clear) and
        // taken out; the rest is searched.
        let cipher = try SealedSite.cipher(password: Self.password, output: OutputFolder(output.path))
        func isSealed(_ base64: Substring) -> Bool {
            Data(base64Encoded: String(base64)).flatMap { try? cipher.open($0) } != nil
        }
        let files = try Snapshot(of: output).files
        #expect(files.keys.contains("index.html") && files.count > 90)
        var sealedParts = 0
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            if ["feed.xml", "feed.json", PageState.fileName].contains(path) {
                #expect((try? cipher.open(data)) != nil, "\(path) is sealed")
                continue
            }
            var text = String(decoding: data, as: UTF8.self)
            for match in text.matches(of: /(data-sealed="|tiesSealedSearch = ")([A-Za-z0-9+\/=]+)"/).reversed() {
                #expect(isSealed(match.2), "\(path)")
                sealedParts += 1
                text.removeSubrange(match.range)
            }
            let opaque = path.wholeMatch(of: /[0-9a-f]{32}\.html/) != nil
            for secret in secrets where text.contains(secret) || !opaque && path.contains(secret) {
                Issue.record("\(path) holds '\(secret)'")
            }
        }
        #expect(sealedParts == files.keys.filter { $0.hasSuffix(".html") }.count + 1, "every page and the search index")
        // What is readable: the shell, the look, the script, and nothing that counts records.
        let names = files.keys.filter { !$0.hasPrefix(".") }.sorted()
        let plain = [
            "feed.json", "feed.xml", "index.html", "robots.txt", "script.js", "search-index.js", "style.css", "unlock.js",
        ]
        #expect(names.allSatisfy { plain.contains($0) || $0.wholeMatch(of: /[0-9a-f]{32}\.html/) != nil }, "\(names)")
    }

    @Test func aRebuildWithTheSamePasswordChangesNothingAndAnotherPasswordChangesEverything() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.appending(path: "_site")
        let journal = Journal.load(from: root)
        let first = try SiteBuilder.build(journal, options: Self.options(output, Self.password))
        let before = try Snapshot(of: output)
        let second = try SiteBuilder.build(journal, options: Self.options(output, Self.password))
        #expect(second.written == 0)
        #expect(try Snapshot(of: output) == before)

        let rotated = try SiteBuilder.build(journal, options: Self.options(output, "another password, just as long"))
        // Every page and feed is sealed again, under new names; the stylesheet, the two scripts
        // and robots.txt stay as they were, and index.html keeps its name.
        #expect(rotated.written == first.written - 4)
        #expect(rotated.removed == first.pages - 1)
        let after = try Snapshot(of: output).files
        #expect(after[".ties-encryption"] != before.files[".ties-encryption"], "a new salt")
    }

    /// A person opens a contact page in Chromium, from disk or from a web server, types the
    /// password, and reads the page; searches; then, in a new browser, types a wrong password
    /// and reads nothing.
    @Test(arguments: ["disk", "server"])
    func aPersonOpensAContactPageWithThePasswordAndSeesNothingWithAWrongOne(from place: String) throws {
        guard let chromium = Chromium.executable else {
            Issue.record("chromium is missing: run make test, which installs it")
            return
        }
        let folder = try Fixtures.temporaryFolder("encrypted")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appending(path: "site")
        _ = try SiteBuilder.build(Journal.load(from: Fixtures.template), options: Self.options(output, Self.password))
        let cipher = try SealedSite.cipher(password: Self.password, output: OutputFolder(output.path))
        let name = cipher.opaqueName(of: "contacts/jonas-mueller.html") + ".html"
        var page = output.appending(path: name)
        var server: Process?
        defer { server?.stop() }
        if place == "server" {
            // Python's own web server on this machine's loopback, a secure context like https.
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", output.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.runWithDefaultSignals()
            server = process
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) { line += pipe.fileHandleForReading.availableData }
            let port = try #require(String(decoding: line, as: UTF8.self).firstMatch(of: /port (\d+)/)?.1)
            page = try #require(URL(string: "http://127.0.0.1:\(port)/\(name)"))
        }
        let script = Fixtures.repository.appending(path: "Tests/TestSupport/Browser/unlock.py").path

        func open(with password: String, search: String? = nil) throws -> [String: Any] {
            let code =
                "import runpy, sys; sys.argv = sys.argv[0:1] + sys.argv[1:]; runpy.run_path(\(String(reflecting: script)), run_name='__main__')"
            let arguments = [chromium.path, page.absoluteString, password] + (search.map { [$0] } ?? [])
            let run = try #require(try Python.run(code, arguments: arguments, needing: "json"))
            #expect(run.status == 0)
            return try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        }

        let opened = try open(with: Self.password, search: "Priya")
        #expect(opened["opened"] as? Bool == true)
        #expect((opened["shell"] as? String)?.contains("Jonas") == false, "the form says nothing of the page")
        let text = try #require(opened["text"] as? String)
        #expect(text.contains("Jonas Müller"))
        #expect(text.contains("Acme Robotics"))
        #expect(opened["keyKept"] as? Bool == true, "kept for the browser session")
        #expect(opened["reopened"] as? Bool == true, "another page opens without asking again")
        #expect(opened["locked"] as? Bool == true, "Lock forgets the key and shows the form")
        let found = try #require(opened["search"] as? [String])
        #expect(found.contains { $0.hasPrefix("Priya Raman ") && $0.hasSuffix(".html") }, "\(found)")

        let refused = try open(with: "correct horse battery stable")
        #expect(refused["opened"] as? Bool == false)
        let shown = try #require(refused["text"] as? String)
        #expect(!shown.contains("Jonas"))
        #expect(shown.contains("Wrong password"))
        #expect(refused["keyKept"] as? Bool == false)
    }
}
