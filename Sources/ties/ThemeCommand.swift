import ArgumentParser
import Authoring
import Foundation
import Index
import Site
import Support

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "For theme authors: the fields each template receives, and copies of the built-in files.",
        discussion: """
            A file in <journal>/theme/ takes the place of the built-in file of the same name (docs/THEMES.md).

            """ + TiesExitCode.help,
        subcommands: [Fields.self, Copy.self]
    )

    struct Fields: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fields",
            abstract: "Print, as JSON, the fields a page's template receives, from a page of your journal.",
            discussion: """
                Without PAGE, lists the templates and what each renders.

                Examples:
                  ties theme fields
                  ties theme fields contact
                  ties theme fields index | less

                """ + TiesExitCode.help
        )

        @Argument(help: ArgumentHelp("A page template: contact, index, timeline, …", valueName: "page"))
        var page: String?
        @OptionGroup var options: JournalOptions
        @OptionGroup var day: TodayOption

        func run() throws {
            guard var page else {
                let width = ThemeFiles.pageTemplates.map(\.name.count).max() ?? 0
                Terminal.print("Page templates (ties theme fields NAME):")
                for template in ThemeFiles.pageTemplates {
                    Terminal.print(
                        "  " + template.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + template.renders)
                }
                Terminal.print("Partials (given a part of a page's fields):")
                for partial in ThemeFiles.partials {
                    Terminal.print(
                        "  " + partial.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + partial.givenIn)
                }
                return
            }
            if page.hasSuffix(".mustache") { page = String(page.dropLast(".mustache".count)) }
            let names = ThemeFiles.pageTemplates.map(\.name)
            guard names.contains(page) else {
                if let partial = ThemeFiles.partials.first(where: { $0.name == page }) {
                    throw CommandFailure(
                        message:
                            "'\(page)' is a partial, not a page: it is \(partial.givenIn); see the fields of the pages that include it",
                        exitCode: .usage)
                }
                throw CommandFailure(
                    message: "'\(page)' is no page template\(Suggestion.clause(Suggestion.nearest(to: page, in: names)));"
                        + " the page templates are \(names.joined(separator: ", "))",
                    exitCode: .usage)
            }
            let journal = try options.load()
            guard let sample = ThemeFiles.sample(of: page, in: journal, today: day.day(for: journal)) else {
                throw CommandFailure(message: "no page of this journal uses '\(page)'", exitCode: .problems)
            }
            Terminal.standardError.write("ties: the fields of \(sample.path) (\(page).mustache)\n")
            Terminal.printJSON(sample.json)
        }
    }

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: "Copy built-in theme files into <journal>/theme/ to change them; never overwrites a file.",
            discussion: """
                Without NAME, copies every file of the built-in theme. A file already in theme/ is kept as it is, and said so.

                Examples:
                  ties theme copy style.css
                  ties theme copy contact layout
                  ties theme copy

                """ + TiesExitCode.help
        )

        @Argument(
            help: ArgumentHelp("Files of the built-in theme: style.css, contact.mustache (or contact), …", valueName: "name"))
        var names: [String] = []
        @Flag(help: "Say what it would copy, and write nothing.") var dryRun = false
        @OptionGroup var options: JournalOptions

        func run() throws {
            let available = ThemeFiles.names.filter { $0 != "README.md" }
            var files: [String] = []
            for name in names {
                let file = available.contains(name) ? name : name + ".mustache"
                guard available.contains(file) else {
                    let stems = available.map { $0.hasSuffix(".mustache") ? String($0.dropLast(".mustache".count)) : $0 }
                    throw CommandFailure(
                        message:
                            "'\(name)' is no file of the built-in theme\(Suggestion.clause(Suggestion.nearest(to: name, in: stems)));"
                            + " the files are \(available.joined(separator: ", "))",
                        exitCode: .usage)
                }
                if !files.contains(file) { files.append(file) }
            }
            if files.isEmpty { files = available }
            let root = try options.locate()
            let folder = root.appending(path: "theme")
            let resolved = folder.resolvingSymlinksInPath().standardizedFileURL.path
            let journalPath = root.resolvingSymlinksInPath().standardizedFileURL.path
            guard resolved.hasPrefix(journalPath + "/") else {
                throw CommandFailure(
                    message: "\(folder.path) leads out of the journal; ties writes nothing there", exitCode: .problems)
            }
            if !dryRun {
                do {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                } catch {
                    throw CommandFailure(
                        message: "cannot make \(folder.path): \(error.localizedDescription)", exitCode: .problems)
                }
            }
            var failed = false
            for file in files {
                guard let data = ThemeFiles.builtIn(file) else { continue }
                let target = folder.appending(path: file)
                if FileManager.default.fileExists(atPath: target.path) || (try? target.checkResourceIsReachable()) == true
                    || (try? FileManager.default.destinationOfSymbolicLink(atPath: target.path)) != nil
                {
                    Terminal.print("kept     theme/\(file) (already there)")
                    continue
                }
                if dryRun {
                    Terminal.print("would copy theme/\(file)")
                    continue
                }
                do {
                    try AtomicFile.create(target, contents: data)
                    Terminal.print("copied   theme/\(file)")
                } catch {
                    Terminal.standardError.write("ties: \(error.description)\n")
                    failed = true
                }
            }
            if failed { throw ExitCode(TiesExitCode.problems.rawValue) }
        }
    }
}
