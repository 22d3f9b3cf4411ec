import Index

extension SiteContext {
    /// The page of a record, made from its profile: the profile `ties show` prints.
    func recordPage<R: Record>(_ record: R) -> PageJob? {
        var maker = RecordPageMaker(context: self)
        R.Profile(record, reader: journal, today: today).accept(&maker)
        return maker.job
    }
}

/// Makes the page of each kind of record from its profile.
private struct RecordPageMaker: RecordProfileVisitor {
    let context: SiteContext
    var job: PageJob?

    init(context: SiteContext) { self.context = context }

    mutating func visit(_ profile: ContactProfile) { job = context.contactPage(profile) }
    mutating func visit(_ profile: EncounterProfile) { job = context.encounterPage(profile) }
    mutating func visit(_ profile: PublicationProfile) { job = context.publicationPage(profile) }
    mutating func visit(_ profile: OrgProfile) { job = context.orgPage(profile) }
    mutating func visit(_ profile: GoalProfile) { job = context.goalPage(profile) }
}
