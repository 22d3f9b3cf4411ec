import Foundation
import Index

public extension Journal {
    /// Records an introduction I make between `a` and `b`, or moves the one already recorded
    /// for the two (in either order, the latest) to `state`: only its `intro_state`,
    /// `intro_since` and `outcome` lines change, and once they are introduced what I gave is
    /// added to `gave`, so that the introduction counts in give and take for both.
    ///
    /// `gift` is the words for that, in the journal's language.
    func introduce(
        _ a: Contact.ID, to b: Contact.ID, state: IntroductionState, outcome: String?, today: Day, gift: String
    ) throws(EditRefusal) -> JournalChange {
        guard a != b else { throw EditRefusal(description: "an introduction needs two different people") }
        let gave = state.connects ? [gift] : []
        let existing = introductionsMade(with: a).last { Set([$0.a, $0.b]) == Set([a, b]) }
        guard let existing, let encounter = encounters[existing.encounter] else {
            do {
                return try creation(
                    NewRecord(.introduction(a: a.slug, b: b.slug, state: state, date: today, outcome: outcome, gave: gave)))
            } catch {
                throw EditRefusal(description: error.description)
            }
        }
        let url = root.appending(path: encounter.path)
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw EditRefusal(description: "\(encounter.path) cannot be read")
        }
        var editor = FrontMatterEditor<Encounter>(text)
        do {
            if existing.state != state {
                try editor.set(\.introState, state.rawValue)
                try editor.set(\.introSince, today.description)
            }
            if let outcome, outcome != existing.outcome { try editor.set(\.outcome, outcome) }
            if state.connects, !encounter.gave.contains(gift) { try editor.append(\.gave, [gift]) }
        } catch {
            throw EditRefusal(description: "\(encounter.path) was left as it is: \(error.description)")
        }
        return JournalChange(root: root, files: [.init(path: encounter.path, old: text, new: editor.text)])
    }
}
