import DocentTestSupport
import Foundation
import Testing

@testable import DocentSite

/// `docent build`'s persistent cache (`.docent-cache/pages/`): after any edit, a build that reuses the pages whose
/// inputs did not change writes exactly what a clean build of the edited site writes, and renders only the pages
/// the edit affects; a damaged or foreign cache is never trusted.
@Suite struct BuildCacheTests {
    static let site: [String: String] = [
        "docent.yml": "title: Test Docs\nbaseurl: \"\"\n",
        "templates/layouts/default.html":
            "<!doctype html>\n<html><head><title>{{ page.title }}</title></head>\n<body>{% include header.html %}<main>{{ content }}</main>\n{% include footer.html %}</body></html>\n",
        "templates/layouts/plain.html": "<body><p>{{ page.title }}</p>{{ content }}</body>\n",
        "templates/includes/header.html": "<header>{{ site.title }}</header>",
        "templates/includes/footer.html":
            "<footer>{{ site.data.product.name }} {{ site.data.product.version }}</footer>",
        "templates/includes/note.md": "Note for {{ include.who }}.",
        "content/_data/product.yml": "name: Insomnia\nversion: 9\n",
        "content/index.md": "---\ntitle: Home\n---\nWelcome. See [the guide](guides/setup.md).\n",
        "content/guides/setup.md":
            "---\ntitle: Setup\nbreadcrumbs:\n  - /\n---\n## First step\n\n{% include note.md who=\"Ada\" %}\n",
        "content/guides/other.md": "---\ntitle: Other\nlayout: plain\n---\nPlain page.\n",
        "content/guides/more.md": "---\ntitle: More\nlayout: plain\n---\nMore words to search.\n",
        "content/404.md": "---\ntitle: Lost\npermalink: /404.html\n---\nThis page is not here.\n",
        "assets/site.css": "body { color: black; }\n",
    ]

    /// A build of `site` into memory, with the cache (as Docent `version`) or without one.
    static func build(_ site: TemporarySite, cached: Bool = true, version: String = "1") -> (
        result: BuildResult, files: [String: [UInt8]]
    ) {
        var options = site.options
        if cached { options.cache = BuildCache(root: site.root, toolVersion: version) }
        let output = MemoryOutput()
        let result = SiteBuilder(options: options).build(into: output)
        return (result, output.files)
    }

    /// The cached build's files are the clean build's, byte for byte.
    static func expectSameAsCleanBuild(
        _ cached: [String: [UInt8]], _ site: TemporarySite, _ step: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let clean = build(site, cached: false).files
        #expect(cached.keys.sorted() == clean.keys.sorted(), "\(step): other files", sourceLocation: sourceLocation)
        for (path, bytes) in clean where cached[path] != bytes {
            Issue.record(
                "\(step): \(path) differs:\n\(String(decoding: cached[path] ?? [], as: UTF8.self))\n--- clean ---\n\(String(decoding: bytes, as: UTF8.self))",
                sourceLocation: sourceLocation)
        }
    }

    @Test func everyKindOfEditGivesTheCleanBuildsBytesAndRendersOnlyWhatItAffects() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        var version = "1"
        func step(_ name: String, rendered: Int, edit: () throws -> Void) throws {
            try edit()
            let (result, files) = Self.build(site, version: version)
            #expect(result.succeeded, "\(name): \(result.messages)")
            #expect(!result.diagnostics.contains { $0.id == "cache.unreadable" }, "\(name)")
            #expect(result.cache?.rendered == rendered, "\(name): rendered \(result.cache?.rendered ?? -1)")
            #expect(
                (result.cache?.rendered ?? 0) + (result.cache?.reused ?? 0) == result.pages.count,
                "\(name): every page is rendered or reused")
            Self.expectSameAsCleanBuild(files, site, name)
        }
        try step("first build, empty cache", rendered: 5) {}
        try step("nothing changed", rendered: 0) {}
        try step("page body", rendered: 1) {
            try site.write("content/guides/other.md", "---\ntitle: Other\nlayout: plain\n---\nPlain page, edited.\n")
        }
        try step("include used by one page", rendered: 1) {
            try site.write("templates/includes/note.md", "A note for {{ include.who }}!")
        }
        try step("include used by every default page", rendered: 3) {
            try site.write("templates/includes/footer.html", "<footer>© {{ site.data.product.name }}</footer>")
        }
        try step("layout", rendered: 2) {
            try site.write("templates/layouts/plain.html", "<body><h1>{{ page.title }}</h1>{{ content }}</body>\n")
        }
        try step("data file", rendered: 3) {
            try site.write("content/_data/product.yml", "name: Insomnia Enterprise\n")
        }
        try step("data file no page reads", rendered: 0) {
            try site.write("content/_data/unused.yml", "a: 1\n")
        }
        try step("title shown in a breadcrumb", rendered: 2) {
            try site.write("content/index.md", "---\ntitle: Start\n---\nWelcome. See [the guide](guides/setup.md).\n")
        }
        try step("static asset", rendered: 0) {
            try site.write("assets/site.css", "body { color: navy; }\n")
        }
        try step("new page", rendered: 1) {
            try site.write("content/guides/new.md", "---\ntitle: New\nlayout: plain\n---\nFresh.\n")
        }
        try step("rename a linked page", rendered: 2) {
            try site.move("content/guides/setup.md", to: "content/guides/install.md")
        }
        try step("delete a page", rendered: 0) {
            try site.delete("content/guides/new.md")
        }
        try step("config", rendered: 5) {
            try site.write("docent.yml", "title: Renamed Docs\nbaseurl: \"\"\n")
        }
        try step("Docent upgrade", rendered: 5) { version = "2" }
        try step("nothing changed after all that", rendered: 0) {}
        let entries = try FileManager.default.contentsOfDirectory(
            atPath: site.root.appendingPathComponent(".docent-cache/pages").path)
        #expect(entries.count == 5, "the renamed and deleted pages' entries are gone: \(entries)")
    }

    @Test func theRepositorySiteGivesTheCleanBuildsBytesAfterAOnePageEdit() throws {
        let site = try TemporarySite.repositorySite()
        defer { site.remove() }
        let first = Self.build(site)
        #expect(first.result.succeeded, "\(first.result.messages)")
        Self.expectSameAsCleanBuild(first.files, site, "first build")
        // Pages with problems or walkthroughs are rendered on every build; the others come from the cache.
        let unchanged = Self.build(site).result.cache?.rendered ?? -1
        #expect(unchanged < (first.result.cache?.rendered ?? 0) / 2)
        let page = "content/insomnia/scim.md"
        try site.write(page, try site.read(page) + "\nOne more sentence about SCIM.\n")
        let (result, files) = Self.build(site)
        #expect(result.cache?.rendered == unchanged + 1, "\(String(describing: result.cache))")
        Self.expectSameAsCleanBuild(files, site, "one page edited")
    }

    @Test func aPageWithTabsTakenFromTheCacheStillGetsTheTabsRuntime() throws {
        let site = try TemporarySite(
            Self.site.merging([
                "content/guides/tabs.md":
                    "---\ntitle: Tabs\n---\n{% tabs %}\n{% tab \"macOS\" %}\nbrew\n{% endtab %}\n{% tab \"Linux\" %}\napt\n{% endtab %}\n{% endtabs %}\n"
            ]) { $1 })
        defer { site.remove() }
        func build() -> (BuildResult, [String: [UInt8]]) {
            var options = site.options
            options.cache = BuildCache(root: site.root, toolVersion: "1")
            options.writesTabsRuntime = true
            let output = MemoryOutput()
            return (SiteBuilder(options: options).build(into: output), output.files)
        }
        let (first, firstFiles) = build()
        #expect(first.succeeded, "\(first.messages)")
        let (second, secondFiles) = build()
        #expect(second.cache?.rendered == 0, "\(String(describing: second.cache))")
        #expect(secondFiles == firstFiles)
        #expect(secondFiles.keys.contains { $0.hasSuffix("tabs.js") })
    }

    @Test func postsTheirNeighboursAndTheFeedFollowEdits() throws {
        let site = try TemporarySite([
            "_config.yml": "title: News\nurl: https://example.com\nplugins: [jekyll-feed]\n",
            "_layouts/default.html": "<main>{{ content }}</main>",
            "_posts/2024-01-01-first.md": "---\nlayout: default\n---\nFirst post.\n",
            "_posts/2024-02-01-second.md": "---\nlayout: default\n---\n{{ page.previous.title }} came before.\n",
            "index.html": "---\n---\n{% for p in site.posts %}{{ p.title }};{% endfor %}",
            "about.md": "---\ntitle: About\n---\nAbout us.\n",
        ])
        defer { site.remove() }
        _ = Self.build(site)
        let edits: [(String, () throws -> Void)] = [
            (
                "post edited",
                {
                    try site.write(
                        "_posts/2024-01-01-first.md", "---\nlayout: default\ntitle: Renamed\n---\nEdited post.\n")
                }
            ),
            ("post added", { try site.write("_posts/2024-03-01-third.md", "---\n---\nThird.\n") }),
            ("page edited", { try site.write("about.md", "---\ntitle: About\n---\nAbout us, edited.\n") }),
        ]
        for (name, edit) in edits {
            try edit()
            let (result, files) = Self.build(site)
            #expect(result.succeeded, "\(name): \(result.messages)")
            Self.expectSameAsCleanBuild(files, site, name)
        }
        let (result, _) = Self.build(site)
        #expect(result.cache?.rendered == 0)
    }

    @Test func aDamagedTruncatedOrForeignEntryIsIgnoredWithAWarning() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        _ = Self.build(site)
        let cache = BuildCache(root: site.root)
        let entry = cache.entryURL(sitePath: "content/guides/other.md")
        let good = try [UInt8](Data(contentsOf: entry))
        let damaged: [(String, [UInt8])] = [
            ("a flipped byte", good.enumerated().map { $0.offset == good.count - 3 ? $0.element ^ 0x20 : $0.element }),
            ("truncated", Array(good.prefix(good.count / 2))),
            ("only half a header", Array(good.prefix(5))),
            ("another format version", good.enumerated().map { $0.offset == 8 ? $0.element &+ 1 : $0.element }),
            ("not Docent's", Array("{\"version\": 1}".utf8)),
            ("empty", []),
        ]
        for (name, bytes) in damaged {
            try Data(bytes).write(to: entry)
            let (result, files) = Self.build(site)
            #expect(result.diagnostics.filter { $0.id == "cache.unreadable" }.count == 1, "\(name): \(result.messages)")
            #expect(result.diagnostics.first { $0.id == "cache.unreadable" }?.severity == .warning)
            #expect(result.cache?.rendered == 1, "\(name)")
            Self.expectSameAsCleanBuild(files, site, name)
            let (again, _) = Self.build(site)
            #expect(again.diagnostics.isEmpty && again.cache?.rendered == 0, "\(name): the entry was rewritten")
        }
    }

    @Test func aDamagedRecordOfThePageFilesIsIgnoredWithAWarning() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        // Page files are recorded (and their hashes trusted) only two seconds after their last change.
        Thread.sleep(forTimeInterval: 2.1)
        _ = Self.build(site)
        let sources = site.root.appendingPathComponent(".docent-cache/sources")
        let good = try [UInt8](Data(contentsOf: sources))
        #expect(good.count > 100, "every page file is recorded")
        try Data(good.prefix(good.count - 7)).write(to: sources)
        let (result, files) = Self.build(site)
        #expect(result.diagnostics.map(\.id) == ["cache.unreadable"], "\(result.messages)")
        #expect(result.cache?.rendered == 0, "the entries are still checked against the pages' hashes")
        Self.expectSameAsCleanBuild(files, site, "damaged record")
        // An edit that keeps the file's size is seen: its times moved, and it changed less than two seconds ago.
        try site.write("content/guides/other.md", "---\ntitle: Other\nlayout: plain\n---\nPlain page!\n")
        let (edited, editedFiles) = Self.build(site)
        #expect(edited.diagnostics.isEmpty && edited.cache?.rendered == 1)
        Self.expectSameAsCleanBuild(editedFiles, site, "same size edit")
    }

    @Test func anEntryOfTheSameFormatButAnotherPageIsNotUsed() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        _ = Self.build(site)
        let cache = BuildCache(root: site.root)
        let other = try Data(contentsOf: cache.entryURL(sitePath: "content/guides/more.md"))
        try other.write(to: cache.entryURL(sitePath: "content/guides/other.md"))
        let (result, files) = Self.build(site)
        #expect(result.cache?.rendered == 1)
        Self.expectSameAsCleanBuild(files, site, "swapped entry")
    }

    @Test func twoBuildsAtOnceLeaveAWholeCacheAndBothGiveTheCleanSite() async throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        let clean = Self.build(site, cached: false).files
        for round in 0..<3 {
            if round == 2 { try site.write("content/guides/other.md", "---\ntitle: Other\n---\nChanged.\n") }
            let expected = round == 2 ? Self.build(site, cached: false).files : clean
            let results = await withTaskGroup(of: [String: [UInt8]].self) { group in
                for _ in 0..<2 { group.addTask { Self.build(site).files } }
                var all: [[String: [UInt8]]] = []
                for await files in group { all.append(files) }
                return all
            }
            for files in results { #expect(files == expected, "round \(round)") }
        }
        let (after, files) = Self.build(site)
        #expect(after.diagnostics.isEmpty, "\(after.messages)")
        #expect(after.cache?.rendered == 0)
        Self.expectSameAsCleanBuild(files, site, "after concurrent builds")
    }

    @Test func theCacheStaysOutOfTheOutputAndOutOfGit() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        for _ in 0..<2 {
            let sink = try DirectoryOutput(destination: site.root.appendingPathComponent("_site"))
            var options = site.options
            options.cache = BuildCache(root: site.root)
            let result = SiteBuilder(options: options).build(into: sink, outputPath: "_site")
            #expect(result.succeeded, "\(result.messages)")
            try sink.commit()
        }
        let written =
            FileManager.default.enumerator(atPath: site.root.appendingPathComponent("_site").path)?
            .compactMap { $0 as? String } ?? []
        #expect(written.contains("guides/other/index.html"))
        let entries = Set(
            try FileManager.default.contentsOfDirectory(
                atPath: site.root.appendingPathComponent(".docent-cache/pages").path))
        #expect(entries.count == 5)
        #expect(
            !written.contains { $0.contains("docent-cache") || entries.contains(($0 as NSString).lastPathComponent) })
        #expect(try site.read(".docent-cache/.gitignore").contains("*"))
    }

    @Test func unchangedPagesAreLinkedFromThePreviousSiteAndATamperedOneIsWrittenAgain() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        func build(_ folder: String, cached: Bool = true) throws {
            let sink = try DirectoryOutput(destination: site.root.appendingPathComponent(folder))
            var options = site.options
            if cached { options.cache = BuildCache(root: site.root) }
            let result = SiteBuilder(options: options).build(into: sink, outputPath: folder)
            #expect(result.succeeded, "\(result.messages)")
            try sink.commit()
        }
        func tree(_ folder: String) -> [String: Data] {
            let root = site.root.appendingPathComponent(folder)
            var files: [String: Data] = [:]
            for case let path as String in FileManager.default.enumerator(atPath: root.path)! {
                var isFolder: ObjCBool = false
                let full = root.appendingPathComponent(path).path
                if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                    files[path] = FileManager.default.contents(atPath: full)
                }
            }
            return files
        }
        func inode(_ path: String) throws -> Int {
            try
                (FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent(path).path)[
                    .systemFileNumber] as? NSNumber)?.intValue ?? -1
        }
        try build("_site")
        let more = try inode("_site/guides/more/index.html")
        let other = try inode("_site/guides/other/index.html")
        try site.write("content/guides/other.md", "---\ntitle: Other\nlayout: plain\n---\nPlain page, edited.\n")
        try build("_site")
        #expect(try inode("_site/guides/more/index.html") == more, "the unchanged page's file is the previous one")
        #expect(try inode("_site/guides/other/index.html") != other)
        try build("clean", cached: false)
        #expect(tree("_site") == tree("clean"))
        // A file of the output changed by hand is not the one the cache knows: it is written again.
        try Data("tampered".utf8).write(to: site.root.appendingPathComponent("_site/guides/more/index.html"))
        try build("_site")
        #expect(tree("_site") == tree("clean"))
    }

    @Test func aLinkedFileWrittenAgainLeavesThePreviousSiteAsItWas() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docent-link-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("_site")
        let file = destination.appendingPathComponent("a.html")
        let first = try DirectoryOutput(destination: destination)
        try first.write(Array("old".utf8), to: "a.html")
        try first.commit()
        let identity = try #require(SourceIdentities.outputIdentity(of: file.path))
        let second = try DirectoryOutput(destination: destination)
        #expect(second.reusePrevious("b.html", identity: identity) == nil)
        #expect(second.reusePrevious("a.html", identity: "0 0.0 0:0") == nil)
        #expect(second.reusePrevious("a.html", identity: identity) != nil)
        try second.write(Array("new".utf8), to: "a.html")
        #expect(try String(contentsOf: file, encoding: .utf8) == "old")
        second.discard()
        #expect(try String(contentsOf: file, encoding: .utf8) == "old")
        let third = try DirectoryOutput(destination: destination)
        #expect(third.reusePrevious("a.html", identity: identity) != nil)
        try third.commit()
        #expect(try String(contentsOf: file, encoding: .utf8) == "old", "a linked file survives the previous site")
    }

    @Test func aBuildWithoutTheCacheNeitherReadsNorWritesIt() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        let (result, _) = Self.build(site, cached: false)
        #expect(result.cache == nil)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".docent-cache").path))
    }
}
