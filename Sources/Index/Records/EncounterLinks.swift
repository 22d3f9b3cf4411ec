/// What the cross-link tables and the people graph read of an encounter, taken field by field
/// rather than copying the whole record with its body and links.
struct EncounterLinks {
    let id: Encounter.ID
    let date: Moment
    let with: [Reference]
    let introduced: [Reference]
    let goals: [Reference]
    let gave: [String]
    let received: [String]
    let isOneToMany: Bool
    let connectsPeople: Bool

    /// From a pointer, so that each field is read in place: taking the record as a value,
    /// even `borrowing`, copied all of it, and so does calling a computed property of it
    /// (`id`, `isOneToMany`); only stored fields are read.
    init(_ encounter: UnsafePointer<Encounter>) {
        id = Encounter.ID(encounter.pointee.slug)
        date = encounter.pointee.date
        with = encounter.pointee.with
        introduced = encounter.pointee.introduced
        goals = encounter.pointee.goals
        gave = encounter.pointee.gave
        received = encounter.pointee.received
        isOneToMany = Encounter.isOneToMany(
            marked: encounter.pointee.oneToMany, kind: encounter.pointee.kind, with: with, introduced: introduced)
        connectsPeople = Encounter.connectsPeople(
            introState: encounter.pointee.introState, with: with, isOneToMany: isOneToMany)
    }
}
