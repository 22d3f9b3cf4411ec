// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "ties",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ties", targets: ["ties"]),
        .library(name: "Index", targets: ["Index"]),
        .library(name: "Site", targets: ["Site"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // AES-GCM and PBKDF2 for `ties build --encrypt` (docs/SECURITY.md).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // CSV for the LinkedIn and Google imports and `ties export csv` (docs/ARCHITECTURE.md).
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // Random journals for the whole-program property test (Tests/TiesTests).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev); `make deps` installs it.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // What any module may need and no domain knows: atomic files, stable hashes, parallel
        // work, timing, text folding, terminal text.
        .target(name: "Support"),
        // The domain: records, parsing, linking, queries, insights, the parse cache.
        .target(name: "Index", dependencies: ["Support", "CCmark", .product(name: "Yams", package: "Yams")]),
        // What changes the journal or leaves it, for the command line only: in-place edits, new
        // records, imports and exports (and with them the CSV library).
        .target(
            name: "Authoring",
            // Yams for the edits' YAML, with CYaml (the libyaml it wraps) for events with positions.
            dependencies: [
                "Support", "Index", .product(name: "Yams", package: "Yams"), .product(name: "CSV", package: "CSV.swift"),
            ],
            plugins: ["EmbedFolders"]
        ),
        // ties' own Mustache engine: templates compiled once, rendered as bytes (docs/THEMES.md).
        .target(name: "Template"),
        .target(
            name: "Site",
            dependencies: [
                "Support", "Index", "Template", "CCmark",
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            plugins: ["EmbedFolders"]
        ),
        .executableTarget(
            name: "ties",
            dependencies: [
                "Support", "Index", "Authoring", "Site", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build tool: turns journal-template/ and site-theme/ into Swift source, so an installed
        // binary needs no resource bundle beside it.
        .executableTarget(name: "TiesEmbed", path: "Sources/TiesEmbed"),
        .plugin(
            name: "EmbedFolders",
            capability: .buildTool(),
            dependencies: ["TiesEmbed"]
        ),
        // Browser/ holds the Python script that drives Chromium; tests run it from the repository.
        .target(
            name: "TestSupport", dependencies: ["Support", "Index"], path: "Tests/TestSupport", exclude: ["Browser", "Reference"]),
        .testTarget(
            name: "IndexTests",
            dependencies: ["Support", "Index", "Authoring", "TestSupport", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "TemplateTests", dependencies: ["Template"]),
        .testTarget(name: "SiteTests", dependencies: ["Support", "Site", "Index", "Authoring", "Template", "TestSupport"]),
        .testTarget(
            name: "TiesTests",
            dependencies: [
                "Support", "Index", "Authoring", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
    ]
)

// The fuzzer (`make fuzz`): only with TIES_FUZZ set, since it builds only with
// `-sanitize=fuzzer` (libFuzzer brings its `main`).
if ProcessInfo.processInfo.environment["TIES_FUZZ"] != nil {
    let sanitizers = ["-sanitize=fuzzer,address"]
    for target in package.targets where ["Support", "Index", "Authoring", "Template", "Site"].contains(target.name) {
        target.swiftSettings = [.unsafeFlags(sanitizers)]
    }
    package.targets.append(.target(name: "CFuzzDriver"))
    package.targets.append(
        .executableTarget(
            name: "TiesFuzz",
            dependencies: ["Support", "Index", "Authoring", "Site", "Template", "CFuzzDriver"],
            swiftSettings: [.unsafeFlags(sanitizers + ["-parse-as-library"])], linkerSettings: [.unsafeFlags(sanitizers)]))
}
