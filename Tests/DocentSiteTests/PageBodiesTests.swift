import DocentTestSupport
import Foundation
import Testing

@testable import DocentSite

/// A large build keeps page bodies only up to a budget and reads the others again when they render
/// (`PageBodies`): the site written must be the same, and a file changed in between must stop the build.
@Suite struct PageBodiesTests {
    private static let site: [String: String] = SiteFixture.basics.merging([
        "docent.yml": "title: Test Docs\nbaseurl: \"\"\ndefaults:\n  - scope: {path: \"\"}\n    values: {tier: free}\n",
        "templates/includes/note.md": "A note for {{ include.who }} on {{ page.title }}.\n",
        "templates/layouts/default.html":
            "<title>{{ page.title }}</title>{% for p in site.pages %}<a href=\"{{ p.url }}\">{{ p.title }}</a>{% endfor %}"
            + "<main>{{ content }}</main><p>{{ page.tier }}</p>\n",
        "content/index.md": "---\ntitle: Home\n---\nHello, [setup](guides/setup.md).\n",
        "content/guides/setup.md":
            "---\ntitle: Setup\ntier: enterprise\n---\n\n## First step\n\n{% include note.md who=\"Ada\" %}\n\nÜnïcödé ✓\n",
        "content/guides/empty.md": "---\ntitle: Empty\n---\n",
        "content/guides/no-front-matter.md": "Just text, {{ page.url }}.\n",
        "content/guides/crlf.md": "---\r\ntitle: CRLF\r\n---\r\nLine one\r\n\r\nLine two\r\n",
        "content/style.css": "---\n---\nbody { color: red; }\n",
    ]) { $1 }

    private static func page(_ relativePath: String) -> SourceFile {
        SourceFile(kind: .page, sitePath: "content/" + relativePath, relativePath: relativePath, urlPrefix: "/")
    }

    private static func config(_ site: SiteFixture) -> SiteConfig {
        var diagnostics: [Diagnostic] = []
        return SiteConfig.load(root: site.root, explicitFile: nil, diagnostics: &diagnostics)
    }

    /// Builds into a real output folder (the staged, streaming path) and reads every file back.
    private func buildIntoFolder(_ site: SiteFixture, budget: Int) throws -> (BuildResult, [String: [UInt8]]) {
        var options = site.options
        options.pageTextBudget = budget
        let folder = site.root.appendingPathComponent("_site-\(budget)")
        let output = try DirectoryOutput(destination: folder)
        let result = SiteBuilder(options: options).build(into: output)
        guard result.succeeded else {
            output.discard()
            return (result, [:])
        }
        try output.commit()
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                path != DirectoryOutput.markerName
            else { continue }
            files[path] = Array(try Data(contentsOf: url))
        }
        return (result, files)
    }

    @Test func aBuildWithEveryBodySetAsideWritesTheSameSiteAsOneThatKeepsThem() throws {
        let site = try SiteFixture(Self.site)
        defer { site.remove() }
        let (kept, keptFiles) = try buildIntoFolder(site, budget: .max)
        let (setAside, setAsideFiles) = try buildIntoFolder(site, budget: 0)
        #expect(kept.diagnostics.isEmpty, "\(kept.messages)")
        #expect(setAside.diagnostics.isEmpty, "\(setAside.messages)")
        #expect(keptFiles.count > 6)
        #expect(setAsideFiles == keptFiles)
        let memory = site.build().output.files
        #expect(memory["guides/setup/index.html"] == keptFiles["guides/setup/index.html"])
    }

    @Test func aBudgetKeepsTheFirstBodiesAndSetsTheRestAside() throws {
        let site = try SiteFixture(Self.site)
        defer { site.remove() }
        let loader = PageLoader(root: site.root, config: Self.config(site))
        let bodies = PageBodies(root: site.root, budget: 40)
        var short = try #require(loader.load(Self.page("index.md")).page)
        var long = try #require(loader.load(Self.page("guides/setup.md")).page)
        bodies.keepOrSetAside(&short)
        bodies.keepOrSetAside(&long)
        #expect(short.bodySetAside == nil && !short.body.isEmpty)
        #expect(long.bodySetAside != nil && long.body.isEmpty)
        #expect(bodies.restore(&long) == nil)
        #expect(long.body == "\n## First step\n\n{% include note.md who=\"Ada\" %}\n\nÜnïcödé ✓\n")
    }

    @Test func aPageEditedBetweenLoadAndRenderStopsTheBuildRatherThanMixTwoVersions() throws {
        let site = try SiteFixture(Self.site)
        defer { site.remove() }
        let loader = PageLoader(root: site.root, config: Self.config(site))
        let bodies = PageBodies(root: site.root, budget: 0)
        for edit in ["---\ntitle: Setup\ntier: enterprise\n---\n\n## First step, edited\n", "---\ntitle: Setup\n"] {
            try site.write("content/guides/setup.md", Self.site["content/guides/setup.md"]!)
            var page = try #require(loader.load(Self.page("guides/setup.md")).page)
            bodies.keepOrSetAside(&page)
            try site.write("content/guides/setup.md", edit)
            let problem = try #require(bodies.restore(&page))
            #expect(problem.id == "source.changed")
            #expect(problem.location == SourceLocation(file: "content/guides/setup.md", line: 1, column: 1))
            #expect(page.body.isEmpty)
        }
        try site.delete("content/guides/setup.md")
        var page = try #require(loader.load(Self.page("index.md")).page)
        bodies.keepOrSetAside(&page)
        try site.delete("content/index.md")
        #expect(bodies.restore(&page)?.id == "source.changed")
    }
}
