/// A publication: its fields, its figures (the audience written, else the latest measured) and
/// who mentions it.
public struct PublicationProfile: RecordProfile {
    public var record: Publication
    public var figures: (audience: Int?, views: Int?, reach: Int?)
    public var mentions: [Mention]

    public init(_ publication: Publication, reader journal: JournalReader, today: Day) {
        record = publication
        figures = publication.figures
        mentions = journal.mentions(of: publication.recordID)
    }

    public func accept<V: RecordProfileVisitor>(_ visitor: inout V) { visitor.visit(self) }
}
