// Sorting 100,000 random names: a locale-aware comparison per pair against folded keys made once
// (docs/ARCHITECTURE.md, "One resolver for names"). Run: swiftc -O bench/collation.swift -o /tmp/collation && /tmp/collation
import Foundation
var g = SystemRandomNumberGenerator()
let letters = Array("abcdefghijklmnopqrstuvwxyzäöüéß")
let names = (0..<100_000).map { _ in String((0..<12).map { _ in letters.randomElement(using: &g)! }).capitalized }
let de = Locale(identifier: "de")
var t = Date()
_ = names.sorted { $0.compare($1, options: [.caseInsensitive], range: nil, locale: de) == .orderedAscending }
print("locale compare:", Date().timeIntervalSince(t))
t = Date()
_ = names.map { ($0.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil), $0) }.sorted { $0 < $1 }
print("folded keys:", Date().timeIntervalSince(t))
