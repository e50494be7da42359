// swift-tools-version: 6.1
import PackageDescription

// Dependencies point one way, drawn in docs/ARCHITECTURE.md: the command line and the UI on
// top, the pure core at the bottom. Each target lists exactly the modules it imports.
//
// Linux only (Glibc, ncursesw, posix_fadvise, Linux's sigaction layout): no `platforms` entry
// claims otherwise. See docs/ARCHITECTURE.md, "Platform".
let package = Package(
    name: "Cobuy",
    products: [
        .executable(name: "cobuy", targets: ["cobuy"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.17.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // Records, state machines, eligibility, cost sharing: pure Swift, no I/O.
        .target(name: "CobuyCore"),
        // A strict JSON reader that cuts documents apart without building them and parses into
        // flat tapes (imports of 100,000 releases, catalog refreshes).
        .target(name: "CobuyJSON"),
        // Work spread over every core in order, temporaries removed on Ctrl-C, phase timings:
        // helpers for the running process that know nothing of records.
        .target(name: "CobuyProcess"),
        // The JSON store: layout, codec, atomic writes, locks, revisions, validation; and the
        // catalog index (SQLite with FTS5 through GRDB), derived from the JSON and refreshed
        // when files change.
        .target(name: "CobuyStore", dependencies: [
            "CobuyCore", "CobuyJSON", "CobuyProcess", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // Addendum drafts (templates, Markdown, Word), OCDS export and import, CSV.
        .target(
            name: "CobuyDocs",
            dependencies: [
                "CobuyCore", "CobuyJSON", "CobuyProcess", "CobuyStore",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // A store shared by a consortium through git: the record merge driver, share and sync,
        // checks on what arrives. Runs the `git` command, so users' credentials, ssh and hooks apply.
        .target(name: "CobuySync", dependencies: ["CobuyCore", "CobuyStore"]),
        // ncurses through pkg-config; the shim exposes the macros Swift cannot import.
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Cell grid, display width, styles, the ncurses backend, key decoding.
        // The terminal's signal handlers and their flags, in C so that there is exactly one copy.
        .target(name: "CTerminalSignals", dependencies: ["CNcurses"]),
        .target(name: "CobuyTerminal", dependencies: ["CNcurses", "CTerminalSignals"]),
        // The app: state, messages, update, view.
        .target(
            name: "CobuyUI",
            dependencies: [
                "CobuyCore", "CobuyStore", "CobuyTerminal", "CobuyDocs", "CobuySync",
            ]
        ),
        // `cobuy-generate`: N realistic cooperative contracts as an OCDS release package (benchmarks).
        .executableTarget(name: "cobuy-generate", dependencies: ["CobuyCore"]),
        // The bundled sample store, found by the binary wherever it runs.
        .target(name: "CobuyResources", path: "Resources", resources: [.copy("sample-store"), .copy("templates"), .copy("ocds-extension")]),
        .executableTarget(
            name: "cobuy",
            dependencies: [
                "CobuyCore", "CobuyJSON", "CobuyProcess", "CobuyStore", "CobuyDocs", "CobuyTerminal", "CobuyUI", "CobuyResources", "CobuySync", "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // `swift run -c release cobuy-bench`: the numbers in the closing notes.
        .executableTarget(name: "cobuy-bench", dependencies: ["CobuyCore", "CobuyStore", "CobuySync", "CobuyTerminal", "CobuyUI"]),
        // `bash Tests/fuzz/run SECONDS`: libFuzzer targets for everything that reads untrusted bytes
        // (Tests/fuzz/README.md). An ordinary build only replays files through a target.
        .executableTarget(
            name: "cobuy-fuzz",
            dependencies: ["CobuyCore", "CobuyJSON", "CobuyStore", "CobuyDocs", "CobuySync", "CobuyTerminal", "CNcurses"],
            path: "Tests/fuzz/Targets"
        ),
        .testTarget(
            name: "CobuyCoreTests",
            dependencies: ["CobuyCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "CobuyStoreTests", dependencies: ["CobuyCore", "CobuyJSON", "CobuyStore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "CobuyProcessTests", dependencies: ["CobuyProcess"]),
        .testTarget(name: "CobuySyncTests", dependencies: ["CobuyCore", "CobuyStore", "CobuySync"]),
        .testTarget(name: "CobuyJSONTests", dependencies: ["CobuyJSON", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "CobuyDocsTests",
            dependencies: ["CobuyCore", "CobuyJSON", "CobuyStore", "CobuyDocs", .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "CobuyTerminalTests",
            dependencies: ["CobuyTerminal", .product(name: "SnapshotTesting", package: "swift-snapshot-testing")],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "CobuyUITests",
            dependencies: [
                "CobuyUI", "CobuyCore", "CobuyStore", "CobuyTerminal",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "CobuyEndToEndTests", dependencies: ["CobuyStore"]),
    ]
)
