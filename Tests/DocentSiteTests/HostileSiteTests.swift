import DocentCommands
import DocentSite
import DocentTestSupport
import Foundation
import Testing

/// Sites written to do harm, or broken in ways that once did: each ends as a diagnostic at its file, line and
/// column, a failed build, nothing written outside the output folder, nothing read from outside the site, and all
/// within a few seconds.
@Suite struct HostileSiteTests {
    /// Every case must finish well within this (the bound is 10 s on 2 cores).
    static let timeLimit: Duration = .seconds(10)

    // MARK: - Writes outside the output

    @Test func permalinkClimbingOutOfTheOutputIsRefusedAtItsLine() throws {
        let escape = "docent-escape-\(UUID().uuidString)"
        let site = try hostile([
            "content/evil.html": "---\ntitle: x\npermalink: /../../\(escape)/owned.html\n---\nowned\n"
        ])
        defer { site.remove() }
        let error = try expectOneError("permalink.unsafe", in: site)
        #expect(error.location == SourceLocation(file: "content/evil.html", line: 3, column: 1))
        #expect(run("build", site) == 1)
        let outside = site.root.deletingLastPathComponent().appendingPathComponent(escape)
        #expect(!FileManager.default.fileExists(atPath: outside.path))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(escape).path))
    }

    @Test func absolutePermalinkLeavingThroughTheRootIsRefused() throws {
        let site = try hostile([
            "content/evil.md": "---\ntitle: x\npermalink: /../../../../../../../../tmp/owned-\(UUID()).sh\n---\nowned\n"
        ])
        defer { site.remove() }
        #expect(try expectOneError("permalink.unsafe", in: site).location?.line == 3)
    }

    @Test func permalinkWithANulByteIsRefusedByCheckAndBuildAlike() throws {
        let site = try hostile(["content/nul.md": "---\ntitle: x\npermalink: \"/a\\0b/\"\n---\nx\n"])
        defer { site.remove() }
        #expect(try expectOneError("permalink.unsafe", in: site).location?.line == 3)
        #expect(run("check", site) == 1)
        #expect(run("build", site) == 1)
    }

    @Test func permalinkOntoTheOutputMarkerIsRefused() throws {
        let site = try hostile(["content/marker.md": "---\ntitle: x\npermalink: /.docent-site\n---\nowned\n"])
        defer { site.remove() }
        #expect(try expectOneError("permalink.unsafe", in: site).location?.line == 3)
    }

    @Test func everySinkConfinesThePathsItIsGiven() throws {
        #expect(try OutputPath(confining: "/a/./b//index.html").path == "a/b/index.html")
        #expect(throws: OutputPath.Refusal.leavesOutput("a/../../x")) { try OutputPath(confining: "a/../../x") }
        #expect(throws: OutputPath.Refusal.leavesOutput("a/..")) { try OutputPath(confining: "a/..") }
        #expect(throws: OutputPath.Refusal.controlCharacter("a\0b")) { try OutputPath(confining: "a\0b") }
        #expect(throws: OutputPath.Refusal.marker(".docent-site")) { try OutputPath(confining: ".docent-site") }
        #expect(throws: OutputPath.Refusal.empty) { try OutputPath(confining: "/") }
        let memory = MemoryOutput()
        #expect(throws: (any Error).self) { try memory.write([1], to: "../x") }
        #expect(memory.files.isEmpty)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docent-sink-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        for path in ["../../owned", "../owned", ".docent-site"] {
            let output = try DirectoryOutput(destination: folder.appendingPathComponent("site"))
            #expect(throws: (any Error).self, "\(path)") { try output.write([1], to: path) }
            #expect(throws: (any Error).self, "\(path)") { try output.commit() }
            output.discard()
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    // MARK: - Reads outside the site

    @Test func layoutLinkedOutsideTheSiteIsNeitherPublishedNorPrinted() throws {
        let secret = try Secret()
        defer { secret.remove() }
        let site = try hostile(["content/leak.md": "---\ntitle: x\nlayout: leak\n---\nx\n"])
        defer { site.remove() }
        try site.link("templates/layouts/leak.html", to: secret.file)
        let error = try expectError("source.symlink-outside", in: site)
        #expect(error.location == SourceLocation(file: "templates/layouts/leak.html", line: 1, column: 1))
        let printed = formatted(site)
        #expect(!printed.contains(Secret.text))
        let folder = site.root.appendingPathComponent("_site")
        _ = run("build", site, output: folder)
        #expect(!contains(Secret.text, under: folder))
    }

    @Test func contentPageLinkedOutsideIsRefusedWithoutEchoingItsFirstLine() throws {
        let secret = try Secret()
        defer { secret.remove() }
        let site = try hostile([:])
        defer { site.remove() }
        try site.link("content/env.md", to: secret.file)
        #expect(try expectError("source.symlink-outside", in: site).location?.file == "content/env.md")
        #expect(!formatted(site).contains(Secret.text))
    }

    @Test func topLevelFoldersLinkedOutsideAreRefused() throws {
        for folder in ["content", "assets", "templates/includes", "content/_data", "templates/layouts"] {
            let secret = try Secret()
            defer { secret.remove() }
            var files = SiteFixture.basics
            files["content/_data/ok.yml"] = "a: 1\n"
            files["content/index.md"] = "---\ntitle: Home\n---\nHome\n"
            let site = try SiteFixture(files.filter { !$0.key.hasPrefix(folder + "/") })
            defer { site.remove() }
            try? FileManager.default.removeItem(at: site.root.appendingPathComponent(folder))
            try site.link(folder, to: secret.folder)
            let error = try expectError("source.symlink-outside", in: site)
            #expect(error.location?.file == folder, "\(folder)")
            #expect(!formatted(site).contains(Secret.text), "\(folder)")
        }
    }

    @Test func dataFileAndConfigLinkedOutsideAreRefused() throws {
        let secret = try Secret()
        defer { secret.remove() }
        let site = try hostile([:])
        defer { site.remove() }
        try site.link("content/_data/env.yml", to: secret.file)
        #expect(try expectError("source.symlink-outside", in: site).location?.file == "content/_data/env.yml")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("docent.yml"))
        try site.link("docent.yml", to: secret.file)
        try expectError("source.symlink-outside", in: site, count: 2)
        let refused = site.build().result.diagnostics.filter { $0.id == "source.symlink-outside" }
        #expect(refused.compactMap(\.location?.file).sorted() == ["content/_data/env.yml", "docent.yml"])
        #expect(!formatted(site).contains(Secret.text))
    }

    @Test func contentLinkedToItsOwnFolderIsALoopReadOnce() throws {
        let site = try hostile(["content/a.md": "---\ntitle: A\n---\nA\n"])
        defer { site.remove() }
        try site.link("content/self", to: site.root.appendingPathComponent("content"))
        try site.link("content/sub/up", to: site.root.appendingPathComponent("content"))
        let result = timed { site.build().result }
        #expect(
            result.diagnostics.filter { $0.id == "source.symlink-loop" }.compactMap(\.location?.file).sorted() == [
                "content/self", "content/sub/up",
            ])
        #expect(result.pages.map(\.page.sitePath) == ["content/a.md"])
    }

    @Test func aLinkToAFolderTheSiteHasIsRefusedWhateverItsName() throws {
        for name in ["a-link", "z-link"] {
            let site = try hostile(["content/guide/a.md": "---\ntitle: A\n---\nA\n"])
            defer { site.remove() }
            try site.link("content/\(name)", to: site.root.appendingPathComponent("content/guide"))
            let error = try expectError("source.symlink-loop", in: site)
            #expect(error.location?.file == "content/\(name)")
            #expect(site.build().result.pages.map(\.page.sitePath) == ["content/guide/a.md"])
        }
    }

    @Test func aFIFOInTheContentIsAnErrorNotAHang() throws {
        let site = try hostile([:])
        defer { site.remove() }
        for folder in ["content/_data", "templates/includes"] {
            try FileManager.default.createDirectory(
                at: site.root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        #expect(mkfifo(site.root.appendingPathComponent("content/pipe.md").path, 0o644) == 0)
        #expect(mkfifo(site.root.appendingPathComponent("content/_data/pipe.yml").path, 0o644) == 0)
        #expect(mkfifo(site.root.appendingPathComponent("templates/includes/pipe.md").path, 0o644) == 0)
        try site.write("content/uses-pipe.md", Data("---\ntitle: P\n---\n{% include pipe.md %}\n".utf8))
        #expect(try expectError("liquid.missing-partial", in: site).location?.file == "content/uses-pipe.md")
        try expectError("source.special-file", in: site, count: 2)
        let refused = site.build().result.diagnostics.filter { $0.id == "source.special-file" }
        #expect(refused.compactMap(\.location?.file).sorted() == ["content/_data/pipe.yml", "content/pipe.md"])
    }

    // MARK: - Deep nesting

    @Test(arguments: [
        String(repeating: ">", count: 10_000) + " x\n",
        String(repeating: "- ", count: 10_000) + "x\n",
        String(repeating: "> - ", count: 6_000) + "x\n",
    ])
    func deepMarkdownNestingIsAnErrorAtItsLineNotACrash(body: String) throws {
        let site = try hostile(["content/deep.md": "---\ntitle: D\n---\n\n" + body])
        defer { site.remove() }
        let result = timed { site.build().result }
        let error = try #require(result.diagnostics.first { $0.id == "markdown.too-deep" }, "\(result.messages)")
        #expect(error.location?.file == "content/deep.md")
        #expect(error.location?.line == 5)
    }

    @Test func deepMarkdownNestingMakesTheCommandFailWithADiagnostic() throws {
        let site = try hostile([
            "content/deep.md": "---\ntitle: D\n---\n\n" + String(repeating: ">", count: 10_000) + " x\n"
        ])
        defer { site.remove() }
        #expect(run("build", site) == 1)
        #expect(run("check", site) == 1)
    }

    @Test func aChainOfIncludesPastTheDepthLimitIsAnErrorNotAStackOverflow() throws {
        var files = ["content/a.md": "---\ntitle: A\n---\n{% include i0.md %}\n"]
        for level in 0..<150 { files["templates/includes/i\(level).md"] = "> {% include i\(level + 1).md %}\n" }
        files["templates/includes/i150.md"] = "end\n"
        let site = try hostile(files)
        defer { site.remove() }
        let result = timed { site.build().result }
        #expect(!result.succeeded)
        #expect(result.diagnostics.contains { $0.message.contains("Nesting too deep") }, "\(result.messages)")
    }

    // MARK: - Size

    @Test func tableOfTwentyThousandColumnsIsRefusedBeforeCmark() throws {
        let header = String(repeating: "|a", count: 20_000) + "|\n"
        let delimiter = String(repeating: "|-", count: 20_000) + "|\n"
        let site = try hostile(["content/wide.md": "---\ntitle: W\n---\n" + header + delimiter + header])
        defer { site.remove() }
        let error = try expectError("markdown.table-too-large", in: site)
        #expect(error.location == SourceLocation(file: "content/wide.md", line: 5, column: 1))
    }

    @Test func aFolderThatIsNotASiteIsAnErrorNotZeroPages() throws {
        let folder = try SiteFixture(["notes.txt": "not a site\n"])
        defer { folder.remove() }
        let result = folder.build().result
        #expect(!result.succeeded)
        #expect(result.diagnostics.map(\.id) == ["config.missing"])
        #expect(run("build", folder) == 1)
        #expect(run("check", folder) == 1)
    }

    @Test func aPageThatWouldTakeGigabytesToParseIsAnErrorAtItsLine() throws {
        // 1.6 million emphasis delimiters in 3.2 MB: cmark-gfm alone would need about 800 MB.
        let body = String(repeating: String(repeating: "*a* _b_ ", count: 100) + "\n", count: 4_000)
        let site = try hostile(["content/dense.md": "---\ntitle: x\n---\n" + body])
        defer { site.remove() }
        let error = try expectOneError("markdown.too-complex", in: site)
        #expect(error.location == SourceLocation(file: "content/dense.md", line: 3 + 3_338, column: 1))
    }

    @Test func manyAttributeListsTakeLinearTime() throws {
        let body = String(repeating: "{:.info}\n> x\n\n", count: 100_000)
        let site = try hostile(["content/callouts.md": "---\ntitle: C\n---\n" + body])
        defer { site.remove() }
        let result = timed { site.build().result }
        #expect(result.succeeded, "\(result.messages.prefix(3))")
    }

    // MARK: - YAML aliases

    static let laughs =
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        + (1...9).map { level in
            let previous = level == 1 ? "a" : "l\(level - 1)"
            return "l\(level): &l\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }.joined()

    @Test func billionLaughsInFrontMatterStopsAtTheAliasCap() throws {
        let site = try hostile(["content/lol.md": "---\ntitle: x\n" + Self.laughs + "---\nx\n"])
        defer { site.remove() }
        let error = try expectError("frontmatter.yaml", in: site)
        #expect(error.message.contains("billion laughs"))
        #expect(error.location?.file == "content/lol.md")
    }

    @Test func billionLaughsInADataFileAndTheConfigStopAtTheAliasCap() throws {
        let site = try hostile(["content/_data/lol.yml": Self.laughs])
        defer { site.remove() }
        #expect(try expectError("data.yaml", in: site).message.contains("billion laughs"))
        try site.write("docent.yml", Data(("title: x\n" + Self.laughs).utf8))
        #expect(try expectError("config.yaml", in: site).message.contains("billion laughs"))
    }

    @Test func deeplyNestedYAMLIsAnErrorNotACrash() throws {
        let deep = "a: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        let site = try hostile(["content/_data/deep.yml": deep])
        defer { site.remove() }
        let error = try expectError("data.yaml", in: site)
        #expect(error.message.lowercased().contains("nest"), "\(error.message)")
    }

    // MARK: - Printing

    @Test func controlCharactersInAnEchoedLineAreShownAsSymbols() throws {
        let site = try hostile(["content/esc.md": "---\ntitle: x\npermalink: \"/../x\" # \u{1B}[2J\u{7}\n---\nx\n"])
        defer { site.remove() }
        let printed = formatted(site)
        #expect(printed.contains("\u{241B}[2J\u{2407}"))
        #expect(!printed.contains("\u{1B}[2J"))
    }

    @Test func controlCharactersInAMessageAreShownAsSymbols() throws {
        let site = try hostile(["content/esc.md": "---\ntitle: x\nlayout: \"\\e]0;owned\\a\"\n---\nx\n"])
        defer { site.remove() }
        let printed = formatted(site)
        #expect(printed.contains("layout.missing"))
        #expect(printed.contains("\u{241B}]0;owned\u{2407}"))
        #expect(!printed.contains("\u{1B}"))
    }

    @Test func aFileNameWithAControlCharacterIsRefusedByCheckAndBuildAlike() throws {
        let site = try hostile(["content/ok.md": "---\ntitle: x\n---\nx\n", "assets/a\u{1B}[2J.css": "x"])
        defer { site.remove() }
        let error = try expectError("source.unsafe-name", in: site)
        #expect(error.location?.file == "assets/a\u{241B}[2J.css")
    }

    // MARK: - Helpers

    private func hostile(_ files: [String: String]) throws -> SiteFixture {
        try SiteFixture(SiteFixture.basics.merging(files) { $1 })
    }

    private func timed<T>(_ work: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        let value = try work()
        #expect(ContinuousClock.now - start < Self.timeLimit)
        return value
    }

    /// Builds in memory and checks (`runChecks`): the same errors both ways; returns the first with `id`.
    @discardableResult
    private func expectError(_ id: String, in site: SiteFixture, count: Int = 1) throws -> Diagnostic {
        let built = timed { site.build().result }
        var options = BuildOptions(source: site.root)
        options.runChecks = true
        let checked = timed { SiteBuilder(options: options).build(into: NullOutput()) }
        #expect(!built.succeeded && !checked.succeeded)
        let found = built.diagnostics.filter { $0.id == id }
        #expect(found.count == count, "\(built.messages)")
        #expect(checked.diagnostics.filter { $0.id == id } == found)
        return try #require(found.first, "\(built.messages)")
    }

    private func expectOneError(_ id: String, in site: SiteFixture) throws -> Diagnostic {
        let error = try expectError(id, in: site)
        #expect(site.build().result.diagnostics.errorCount == 1)
        return error
    }

    /// The command's exit status (`build` into `output`, default `_site` in the site).
    private func run(_ command: String, _ site: SiteFixture, output: URL? = nil) -> Int32 {
        var arguments = [command, "--source", site.root.path]
        if command == "build" {
            arguments += ["--output", (output ?? site.root.appendingPathComponent("_site")).path, "--quiet"]
        }
        let start = ContinuousClock.now
        let status = DocentCommand.runMain(arguments)
        #expect(ContinuousClock.now - start < Self.timeLimit)
        return status
    }

    /// The build's diagnostics as `docent build` prints them, with source lines.
    private func formatted(_ site: SiteFixture) -> String {
        let result = site.build().result
        return DiagnosticFormatter(format: .text, sourceLine: SourceLines(root: site.root).line).format(
            result.diagnostics)
    }

    private func contains(_ text: String, under folder: URL) -> Bool {
        guard let files = FileManager.default.enumerator(atPath: folder.path) else { return false }
        for case let name as String in files {
            if let data = FileManager.default.contents(atPath: folder.path + "/" + name),
                String(decoding: data, as: UTF8.self).contains(text)
            {
                return true
            }
        }
        return false
    }
}

/// A file and a folder outside any site, holding a line no build may publish or print.
struct Secret {
    static let text = "HOSTILE-SECRET-\(0xC0FFEE)"
    let folder: URL
    var file: URL { folder.appendingPathComponent("secret.txt") }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("docent-secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data((Self.text + "\n").utf8).write(to: file)
        for name in ["index.md", "default.html", "ok.yml", "a.css"] {
            try Data(("---\ntitle: \(Self.text)\n---\n" + Self.text + "\n").utf8).write(
                to: folder.appendingPathComponent(name))
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

extension SiteFixture {
    /// A symbolic link at `path` in the site to `target`.
    func link(_ path: String, to target: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: url, withDestinationURL: target)
    }
}
