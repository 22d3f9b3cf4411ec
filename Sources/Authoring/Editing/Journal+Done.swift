import Foundation
import Index

/// An open follow-up and the encounter it belongs to.
public struct FollowUpMatch: Sendable {
    public var encounter: Encounter
    public var followup: FollowUp
}

public extension Journal {
    /// The open follow-ups whose task is `text`, ignoring case and accents, or, when none is,
    /// those whose task contains it; oldest encounter first. An exact task thus wins over
    /// longer tasks that merely contain it (`one` beside `blockone`).
    func openFollowUps(matching text: String) -> [FollowUpMatch] {
        let wanted = ContactMatcher.foldedName(text)
        var exact: [FollowUpMatch] = []
        var containing: [FollowUpMatch] = []
        for encounter in encounters {
            for followup in encounter.followups where !followup.done {
                let task = ContactMatcher.foldedName(followup.task)
                if task == wanted {
                    exact.append(FollowUpMatch(encounter: encounter, followup: followup))
                } else if task.contains(wanted) {
                    containing.append(FollowUpMatch(encounter: encounter, followup: followup))
                }
            }
        }
        return exact.isEmpty ? containing : exact
    }

    /// Marks a follow-up done in its encounter's file, changing only its item: a map gets
    /// `done: true`, a plain-text item becomes `{task: …, done: true}`.
    func markDone(_ match: FollowUpMatch) throws(EditRefusal) -> JournalChange {
        let path = match.encounter.path
        guard let data = FileManager.default.contents(atPath: root.appending(path: path).path),
            let text = String(data: data, encoding: .utf8)
        else { throw EditRefusal(description: "\(path) cannot be read") }
        var editor = FrontMatterEditor<Encounter>(text)
        do {
            try editor.set(
                FollowUp.schema.key(\.done), "true", inItemAt: match.followup.location, of: \.followups,
                plainKey: FollowUp.schema.key(\.task))
        } catch {
            throw EditRefusal(description: "\(path) was left as it is: \(error.description)")
        }
        return JournalChange(root: root, files: [.init(path: path, old: text, new: editor.text)])
    }
}
