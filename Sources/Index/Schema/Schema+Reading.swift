/// An item of a list field, read from a map by its own schema: a role, a follow-up, a measurement.
protocol ListItem: Described, BinaryCodable {
    /// An item with every field empty, for reading and decoding to fill in.
    init(at location: SourceLocation)
    /// Where the item's map (or plain text) starts.
    var location: SourceLocation { get set }
}

extension Schema {
    /// Reads every field of `item` in declaration order; a required field absent is reported,
    /// and true returned only when every required field has a value.
    ///
    /// `missing` says how: a record names the field and what to write, a list item says it
    /// needs it.
    func read(
        into item: inout Item, from fields: inout Fields, context: ReadContext,
        missing: (Field<Item>, inout Fields) -> Void
    ) -> Bool {
        var context = context
        var complete = true
        for field in self.fields {
            if let anchor { context.anchor = anchor(item) }
            let outcome = field.read(&item, &fields, context)
            guard field.isRequired, outcome != .given else { continue }
            if outcome == .absent { missing(field, &fields) }
            complete = false
        }
        return complete
    }
}

extension Schema where Item: ListItem {
    /// The items of the list at `key`: each map read by this schema, its unknown keys warned of
    /// when they look like a misspelt field, an item lacking a required field left out.
    func readItems(_ key: String, from fields: inout Fields, context: ReadContext) -> [Item] {
        var items: [Item] = []
        for var child in fields.records(key) {
            if let plain = child.plainText {
                guard let plainTextKey else {
                    fields.error(
                        .wrongType, "\(itemName ?? "an item") must be a map like '\(example ?? "")', found '\(plain.text)'",
                        at: plain.location)
                    continue
                }
                if plain.text.isEmpty { continue }
                child.treatPlainText(as: plainTextKey)
            }
            var item = Item(at: child.mapLocation)
            let complete = read(into: &item, from: &child, context: context) { field, child in
                child.error(
                    .missingField, "\(itemName ?? "an item") needs '\(field.key)', e.g. \(example ?? "")",
                    at: child.mapLocation)
            }
            if complete, !needsOneOf.isEmpty, child.diagnostics.isEmpty, !needsOneOf.contains(where: child.has) {
                let listed = needsOneOf.map { "'\($0)'" }
                let choices = listed.dropLast().joined(separator: ", ") + " or " + (listed.last ?? "")
                child.error(.missingField, "\(itemName ?? "an item") needs \(choices)", at: child.mapLocation)
            }
            _ = child.unknownFields()
            fields.absorb(child)
            if complete { items.append(item) }
        }
        return items
    }
}
