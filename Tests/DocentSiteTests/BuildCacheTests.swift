import DocentTestSupport
import Foundation
import Liquid
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

    /// A build of `site` into its folder `folder` (as `docent build` writes: staged, then swapped in), with the cache
    /// (as Docent `version`) or without one; the files of the output.
    static func build(
        _ site: TemporarySite, cached: Bool = true, version: String = "1", folder: String? = nil,
        configure: (inout BuildOptions) -> Void = { _ in }
    ) -> (result: BuildResult, files: [String: [UInt8]]) {
        var options = site.options
        if cached { options.cache = BuildCache(root: site.root, toolVersion: version) }
        configure(&options)
        let folder = folder ?? (cached ? "_site" : "_clean")
        let destination = site.root.appendingPathComponent(folder)
        // The output folder is Docent's own (made beside the site's files in a temporary folder); with the cache, it
        // is updated in place as `docent build` does (`SiteManifest`).
        let sink = try! DirectoryOutput(destination: destination, manifest: options.cache?.siteManifestFile)
        let result = SiteBuilder(options: options).build(into: sink, outputPath: folder)
        if result.succeeded { try! sink.commit() } else { sink.discard() }
        return (result, tree(destination))
    }

    /// The files of a built site by path (without Docent's marker).
    static func tree(_ root: URL) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: root.path) ?? .init() {
            var isFolder: ObjCBool = false
            let full = root.appendingPathComponent(path).path
            if path != DirectoryOutput.markerName, FileManager.default.fileExists(atPath: full, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                files[path] = FileManager.default.contents(atPath: full).map { [UInt8]($0) }
            }
        }
        return files
    }

    /// How many pages the cache's pack has an entry for.
    static func packedPages(_ site: TemporarySite) -> Int {
        // Less the entry that names the world the keys were made under (`BuildCacheRun`).
        guard let reader = CachePack.Reader.open(BuildCache(root: site.root).packFile).reader else { return 0 }
        return reader.count - (reader.entry("") != nil ? 1 : 0)
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
        #expect(Self.packedPages(site) == 5, "the renamed and deleted pages' entries are gone")
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
            Self.build(site) { $0.writesTabsRuntime = true }
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

    @Test func aDamagedTruncatedOrForeignPackIsIgnoredWithAWarning() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        _ = Self.build(site)
        let pack = BuildCache(root: site.root).packFile
        let good = try [UInt8](Data(contentsOf: pack))
        let damaged: [(String, [UInt8])] = [
            (
                "a flipped byte in the index",
                good.enumerated().map { $0.offset == good.count - 3 ? $0.element ^ 0x20 : $0.element }
            ),
            ("truncated", Array(good.prefix(good.count / 2))),
            ("only half a header", Array(good.prefix(5))),
            ("not Docent's", Array("{\"version\": 1}".utf8)),
            ("empty", []),
        ]
        for (name, bytes) in damaged {
            try Data(bytes).write(to: pack)
            let (result, files) = Self.build(site)
            #expect(result.diagnostics.filter { $0.id == "cache.unreadable" }.count == 1, "\(name): \(result.messages)")
            #expect(result.diagnostics.first { $0.id == "cache.unreadable" }?.severity == .warning)
            #expect(result.cache?.rendered == 5, "\(name)")
            Self.expectSameAsCleanBuild(files, site, name)
            let (again, _) = Self.build(site)
            #expect(again.diagnostics.isEmpty && again.cache?.rendered == 0, "\(name): the pack was rewritten")
        }
        // Another format's pack (Docent upgraded) is no damage: its pages are rendered again without a warning.
        try Data(good.enumerated().map { $0.offset == 8 ? $0.element &+ 1 : $0.element }).write(to: pack)
        let (upgraded, files) = Self.build(site)
        #expect(upgraded.diagnostics.isEmpty && upgraded.cache?.rendered == 5, "\(upgraded.messages)")
        Self.expectSameAsCleanBuild(files, site, "another format version")
    }

    @Test func aDamagedEntryCostsOnlyItsPagesRender() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        _ = Self.build(site)
        let pack = BuildCache(root: site.root).packFile
        var bytes = try [UInt8](Data(contentsOf: pack))
        // An entry starts with its page's site path; the index, after the entries, names it again.
        let name = Array("content/guides/other.md".utf8)
        let at = try #require(
            (0..<(bytes.count - name.count)).first { bytes[$0..<($0 + name.count)].elementsEqual(name) })
        bytes[at + name.count + 4] ^= 0x01
        try Data(bytes).write(to: pack)
        let (result, files) = Self.build(site)
        #expect(result.diagnostics.map(\.id) == ["cache.unreadable"], "\(result.messages)")
        #expect(result.cache?.rendered == 1)
        Self.expectSameAsCleanBuild(files, site, "damaged entry")
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
        let url = BuildCache(root: site.root).packFile
        let reader = try #require(CachePack.Reader.open(url).reader)
        let writer = CachePack.Writer(url: url)
        let pages = Self.site.keys.filter { $0.hasPrefix("content/") && $0.hasSuffix(".md") }
        #expect(pages.count == Self.packedPages(site))
        for sitePath in pages {
            let source = sitePath == "content/guides/other.md" ? "content/guides/more.md" : sitePath
            guard case .success(let payload)? = reader.entry(source) else { continue }
            writer.add(sitePath, payload: Array(payload))
        }
        #expect(writer.finish())
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
                // Each into its own folder (a process stages one build per output folder).
                for folder in ["_site", "_site2"] { group.addTask { Self.build(site, folder: folder).files } }
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
        #expect(Self.packedPages(site) == 5)
        #expect(!written.contains { $0.contains("docent-cache") || $0.hasSuffix(".pack") })
        #expect(try site.read(".docent-cache/.gitignore").contains("*"))
    }

    @Test func underAnUnchangedWorldOnlyChangedPagesHaveTheirKeysComputedAndAnyOtherChangeChecksEveryKey() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        // Files saved under two seconds before a build are not recorded (their next change could keep their times).
        Thread.sleep(forTimeInterval: 2.1)
        _ = Self.build(site)
        let (again, _) = Self.build(site)
        #expect(again.cache?.keysTrusted == 5 && again.cache?.rendered == 0, "\(String(describing: again.cache))")
        // A body edit: the other pages' keys are trusted, the edited page's is computed (and differs).
        try site.write("content/guides/more.md", "---\ntitle: More\nlayout: plain\n---\nMore words, edited.\n")
        Thread.sleep(forTimeInterval: 2.1)
        let (body, bodyFiles) = Self.build(site)
        #expect(body.cache?.keysTrusted == 4 && body.cache?.rendered == 1, "\(String(describing: body.cache))")
        Self.expectSameAsCleanBuild(bodyFiles, site, "body edit")
        // A title shown in a breadcrumb changes the world: every key is computed, and the page showing it renders.
        try site.write("content/index.md", "---\ntitle: Start\n---\nWelcome. See [the guide](guides/setup.md).\n")
        let (title, titleFiles) = Self.build(site)
        #expect(title.cache?.keysTrusted == 0 && title.cache?.rendered == 2, "\(String(describing: title.cache))")
        Self.expectSameAsCleanBuild(titleFiles, site, "title edit")
        // An include no page uses changes the world too, and every key is computed again (all the same).
        try site.write("templates/includes/unused.html", "<p>unused</p>")
        let (include, _) = Self.build(site)
        #expect(include.cache?.keysTrusted == 0 && include.cache?.rendered == 0, "\(String(describing: include.cache))")
    }

    @Test func aFileThatGainsOrLosesItsFrontMatterChangesKindThoughTheCacheRecordedIt() throws {
        let site = try TemporarySite([
            "_config.yml": "title: Jekyll Site\n",
            "index.md": "---\ntitle: Home\n---\nHome.\n",
            "about.html": "---\ntitle: About\n---\n<p>{{ page.title }}</p>\n",
            "robots.txt": "---\n---\nSitemap: {{ site.url }}/sitemap.xml\n",
            "notes.txt": "Plain {{ notes }}.\n",
        ])
        defer { site.remove() }
        // Older than two seconds: recorded, so the next build finds them pages without opening them.
        Thread.sleep(forTimeInterval: 2.1)
        _ = Self.build(site)
        let (again, againFiles) = Self.build(site)
        #expect(again.cache?.loadedFromRecords == 3, "\(String(describing: again.cache))")
        Self.expectSameAsCleanBuild(againFiles, site, "unchanged")
        try site.write("robots.txt", "Sitemap: {{ site.url }}/sitemap.xml\n")
        try site.write("notes.txt", "---\n---\nPlain {{ page.url }}.\n")
        let (edited, files) = Self.build(site)
        #expect(edited.succeeded)
        #expect(String(decoding: files["robots.txt"] ?? [], as: UTF8.self) == "Sitemap: {{ site.url }}/sitemap.xml\n")
        #expect(String(decoding: files["notes.txt"] ?? [], as: UTF8.self) == "Plain /notes.txt.\n")
        Self.expectSameAsCleanBuild(files, site, "front matter moved")
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
        let checksum = CacheFile.checksum(Array("old".utf8)[...])
        #expect(second.reusePrevious("b.html", identity: identity, checksum: checksum) == nil)
        #expect(second.reusePrevious("a.html", identity: "0 0.0 0:0", checksum: checksum &+ 1) == nil)
        #expect(second.reusePrevious("a.html", identity: identity, checksum: checksum) != nil)
        try second.write(Array("new".utf8), to: "a.html")
        #expect(try String(contentsOf: file, encoding: .utf8) == "old")
        second.discard()
        #expect(try String(contentsOf: file, encoding: .utf8) == "old")
        let third = try DirectoryOutput(destination: destination)
        // A file with other times and inode (a site folder restored from a CI cache) but the same bytes is linked.
        #expect(third.reusePrevious("a.html", identity: "0 0.0 0:0", checksum: checksum) != nil)
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

/// The cache's records of the page files (`FrontMatterRecord`): an unchanged file is neither read nor parsed, and the
/// site is still the clean build's after any edit.
@Suite struct LoadCacheTests {
    @Test func unchangedPageFilesAreMadeFromTheirRecordsAndEditsAreSeen() throws {
        let site = try TemporarySite(BuildCacheTests.site)
        defer { site.remove() }
        // Files are recorded only two seconds after their last change (a change within the clock's tick is unseen).
        Thread.sleep(forTimeInterval: 2.1)
        let first = BuildCacheTests.build(site)
        #expect(first.result.cache?.loadedFromRecords == 0)
        let second = BuildCacheTests.build(site)
        #expect(second.result.cache?.loadedFromRecords == 5, "\(String(describing: second.result.cache))")
        #expect(second.result.cache?.rendered == 0)
        BuildCacheTests.expectSameAsCleanBuild(second.files, site, "every page from its record")
        // What a page shows of another follows the other's front matter, not its body.
        let edits: [(String, String, String, rendered: Int)] = [
            ("a body", "content/guides/other.md", "---\ntitle: Other\nlayout: plain\n---\nPlain page, edited.\n", 1),
            (
                "a title another page shows", "content/index.md",
                "---\ntitle: Start\n---\nWelcome. See [the guide](guides/setup.md).\n", 2
            ),
            ("a layout named", "content/guides/more.md", "---\ntitle: More\n---\nMore words to search.\n", 1),
        ]
        for (name, path, text, rendered) in edits {
            // The last edit's file is recorded by a build two seconds after it.
            Thread.sleep(forTimeInterval: 2.1)
            _ = BuildCacheTests.build(site)
            try site.write(path, text)
            let (result, files) = BuildCacheTests.build(site)
            #expect(result.succeeded, "\(name): \(result.messages)")
            #expect(result.cache?.loadedFromRecords == 4, "\(name)")
            #expect(result.cache?.rendered == rendered, "\(name): \(String(describing: result.cache))")
            BuildCacheTests.expectSameAsCleanBuild(files, site, name)
        }
        // Another config: every page renders again, still made from its record (what other pages see of it is
        // hashed again under the new config).
        Thread.sleep(forTimeInterval: 2.1)
        _ = BuildCacheTests.build(site)
        try site.write("docent.yml", "title: Renamed Docs\nbaseurl: \"\"\n")
        let (renamed, renamedFiles) = BuildCacheTests.build(site)
        #expect(renamed.cache?.loadedFromRecords == 5 && renamed.cache?.rendered == 5)
        BuildCacheTests.expectSameAsCleanBuild(renamedFiles, site, "config")
        let (again, againFiles) = BuildCacheTests.build(site)
        #expect(again.cache?.loadedFromRecords == 5 && again.cache?.rendered == 0)
        BuildCacheTests.expectSameAsCleanBuild(againFiles, site, "config, built again")
    }

    @Test func aRecordedPageWhoseIncludeChangedIsRenderedFromItsFileAgain() throws {
        let site = try TemporarySite(BuildCacheTests.site)
        defer { site.remove() }
        Thread.sleep(forTimeInterval: 2.1)
        _ = BuildCacheTests.build(site)
        _ = BuildCacheTests.build(site)
        try site.write("templates/includes/note.md", "A changed note for {{ include.who }}.")
        let (result, files) = BuildCacheTests.build(site)
        #expect(result.cache?.loadedFromRecords == 5 && result.cache?.rendered == 1)
        BuildCacheTests.expectSameAsCleanBuild(files, site, "include changed")
    }

    @Test func aRecordsBytesDoNotDependOnItsDictionariesOrder() throws {
        let keys = (0..<200).map { "key\($0)" }
        var forward: [String: LiquidValue] = [:]
        for key in keys { forward[key] = .string(key) }
        var backward: [String: LiquidValue] = [:]
        backward.reserveCapacity(4096)
        for key in keys.reversed() { backward[key] = .string(key) }
        func encoded(_ values: [String: LiquidValue]) -> [UInt8]? {
            FrontMatterRecord(
                values: .object(["nested": .object(values)]), keyPositions: KeyPositions(), bodyLineOffset: 0,
                body: PageBodies.Fingerprint("")
            ).encoded
        }
        let first = try #require(encoded(forward))
        #expect(first == encoded(backward))
        #expect(
            FrontMatterRecord.summaryHash(of: first[...], sitePath: "a.md")
                == FrontMatterRecord.summaryHash(of: try #require(encoded(backward))[...], sitePath: "a.md"))
    }

    @Test func frontMatterRecordsSurviveTheirEncodingAndRefuseWhatTheyCannotHold() throws {
        let yaml = "title: T\ntags: [a, 1, 2.5, true, null]\nnested:\n  list:\n    - x: 1\n"
        guard case .success(let data) = YAMLData.parse(yaml) else { Issue.record("parse"); return }
        let record = FrontMatterRecord(
            values: data.value, keyPositions: KeyPositions(data.positions), bodyLineOffset: 7,
            body: PageBodies.Fingerprint("body text"))
        let bytes = try #require(record.encoded)
        let decoded = try #require(FrontMatterRecord(encoded: bytes[...]))
        #expect(decoded == record)
        // Records are decoded from slices of the pack they are in, which start anywhere in it.
        let pack: [UInt8] = [7, 7, 7] + bytes + [9]
        #expect(FrontMatterRecord(encoded: pack[3..<(3 + bytes.count)]) == record)
        #expect(decoded.keyPositions.position(of: "nested.list[0].x")?.line == data.positions["nested.list[0].x"]?.line)
        var deep = LiquidValue.string("x")
        for _ in 0..<100 { deep = .array([deep]) }
        let tooDeep = FrontMatterRecord(
            values: deep, keyPositions: KeyPositions(), bodyLineOffset: 0, body: record.body)
        #expect(tooDeep.encoded == nil)
        // A damaged record is refused rather than trap or loop.
        for cut in 0..<bytes.count { #expect(FrontMatterRecord(encoded: bytes.prefix(cut)) == nil) }
    }
}

/// A site whose `.docent-cache` leads elsewhere (a pull request can commit a symbolic link) gets no cache there.
@Suite struct CacheFolderSafetyTests {
    @Test func aCacheFolderThatIsALinkIsNeitherReadNorWrittenAndSaysSo() throws {
        let site = try TemporarySite(BuildCacheTests.site)
        defer { site.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("docent-outside-\(UUID())")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent(".docent-cache"), withDestinationURL: outside)
        let (result, files) = BuildCacheTests.build(site)
        #expect(result.succeeded)
        #expect(result.diagnostics.map(\.id) == ["cache.unusable"], "\(result.messages)")
        #expect(result.cache == nil)
        BuildCacheTests.expectSameAsCleanBuild(files, site, "without the cache")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty, "nothing written outside")
        // `docent check`'s cache too.
        CheckCache(root: site.root).store(.init(fingerprint: "x", pageCount: 1, diagnostics: []))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test func aLinkAtTheNameOfACacheFileIsReplacedNotWrittenThrough() throws {
        let site = try TemporarySite(BuildCacheTests.site)
        defer { site.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("docent-target-\(UUID())")
        defer { try? FileManager.default.removeItem(at: outside) }
        let folder = site.root.appendingPathComponent(".docent-cache")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in [".gitignore", "pages.pack", "sources", "outputs"] {
            try FileManager.default.createSymbolicLink(
                at: folder.appendingPathComponent(name), withDestinationURL: outside)
        }
        let (result, files) = BuildCacheTests.build(site)
        #expect(result.succeeded, "\(result.messages)")
        BuildCacheTests.expectSameAsCleanBuild(files, site, "links in the cache folder")
        #expect(!FileManager.default.fileExists(atPath: outside.path), "nothing written through a link")
    }
}
