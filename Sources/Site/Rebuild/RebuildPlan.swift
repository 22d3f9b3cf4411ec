/// Which pages of the last build cannot have changed, so a rebuild keeps them without making
/// them again.
///
/// A record has changed when its fingerprint differs from the last build's, or it is new, or
/// gone; its fields have changed when its fingerprint without the body does. A page must be
/// made again when it read the fields of a record whose fields changed, or the whole of a
/// record that changed; when it followed the links of a record that a changed record links to
/// or linked to (that record's backlinks, encounters or question to ask may have changed with
/// it), or of a changed record (a record's own page follows its links, so a change to its notes
/// makes it again); when it read the fields of what links to a record (its last contact, who is
/// in a list of what links to it) and a record whose fields changed links or linked to it. A
/// page that lists every record reads `GraphNode.everyRecordsFields`. Any change to the
/// program, the theme, ties.yaml or the day makes every page again.
struct RebuildPlan {
    /// Whether there is a last build to compare with.
    private let comparable: Bool
    /// What the last build's pages read (`PageState`), kept apart: reading it through the
    /// whole state copied the state, for each of thousands of pages.
    private var dependencyStarts: [Int32] = []
    private var dependencyTargets: [Int32] = []
    /// The last build's record numbers in this build's numbering; -1 for records now gone.
    private var renumbered: [Int32] = []
    /// By the last build's numbers: whether the record changed, and whether what links to it
    /// or from it may have.
    private var changed: [Bool] = []
    private var fieldsChanged: [Bool] = []
    private var linksChanged: [Bool] = []
    /// Whether a record whose fields changed links or linked to it.
    private var linkFieldsChanged: [Bool] = []
    private var pages: [String: Int] = [:]

    /// No previous build to compare with: every page is made.
    static let none = RebuildPlan(previous: nil, current: RecordGraph(), global: 0)

    init(previous: PageState?, current: RecordGraph, global: UInt64) {
        guard let previous, previous.global == global else {
            comparable = false
            return
        }
        var numbers: [UInt64: Int32] = [:]
        numbers.reserveCapacity(current.count)
        for (number, key) in current.keys.enumerated() where numbers.updateValue(Int32(number), forKey: key) != nil {
            // Two records with one key: too unlikely to plan around, so make everything.
            comparable = false
            return
        }
        comparable = true
        dependencyStarts = previous.dependencyStarts
        dependencyTargets = previous.dependencyTargets
        let old = previous.records
        renumbered = old.keys.map { numbers[$0] ?? -1 }
        var oldNumbers = [Int32](repeating: -1, count: current.count)
        for (oldNumber, newNumber) in renumbered.enumerated() where newNumber >= 0 {
            oldNumbers[Int(newNumber)] = Int32(oldNumber)
        }
        changed = [Bool](repeating: false, count: old.count)
        fieldsChanged = changed
        linksChanged = changed
        linkFieldsChanged = changed

        func touch(new record: Int, fields: Bool) {
            for link in current.links(of: record) where oldNumbers[Int(link)] >= 0 {
                linksChanged[Int(oldNumbers[Int(link)])] = true
                if fields { linkFieldsChanged[Int(oldNumbers[Int(link)])] = true }
            }
        }
        for oldNumber in 0..<old.count {
            let newNumber = Int(renumbered[oldNumber])
            guard newNumber < 0 || old.fingerprints[oldNumber] != current.fingerprints[newNumber] else { continue }
            let fields = newNumber < 0 || old.fieldFingerprints[oldNumber] != current.fieldFingerprints[newNumber]
            changed[oldNumber] = true
            fieldsChanged[oldNumber] = fields
            linksChanged[oldNumber] = true
            linkFieldsChanged[oldNumber] = linkFieldsChanged[oldNumber] || fields
            for link in old.links(of: oldNumber) {
                linksChanged[Int(link)] = true
                if fields { linkFieldsChanged[Int(link)] = true }
            }
            if newNumber >= 0 { touch(new: newNumber, fields: fields) }
        }
        for newNumber in 0..<current.count where oldNumbers[newNumber] < 0 {
            touch(new: newNumber, fields: true)
        }
        pages.reserveCapacity(previous.paths.count)
        for (page, path) in previous.paths.enumerated() { pages[path] = page }
    }

    /// What the page at `path` read in the last build, in this build's numbers, when it cannot
    /// have changed since; nil when it must be made.
    func unchanged(_ path: String) -> [Int32]? {
        guard comparable, let page = pages[path] else { return nil }
        var dependencies: [Int32] = []
        for dependency in dependencyTargets[Int(dependencyStarts[page])..<Int(dependencyStarts[page + 1])] {
            let reading = RecordGraph.Reading.self
            let oldNumber = Int(dependency >> reading.shift)
            let how = dependency & reading.links
            let newNumber = renumbered[oldNumber]
            let stale =
                switch how {
                case reading.links: changed[oldNumber] || linksChanged[oldNumber]
                case reading.whole: changed[oldNumber]
                case reading.linkFields: fieldsChanged[oldNumber] || linkFieldsChanged[oldNumber]
                default: fieldsChanged[oldNumber]
                }
            guard !stale, newNumber >= 0 else { return nil }
            dependencies.append(newNumber << reading.shift | how)
        }
        dependencies.sort()
        return dependencies
    }
}
