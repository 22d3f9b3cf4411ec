import Foundation
import Index
import Support

/// The headers of a mailbox's messages, never their bodies: an mbox file (Thunderbird, Gmail
/// Takeout, mutt) read in chunks, or a Maildir folder (mbsync, offlineimap, notmuch) read a
/// message's header block at a time, so a mailbox of any size is read in bounded memory.
public enum MailReader {
    /// The headers ties reads of one message.
    public struct Message: Sendable {
        public var from: [Address] = []
        public var to: [Address] = []
        public var cc: [Address] = []
        public var date: Date?
        public var messageID: String?
        public var inReplyTo: String?
        public var references: [String] = []
        public var subject: String?
        /// A list's or a bulk sender's mark: `List-Id`, `Precedence: bulk|list|junk`, `Auto-Submitted`.
        public var isBulk = false
    }

    public struct Address: Sendable, Hashable {
        public var name: String?
        /// Lower-cased.
        public var email: String
    }

    /// The most bytes of one message's header block read: more is a broken message's body.
    static let largestHeader = 256 << 10

    /// Calls `take` with each message's headers, from a file (mbox) or a folder (Maildir, its
    /// `cur/` and `new/`, and those of the folders inside it).
    public static func read(_ path: String, take: (Message) -> Void) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        if isFolder.boolValue {
            try readMaildir(URL(fileURLWithPath: path), take: take)
        } else {
            try readMbox(path, take: take)
        }
    }

    private static func readMaildir(_ folder: URL, take: (Message) -> Void) throws {
        let manager = FileManager.default
        guard let walker = manager.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey])
        else { return }
        var files: [URL] = []
        for case let url as URL in walker {
            let parent = url.deletingLastPathComponent().lastPathComponent
            guard parent == "cur" || parent == "new",
                (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                (try? url.resourceValues(forKeys: [.isSymbolicLinkKey]))?.isSymbolicLink != true
            else { continue }
            files.append(url)
        }
        for url in files.sorted(by: { $0.path < $1.path }) {
            guard let handle = try? FileHandle(forReadingFrom: url) else { continue }
            defer { try? handle.close() }
            var header = Data()
            while header.count < largestHeader, let chunk = try? handle.read(upToCount: 16 << 10), !chunk.isEmpty {
                header.append(chunk)
                if header.range(of: Data("\n\n".utf8)) != nil || header.range(of: Data("\r\n\r\n".utf8)) != nil { break }
            }
            take(parse(header: Self.headerBlock(header)))
        }
    }

    /// The lines up to the first empty one.
    static func headerBlock(_ data: Data) -> [String] {
        var lines: [String] = []
        for raw in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var line = raw
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty { break }
            lines.append(String(decoding: line, as: UTF8.self))
        }
        return lines
    }

    /// An mbox: messages begin with a line `From ` after an empty line (or at the start); a
    /// message's headers run to its first empty line, the rest is body and skipped.
    private static func readMbox(_ path: String, take: (Message) -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var pending = Data()
        // A file of one message without a `From ` line (an .eml) is read too.
        var inHeader = true
        var header: [String] = []
        var headerBytes = 0
        var previousEmpty = true
        func line(_ raw: Data) {
            var line = raw
            if line.last == 0x0D { line = line.dropLast() }
            if previousEmpty && line.starts(with: Data("From ".utf8)) {
                if !header.isEmpty { take(parse(header: header)) }
                header = []
                headerBytes = 0
                inHeader = true
                previousEmpty = false
                return
            }
            previousEmpty = line.isEmpty
            guard inHeader else { return }
            if line.isEmpty {
                inHeader = false
                if !header.isEmpty { take(parse(header: header)) }
                header = []
                return
            }
            headerBytes += line.count
            if headerBytes <= largestHeader { header.append(String(decoding: line, as: UTF8.self)) }
        }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending.append(chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                line(pending[start..<newline])
                start = pending.index(after: newline)
            }
            pending = Data(pending[start...])
            // A line longer than any header line: body, dropped.
            if pending.count > largestHeader {
                pending.removeAll(keepingCapacity: true)
                previousEmpty = false
            }
        }
        if !pending.isEmpty { line(pending) }
        if inHeader && !header.isEmpty { take(parse(header: header)) }
    }

    // MARK: Headers

    /// One message's header lines: folded lines unfolded, the fields ties reads decoded.
    static func parse(header lines: [String]) -> Message {
        var fields: [(name: String, value: String)] = []
        for line in lines {
            if let first = line.first, first == " " || first == "\t", !fields.isEmpty {
                fields[fields.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                fields.append(
                    (line[..<colon].lowercased(), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
            }
        }
        var message = Message()
        for (name, value) in fields {
            switch name {
            case "from": message.from = addresses(value)
            case "to": message.to += addresses(value)
            case "cc": message.cc += addresses(value)
            case "date": message.date = date(value)
            case "message-id": message.messageID = ids(value).first
            case "in-reply-to": message.inReplyTo = ids(value).first
            case "references": message.references = ids(value)
            case "subject": message.subject = decodedWords(value)
            case "list-id", "list-unsubscribe": message.isBulk = true
            case "precedence": if ["bulk", "list", "junk"].contains(value.lowercased()) { message.isBulk = true }
            case "auto-submitted": if value.lowercased() != "no" { message.isBulk = true }
            default: break
            }
        }
        return message
    }

    /// `<a@b>` ids, in order.
    static func ids(_ value: String) -> [String] {
        var found: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            found.append(String(rest[rest.index(after: open)..<close]).trimmingCharacters(in: .whitespaces))
            rest = rest[rest.index(after: close)...]
        }
        if found.isEmpty, !value.trimmingCharacters(in: .whitespaces).isEmpty {
            found = [value.trimmingCharacters(in: .whitespaces)]
        }
        return found
    }

    /// `Ada <ada@example.com>, "King, Ada" <ada@k.example>, bob@example.com, group: c@d;`.
    static func addresses(_ value: String) -> [Address] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        var angle = false
        for character in value {
            switch character {
            case "\"": quoted.toggle(); current.append(character)
            case "<" where !quoted: angle = true; current.append(character)
            case ">" where !quoted: angle = false; current.append(character)
            case "," where !quoted && !angle, ";" where !quoted && !angle:
                parts.append(current)
                current = ""
            case ":" where !quoted && !angle && !current.contains("@"):
                current = ""  // a group's name
            default: current.append(character)
            }
        }
        parts.append(current)
        return parts.compactMap { part in
            let text = part.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            if let open = text.lastIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
                let email = text[text.index(after: open)..<close].trimmingCharacters(in: .whitespaces).lowercased()
                guard email.contains("@") else { return nil }
                var name = decodedWords(String(text[..<open]).trimmingCharacters(in: .whitespaces))
                if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
                name = name.replacingOccurrences(of: "\\\"", with: "\"").trimmingCharacters(in: .whitespaces)
                return Address(name: name.isEmpty ? nil : name, email: email)
            }
            // `a@b (Name)`, or a bare address.
            var email = text
            var name: String?
            if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
                name = decodedWords(String(text[text.index(after: open)..<close]))
                email = String(text[..<open])
            }
            email = email.trimmingCharacters(in: .whitespaces).lowercased()
            guard email.contains("@"), !email.contains(" ") else { return nil }
            return Address(name: name, email: email)
        }
    }

    /// RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?iso-8859-1?Q?…?=`) decoded; the space
    /// between two encoded words dropped, as the RFC says.
    static func decodedWords(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        var result = ""
        var rest = Substring(text)
        var lastWasEncoded = false
        while let start = rest.range(of: "=?") {
            let before = rest[..<start.lowerBound]
            let afterStart = rest[start.upperBound...]
            let parts = afterStart.split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 4, parts[3].hasPrefix("="),
                let decoded = decodeWord(
                    charset: String(parts[0]), encoding: String(parts[1]), text: String(parts[2]))
            else {
                result += before + "=?"
                rest = afterStart
                lastWasEncoded = false
                continue
            }
            if !(lastWasEncoded && before.allSatisfy(\.isWhitespace)) { result += before }
            result += decoded
            lastWasEncoded = true
            rest = parts[3].dropFirst()
        }
        return result + rest
    }

    private static func decodeWord(charset: String, encoding: String, text: String) -> String? {
        let bytes: Data
        switch encoding.uppercased() {
        case "B":
            var padded = text
            while padded.count % 4 != 0 { padded += "=" }
            guard let data = Data(base64Encoded: padded) else { return nil }
            bytes = data
        case "Q":
            var data = Data()
            var index = text.startIndex
            while index < text.endIndex {
                let character = text[index]
                if character == "_" {
                    data.append(0x20)
                } else if character == "=", let end = text.index(index, offsetBy: 3, limitedBy: text.endIndex),
                    let byte = UInt8(text[text.index(after: index)..<end], radix: 16)
                {
                    data.append(byte)
                    index = end
                    continue
                } else {
                    data.append(contentsOf: String(character).utf8)
                }
                index = text.index(after: index)
            }
            bytes = data
        default: return nil
        }
        let name = charset.split(separator: "*").first.map { $0.lowercased() } ?? "utf-8"
        let encoding: String.Encoding
        switch name {
        case "utf-8", "utf8": encoding = .utf8
        case "iso-8859-1", "latin1", "us-ascii", "ascii": encoding = .isoLatin1
        case "windows-1252", "cp1252": encoding = .windowsCP1252
        case "iso-8859-2": encoding = .isoLatin2
        default: encoding = .utf8
        }
        return String(data: bytes, encoding: encoding) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// The dates mail really carries: RFC 5322 with or without the weekday and seconds, two-digit
    /// years, zone names, a comment after the zone; nil when none can be read.
    static func date(_ text: String) -> Date? {
        var value = text
        if let comment = value.firstIndex(of: "(") { value = String(value[..<comment]) }
        value = value.trimmingCharacters(in: .whitespaces)
        // ISO 8601, as some tools write it: `2026-12-01T10:00:00Z`.
        if value.count >= 10, value.prefix(4).allSatisfy(\.isNumber), value.dropFirst(4).first == "-" {
            if let date = ISO8601DateFormatter().date(from: value) { return date }
            if let day = Day(value.prefix(10)) {
                var components = DateComponents()
                (components.year, components.month, components.day) = (day.year, day.month, day.day)
                components.timeZone = TimeZone(secondsFromGMT: 0)
                return Calendar(identifier: .gregorian).date(from: components)
            }
        }
        if let comma = value.firstIndex(of: ",") {
            value = String(value[value.index(after: comma)...]).trimmingCharacters(in: .whitespaces)
        }
        var parts = value.split(separator: " ").map(String.init)
        // RFC 850: `01-Dec-26 10:00:00 GMT`.
        if let first = parts.first, first.split(separator: "-").count == 3 {
            parts = first.split(separator: "-").map(String.init) + parts.dropFirst()
        }
        guard parts.count >= 3, let day = Int(parts[0]), (1...31).contains(day) else { return nil }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard let month = months.firstIndex(of: String(parts[1].prefix(3)).lowercased()).map({ $0 + 1 }),
            var year = Int(parts[2])
        else { return nil }
        if year < 50 { year += 2000 } else if year < 100 { year += 1900 }
        var hour = 0
        var minute = 0
        var second = 0
        if parts.count >= 4 {
            let time = parts[3].split(separator: ":").compactMap { Int($0) }
            if time.count >= 2 { (hour, minute) = (time[0], time[1]) }
            if time.count >= 3 { second = time[2] }
        }
        var offset = 0
        if parts.count >= 5 {
            let zone = parts[4]
            if let sign = zone.first, sign == "+" || sign == "-", let digits = Int(zone.dropFirst()), zone.count == 5 {
                offset = (digits / 100 * 3600 + digits % 100 * 60) * (sign == "-" ? -1 : 1)
            } else {
                let names = [
                    "UT": 0, "GMT": 0, "UTC": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8,
                    "PDT": -7, "CET": 1, "CEST": 2,
                ]
                offset = (names[zone.uppercased()] ?? 0) * 3600
            }
        }
        var components = DateComponents()
        (components.year, components.month, components.day) = (year, month, day)
        (components.hour, components.minute, components.second) = (hour, minute, second)
        components.timeZone = TimeZone(secondsFromGMT: offset)
        guard (1970...2200).contains(year), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return Calendar(identifier: .gregorian).date(from: components)
    }
}
