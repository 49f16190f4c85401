// swift-tools-version: 6.1
// Docent: a static documentation and walkthrough site generator.
// Module boundaries and who may import whom: see README.md ("Architecture"). Linux only: the binary links
// mimalloc and `serve` watches files with inotify. The wasm console is built by scripts/wasm/build.sh with
// Embedded Swift from the stdlib-only targets below, not through SwiftPM.
import PackageDescription

/// The build pipeline's hot modules skip dynamic exclusivity checks in release builds (they cost about 6% of a
/// 10,000-page build in swift_beginAccess); debug builds and the tests keep them.
let releaseSpeed: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "Docent",
    products: [
        .executable(name: "docent", targets: ["docent"]),
        .executable(name: "liquid-spec-runner", targets: ["liquid-spec-runner"]),
        .library(name: "Liquid", targets: ["Liquid"]),
        .library(name: "EnterpriseConsole", targets: ["EnterpriseConsole"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // C: cmark-gfm through pkg-config. Only DocentMarkdown imports it.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Makes cmark-gfm safe to call from several threads (see its source file).
        .target(name: "CCmarkGFMThreadSafety", linkerSettings: [.linkedLibrary("dl")]),
        // Reads a node's text in place (cmark's getters copy each one); uses cmark-gfm's installed node.h.
        .target(name: "CCmarkGFMNodes"),
        // C: SHA-256 with the CPU's SHA extensions where it has them, for the caches' keys.
        .target(name: "CSHA256"),
        // C: opens a site's file in one system call that cannot leave the site's folder (Linux's openat2), for the
        // reads of every page and template.
        .target(name: "COpenBeneath"),
        // Syntax highlighting at build time: lexers for the languages docs use, written in Rouge's markup and
        // token classes. Stdlib only.
        .target(name: "Highlight", swiftSettings: releaseSpeed),
        .target(
            name: "DocentMarkdown",
            dependencies: ["CCmarkGFM", "CCmarkGFMThreadSafety", "CCmarkGFMNodes", "Highlight"],
            swiftSettings: releaseSpeed),

        // C: libsass through pkg-config (the engine Debian's Jekyll uses, through sassc). Only DocentSass imports it.
        .systemLibrary(name: "CSass", pkgConfig: "libsass", providers: [.apt(["libsass-dev"])]),
        // The only code that calls libsass: Sass and SCSS to CSS, every @import answered by the caller's importer.
        .target(name: "DocentSass", dependencies: ["CSass"]),

        // The Liquid template engine: stdlib + Foundation only, usable on its own.
        .target(name: "Liquid", swiftSettings: releaseSpeed),

        // The walkthrough contract: screen, control, action and the rule that says whether an action did a step.
        // Stdlib only: compiled natively (DocentSite, the console) and into the wasm (the page judges with it).
        .target(name: "WalkthroughContract"),
        // The simulated product: stdlib only (also compiled with Embedded Swift for wasm).
        .target(name: "EnterpriseDomain"),
        .target(name: "EnterpriseConsole", dependencies: ["EnterpriseDomain", "WalkthroughContract"]),

        // The site: config, pages, rendering pipeline, checks, output sinks.
        .target(
            name: "DocentSite",
            dependencies: [
                "DocentMarkdown", "DocentSass", "Highlight", "Liquid", "WalkthroughContract", "CSHA256",
                "COpenBeneath", .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: releaseSpeed
        ),
        // The simulation we ship, plugged into DocentSite's walkthrough interface.
        // Its walkthrough-runtime/ holds the console's script and stylesheet parts, which
        // scripts/embed-walkthrough-runtime.py joins into WalkthroughRuntime.generated.swift (not Swift sources).
        .target(
            name: "DocentEnterprise", dependencies: ["DocentSite", "EnterpriseConsole", "WalkthroughContract"],
            exclude: ["walkthrough-runtime"]),
        // C: zlib, for the preview server's gzip responses. Only DocentPreview imports it.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The preview server: Hummingbird, live reload over Server-Sent Events, file watching, error overlay.
        .target(
            name: "DocentPreview",
            dependencies: [
                "DocentSite", "DocentMarkdown", "CZlib", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "DocentCommands",
            dependencies: [
                "DocentSite", "DocentPreview", "DocentEnterprise",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // mimalloc (Debian libmimalloc-dev) replaces glibc's malloc in the binary: with pages parsed and rendered on
        // every core, glibc's allocator took about a third of a 10,000-page build's CPU time.
        .executableTarget(
            name: "docent", dependencies: ["DocentCommands"],
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-as-needed", "-lmimalloc", "-Xlinker", "--as-needed"])]
        ),
        .executableTarget(
            name: "liquid-spec-runner",
            dependencies: ["Liquid", .product(name: "Yams", package: "Yams")]
        ),

        // What the test targets share: a site written into a temporary folder, a seeded generator.
        .target(name: "DocentTestSupport", dependencies: ["DocentSite"], path: "Tests/DocentTestSupport"),
        .testTarget(name: "LiquidTests", dependencies: ["Liquid"]),
        .testTarget(name: "DocentMarkdownTests", dependencies: ["DocentMarkdown"]),
        .testTarget(name: "DocentSassTests", dependencies: ["DocentSass"]),
        .testTarget(name: "HighlightTests", dependencies: ["Highlight", "DocentTestSupport"]),
        .testTarget(
            name: "DocentSiteTests",
            dependencies: ["DocentSite", "DocentCommands", "DocentEnterprise", "DocentTestSupport", "CSHA256"],
            // The seeds' golden HTML, read from the source tree by SeedGoldenTests.
            exclude: ["Golden"]),
        .testTarget(
            name: "DocentPreviewTests",
            dependencies: [
                "DocentPreview", "DocentTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "DocentCommandsTests",
            dependencies: ["DocentCommands", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // The golden --help texts, read from the source tree.
            exclude: ["Golden"]),
        .testTarget(name: "EnterpriseDomainTests", dependencies: ["EnterpriseDomain", "DocentTestSupport"]),
        .testTarget(
            name: "EnterpriseConsoleTests",
            dependencies: ["EnterpriseConsole", "WalkthroughContract", "DocentTestSupport"]),
        .testTarget(name: "WalkthroughContractTests", dependencies: ["WalkthroughContract"]),
        .testTarget(
            name: "WalkthroughTests",
            dependencies: ["DocentSite", "DocentEnterprise", "DocentCommands", "DocentPreview", "DocentTestSupport"]),
    ]
)
