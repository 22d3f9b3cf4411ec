import Index

extension FileEdit {
    /// Makes an edit with `make`; with `dryRun` prints it as a diff, else writes it and prints
    /// `done`'s message. A refusal or a failed write is exit code 1.
    static func perform(
        dryRun: Bool, _ make: () throws(EditRefusal) -> FileEdit, done: (FileEdit) -> String
    ) throws {
        let edit: FileEdit
        do {
            edit = try make()
        } catch {
            throw CommandFailure(message: error.description, exitCode: .problems)
        }
        if dryRun {
            Terminal.print(edit.diff, terminator: "")
            return
        }
        do {
            try edit.apply()
        } catch {
            throw CommandFailure(message: error.description, exitCode: .problems)
        }
        Terminal.print(done(edit))
    }
}
