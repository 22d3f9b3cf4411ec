import Authoring
import Index
import Support

extension Journal {
    /// The record a name typed on the command line means (`NameResolver`), or exit code 1 with
    /// the suggestion or the candidates.
    func resolve(_ text: String, among kinds: [RecordKind] = RecordKind.allCases) throws -> RecordID {
        do {
            return try find(text, among: kinds)
        } catch {
            throw CommandFailure(message: error.description, exitCode: .problems)
        }
    }
}

extension JournalChange {
    /// Makes a change with `make`; with `dryRun` prints it as a diff, else writes it all or
    /// nothing and prints `done`'s summary and the change's notes. A refusal or a failed write is
    /// exit code 1.
    static func perform(
        dryRun: Bool, _ make: () throws(EditRefusal) -> JournalChange, done: (JournalChange) -> String
    ) throws {
        let change: JournalChange
        do {
            change = try make()
        } catch {
            throw CommandFailure(message: error.description, exitCode: .problems)
        }
        if dryRun {
            Terminal.print(TerminalText.lines(change.diff), terminator: "")
        } else {
            do {
                try change.apply()
            } catch {
                throw CommandFailure(message: error.description, exitCode: .problems)
            }
            Terminal.print(TerminalText.lines(done(change)))
        }
        for note in change.notes { Terminal.standardError.write("ties: note: \(TerminalText.inline(note))\n") }
    }
}
