// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "DataJam",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "datajam", targets: ["datajam"]),
        .library(name: "DataJamCore", targets: ["DataJamCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"6.0.0"),
    ],
    targets: [
        // The session model, validation, storage and merging: no terminal code.
        .target(name: "DataJamCore"),
        // Reports (Markdown, HTML) and open-data exports (CSV, Data Package, CKAN, JSON). CSV is
        // written by our own RFC 4180 encoder: yaslab/CSV.swift left quotes followed by a combining
        // accent unescaped, which shifts every later column.
        .target(
            name: "DataJamExport",
            dependencies: [
                "DataJamCore",
                .product(name: "Ink", package: "Ink"),
            ]
        ),
        // Wide-character ncurses, through a shim header (see Sources/CNcursesw/shim.h).
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // GNU FriBidi, for right-to-left text in terminals that do no bidirectional layout.
        .systemLibrary(
            name: "CFriBidi",
            pkgConfig: "fribidi",
            providers: [.apt(["libfribidi-dev"])]
        ),
        // Screen buffer, views, line editor, key bindings: no ncurses.
        .target(name: "DataJamUI", dependencies: ["DataJamCore", "DataJamExport", "CFriBidi"]),
        // The one module that talks to the terminal.
        .target(name: "DataJamTerminal", dependencies: ["DataJamUI", "CNcursesw"]),
        // `datajam serve`: the SSH server (swift-nio-ssh) that gives each rapporteur a pty running
        // `datajam open`. Its own module so that nothing else depends on NIO.
        .target(
            name: "DataJamServe",
            dependencies: [
                "DataJamCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "datajam",
            dependencies: [
                "DataJamCore", "DataJamUI", "DataJamTerminal", "DataJamExport", "DataJamServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // A release build carries the Swift runtime and Foundation inside the binary: loading
            // them as shared libraries took about 4 ms of every start (`datajam open`, each
            // command, each rapporteur's view under `datajam serve`). Debug builds stay dynamic,
            // which links faster.
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-lCoreFoundation", "-l_FoundationCShims", "-l_FoundationCollections", "-l_FoundationICU"], .when(platforms: [.linux], configuration: .release))]
        ),
        // A release-build benchmark: `swift build -c release && .build/release/datajam-bench`.
        .executableTarget(name: "datajam-bench", dependencies: ["DataJamCore", "DataJamUI", "DataJamServe"], path: "Sources/DataJamBenchmark"),
        .target(name: "TestSupport", dependencies: ["DataJamCore"], path: "Tests/TestSupport"),
        .testTarget(name: "DataJamCoreTests", dependencies: ["DataJamCore", "TestSupport"]),
        .testTarget(name: "CommandLineTests", dependencies: ["DataJamCore", "TestSupport"]),
        .testTarget(name: "DataJamUITests", dependencies: ["DataJamUI", "DataJamCore", "TestSupport"]),
        .testTarget(name: "ExportTests", dependencies: ["DataJamExport", "DataJamCore", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "EndToEndTests", dependencies: ["DataJamCore", "TestSupport"]),
        // `datajam serve` driven by the real OpenSSH client in tmux.
        .testTarget(name: "ServeTests", dependencies: ["DataJamCore", "DataJamServe", "TestSupport"]),
        // Every file the loader accepts (seeded mutants) through every export, merge, add and screen.
        .testTarget(name: "RobustnessTests", dependencies: ["DataJamCore", "DataJamExport", "DataJamUI", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
