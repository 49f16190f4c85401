import DocentCommands
import DocentEnterprise
import DocentTestSupport
import Foundation
import Testing

@testable import DocentSite

/// `docent check`'s cache: a check of an unchanged site answers from `.docent-cache/` with the same
/// diagnostics; any change to what the build reads, or to the options, makes it check again; a damaged cache is
/// never trusted.
@Suite struct CheckCacheTests {
    private static let site: [String: String] = TemporarySite.basics.merging([
        "content/index.md": "---\ntitle: Home\n---\nSee [the guide](guide.md) and [nothing](missing.md).\n",
        "content/guide.md": "---\ntitle: Guide\n---\nHello\n",
        "templates/includes/note.html": "note",
        "assets/site.css": "body {}",
    ]) { $1 }

    @Test func everyKindOfChangeChangesTheFingerprintAndNothingElseDoes() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        var seen: Set<String> = []
        func fingerprint(_ options: BuildOptions? = nil) -> String {
            CheckCache.fingerprint(options: options ?? site.options)
        }
        let first = fingerprint()
        #expect(fingerprint() == first)
        try site.write("_site/index.html", "output is not input")
        try site.write(".docent-cache/check.json", "{}")
        #expect(fingerprint() == first, "the output folder, the cache or a removed file changed it")
        seen.insert(first)
        let edits: [(String, () throws -> Void)] = [
            ("page", { try site.write("content/guide.md", "---\ntitle: Guide\n---\nHello!\n") }),
            ("include", { try site.write("templates/includes/note.html", "note!") }),
            ("layout", { try site.write("templates/layouts/default.html", "{{ content }}") }),
            ("data", { try site.write("content/_data/x.yml", "a: 1\n") }),
            ("config", { try site.write("docent.yml", "title: Other\n") }),
            ("asset", { try site.write("assets/site.css", "body { color: red }") }),
            ("rename", { try site.move("content/guide.md", to: "content/guide-2.md") }),
            ("delete", { try site.delete("content/guide-2.md") }),
            ("screenshots", { try site.write(".docent-screenshots.json", "{}") }),
        ]
        for (kind, edit) in edits {
            try edit()
            #expect(seen.insert(fingerprint()).inserted, "a \(kind) edit left the fingerprint as it was")
        }
        var drafts = site.options
        drafts.includeDrafts = true
        #expect(seen.insert(fingerprint(drafts)).inserted, "--drafts left the fingerprint as it was")
        var base = site.options
        base.baseURL = "/docs"
        #expect(seen.insert(fingerprint(base)).inserted, "--baseurl left the fingerprint as it was")
    }

    /// The options `docent check --source ROOT` builds with (the simulation plugged in).
    private func commandLineOptions(_ site: TemporarySite) -> BuildOptions {
        var options = site.options
        options.simulation = EnterpriseSimulation()
        return options
    }

    @Test func anUnchangedSiteAnswersFromTheCacheWithTheSameDiagnostics() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        let arguments = ["check", "--source", site.root.path, "--format", "json"]
        #expect(DocentCommand.runMain(arguments) == 1)
        let cache = CheckCache(root: site.root)
        let fingerprint = CheckCache.fingerprint(options: commandLineOptions(site))
        let stored = try #require(cache.load(fingerprint: fingerprint).entry)
        #expect(stored.diagnostics.map(\.id) == ["link.broken"])
        #expect(stored.diagnostics.first?.location?.line == 4)
        #expect(FileManager.default.fileExists(atPath: cache.folder.appendingPathComponent(".gitignore").path))

        // The answer from the cache fails the same way; a fixed page is checked again and passes.
        #expect(DocentCommand.runMain(arguments) == 1)
        try site.write("content/index.md", "---\ntitle: Home\n---\nSee [the guide](guide.md).\n")
        #expect(DocentCommand.runMain(arguments) == 0)
        #expect(DocentCommand.runMain(arguments + ["--no-cache"]) == 0)
    }

    @Test func aDamagedOrForeignCacheIsNeverTrusted() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        let cache = CheckCache(root: site.root)
        let fingerprint = CheckCache.fingerprint(options: site.options)
        cache.store(CheckCache.Entry(fingerprint: fingerprint, pageCount: 2, diagnostics: []))
        #expect(cache.load(fingerprint: fingerprint).entry != nil)
        // Truncated: not read, and said so.
        let data = try Data(contentsOf: cache.file)
        try data.prefix(data.count / 2).write(to: cache.file)
        let truncated = cache.load(fingerprint: fingerprint)
        #expect(truncated.entry == nil)
        #expect(truncated.warning?.id == "cache.unreadable")
        // Another format version, or another site's fingerprint: a cold check.
        var foreign = CheckCache.Entry(fingerprint: fingerprint, pageCount: 2, diagnostics: [])
        foreign.version = 99
        try JSONEncoder().encode(foreign).write(to: cache.file)
        #expect(cache.load(fingerprint: fingerprint).entry == nil)
        cache.store(CheckCache.Entry(fingerprint: "other", pageCount: 2, diagnostics: []))
        #expect(cache.load(fingerprint: fingerprint).entry == nil)
        // A check over the damaged cache reports the site's real problems and rewrites it.
        try Data("garbage".utf8).write(to: cache.file)
        #expect(DocentCommand.runMain(["check", "--source", site.root.path]) == 1)
        let rewritten = cache.load(fingerprint: CheckCache.fingerprint(options: commandLineOptions(site)))
        #expect(rewritten.entry?.diagnostics.map(\.id) == ["link.broken"])
    }

    @Test func diagnosticsSurviveTheCacheExactly() throws {
        let diagnostic = Diagnostic(
            .warning, "include.parameter", "a \"quoted\" message\nwith a line",
            at: SourceLocation(file: "a.md", line: 3, column: 7),
            includeChain: [SourceLocation(file: "b.md", line: 1, column: 2)], note: "n", fixIt: "f")
        let entry = CheckCache.Entry(fingerprint: "x", pageCount: 1, diagnostics: [diagnostic, .error("x.y", "z")])
        let decoded = try JSONDecoder().decode(CheckCache.Entry.self, from: try JSONEncoder().encode(entry))
        #expect(decoded == entry)
    }
}
