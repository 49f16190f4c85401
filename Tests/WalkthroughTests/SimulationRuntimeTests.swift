import DocentSite
import DocentTestSupport
import Foundation
import Testing

@testable import DocentCommands
@testable import DocentEnterprise

/// The `docent` binary carries the console: a new site whose guide has a walkthrough gets the script, styles and
/// (when built) the WebAssembly, and its pages load them, without vendoring anything.
@Suite struct SimulationRuntimeTests {
    /// The styles with the theme tokens' defaults after them: another site's theme does not define docent.css's
    /// tokens, which this repository's site has.
    @Test func theBinaryCarriesTheScriptAndStylesTheRepositoryShips() throws {
        let files = EnterpriseSimulation().runtimeFiles
        let repository = TemporarySite.repository
        let defaults = try Data(
            contentsOf: repository.appendingPathComponent(
                "Sources/DocentEnterprise/walkthrough-runtime/theme-defaults.css"))
        for (path, asset, suffix) in [
            ("assets/js/walkthrough.js", "assets/js/walkthrough.js", Data()),
            ("assets/css/walkthrough.css", "assets/css/walkthrough.css", Data("\n".utf8) + defaults),
        ] {
            let carried = try #require(files.first { $0.path == path }?.bytes)
            let shipped = try Data(contentsOf: repository.appendingPathComponent(asset))
            #expect(
                carried == [UInt8](shipped + suffix),
                "\(asset) changed: run scripts/embed-walkthrough-runtime.py to carry the new one in the binary")
        }
    }

    /// The defaults the carried styles end with are docent.css's values (but a header height of 0), and every token
    /// those styles read (the walkthrough's and the tabs') has one.
    @Test func theThemeDefaultsAreDocentsTokensForEveryTokenTheCarriedStylesRead() throws {
        let repository = TemporarySite.repository
        func text(_ path: String) throws -> String {
            try String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8)
        }
        /// `--name: value;` declarations, one a line.
        func declarations(_ css: Substring) -> [String: String] {
            var found: [String: String] = [:]
            for line in css.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("--"), let colon = trimmed.firstIndex(of: ":"),
                    let end = trimmed.lastIndex(of: ";")
                else { continue }
                found[String(trimmed[..<colon])] = trimmed[trimmed.index(after: colon)..<end]
                    .trimmingCharacters(in: .whitespaces)
            }
            return found
        }
        let defaults = declarations(try text("Sources/DocentEnterprise/walkthrough-runtime/theme-defaults.css")[...])
        let docent = try text("assets/css/docent.css")
        let root = try #require(docent.range(of: ":root {"))
        let rootEnd = try #require(docent[root.upperBound...].range(of: "\n}"))
        let theme = declarations(docent[root.upperBound..<rootEnd.lowerBound])
        #expect(defaults["--header-height"] == "0px", "no fixed header on another theme")
        for (name, value) in defaults where name != "--header-height" {
            #expect(theme[name] == value, "\(name): \(value) here, \(theme[name] ?? "none") in docent.css")
        }
        let styles = try text("assets/css/walkthrough.css") + text("assets/css/tabs.css")
        var read: Set<String> = []
        var rest = styles[...]
        while let start = rest.range(of: "var(--") {
            let name = rest[rest.index(start.upperBound, offsetBy: -2)...].prefix {
                $0 == "-" || $0.isLetter || $0.isNumber
            }
            read.insert(String(name))
            rest = rest[start.upperBound...]
        }
        // Set by the styles themselves.
        let own: Set = ["--wt-highlight", "--wt-highlight-bg", "--docent-dock-rows"]
        #expect(read.count > 30)
        for name in read.subtracting(own).sorted() { #expect(defaults[name] != nil, "\(name) has no default") }
    }

    @Test func theShippedScriptAndStylesAreTheirPartsJoined() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", TemporarySite.repository.appendingPathComponent("scripts/embed-walkthrough-runtime.py").path,
            "--check",
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(
            process.terminationStatus == 0,
            "Sources/DocentEnterprise/walkthrough-runtime/ changed: run scripts/embed-walkthrough-runtime.py to join its parts again"
        )
    }

    @Test func aNewSitesFirstWalkthroughGetsTheConsoleWithoutVendoringIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docent-first-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(DocentCommand.runMain(["init", folder.path]) == 0)
        let guide = try String(
            contentsOf: TemporarySite.repository.appendingPathComponent("content/insomnia/enterprise.md"),
            encoding: .utf8
        )
        .replacing(/!\[[^\]]*\]\([^)]*\)/, with: "")
        .replacing(/category-url: .*/, with: "")
        .replacing("layout: article-detail", with: "layout: default")
        try Data(guide.utf8).write(to: folder.appendingPathComponent("content/first.md"))
        let output = folder.appendingPathComponent("_site")
        #expect(DocentCommand.runMain(["build", "--quiet", "--source", folder.path, "--output", output.path]) == 0)
        let page = try String(contentsOf: output.appendingPathComponent("first/index.html"), encoding: .utf8)
        // A walkthrough page carries the console's script and styles inline (InlineHeadTests); the files are
        // written too, for layouts that link them.
        #expect(page.contains("<script type=\"module\">" + WalkthroughRuntime.script + "</script>"))
        #expect(page.contains("<style>" + WalkthroughRuntime.stylesheet + "</style>"))
        #expect(page.contains(#"<section class="docent-walkthrough""#))
        for path in ["assets/js/walkthrough.js", "assets/css/walkthrough.css"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "\(path)")
        }
        // The WebAssembly is written when this docent has it beside it; a plain page of the site gets nothing.
        let wasm = EnterpriseSimulation().runtimeFiles.first { $0.kind == .module }
        let written = FileManager.default.fileExists(
            atPath: output.appendingPathComponent("assets/vendor/ConsoleWasm.wasm").path)
        #expect(written == (wasm?.bytes != nil))
        let other = try String(contentsOf: output.appendingPathComponent("getting-started/index.html"), encoding: .utf8)
        #expect(!other.contains("walkthrough.js"))
    }

    @Test func aSitesOwnCopyWinsAndASiteWithoutWalkthroughsGetsNone() throws {
        let site = try TemporarySite([
            "docent.yml": "title: T\n",
            "templates/layouts/default.html": "{{ page.walkthrough_head }}{{ content }}{{ page.walkthrough_html }}",
            "content/plain.md": "---\ntitle: Plain\n---\nNo walkthrough here.\n",
        ])
        defer { site.remove() }
        var options = BuildOptions(source: site.root)
        options.simulation = EnterpriseSimulation()
        options.writesSimulationRuntime = true
        let output = MemoryOutput()
        _ = SiteBuilder(options: options).build(into: output)
        #expect(output.files["assets/js/walkthrough.js"] == nil)
    }
}
