import DocentSite
import DocentTestSupport
import Foundation
import Testing

/// After each edit, the site the incremental build keeps is byte-identical to a clean build of the same files,
/// and only the pages the edit affects were rendered again.
@Suite struct IncrementalBuildTests {
    /// Applies updates to a file map, as the preview store does.
    struct Mirror {
        var files: [String: [UInt8]] = [:]
        var siteFiles: SiteFilesSnapshot?

        mutating func apply(_ update: IncrementalBuild.Update) {
            for (path, bytes) in update.written { files[path] = bytes }
            for path in update.removed where update.written[path] == nil { files.removeValue(forKey: path) }
            siteFiles = update.siteFiles
        }

        var all: [String: [UInt8]] {
            var all = files
            for path in siteFiles?.paths ?? [] { all[path] = siteFiles?.file(path) }
            return all
        }
    }

    func expectSameAsCleanBuild(_ site: TestSite, _ mirror: Mirror, step: String) {
        let clean = site.cleanBuild()
        #expect(clean.diagnostics.errorCount == 0, "\(step): clean build has errors \(clean.diagnostics)")
        let served = mirror.all
        let differing = Set(clean.files.keys).union(served.keys).filter { clean.files[$0] != served[$0] }.sorted()
        #expect(differing.isEmpty, "\(step): differs from a clean build in \(differing)")
    }

    @Test func everyEditKeepsTheSiteIdenticalToACleanBuild() throws {
        let site = try TestSite(TestSite.small)
        defer { site.remove() }
        let build = IncrementalBuild(options: site.options)
        var mirror = Mirror()
        let first = build.build()
        #expect(first.succeeded, "\(first.diagnostics)")
        mirror.apply(first)
        expectSameAsCleanBuild(site, mirror, step: "first build")

        func step(_ name: String, _ changed: Set<String>, rendered: Int? = nil, edit: () throws -> Void) throws {
            try edit()
            let update = build.update(changed: changed)
            #expect(update.succeeded, "\(name): \(update.diagnostics)")
            if let rendered { #expect(update.renderedPages == rendered, "\(name): rendered \(update.renderedPages)") }
            mirror.apply(update)
            expectSameAsCleanBuild(site, mirror, step: name)
        }

        try step("page body", ["content/guides/other.md"], rendered: 1) {
            try site.write("content/guides/other.md", "---\ntitle: Other\nlayout: plain\n---\nPlain page, edited.\n")
        }
        try step("include used by one page", ["templates/includes/note.md"], rendered: 1) {
            try site.write("templates/includes/note.md", "A note for {{ include.who }}!")
        }
        try step("include used by every default page", ["templates/includes/footer.html"], rendered: 3) {
            try site.write(
                "templates/includes/footer.html",
                "<footer>© {{ site.data.product.name }} {{ site.data.product.version }}</footer>")
        }
        try step("layout", ["templates/layouts/plain.html"], rendered: 1) {
            try site.write("templates/layouts/plain.html", "<body><h1>{{ page.title }}</h1>{{ content }}</body>\n")
        }
        try step("data file", ["content/_data/product.yml"], rendered: 3) {
            try site.write("content/_data/product.yml", "name: Insomnia\nversion: 10\n")
        }
        try step("title shown in a breadcrumb", ["content/index.md"]) {
            try site.write("content/index.md", "---\ntitle: Start\n---\nWelcome. See [the guide](guides/setup.md).\n")
        }
        try step("new page", ["content/guides/new.md"]) {
            try site.write("content/guides/new.md", "---\ntitle: New\n---\nFresh. Back to [setup](setup.md).\n")
        }
        try step("rename a linked page", ["content/guides/setup.md", "content/guides/install.md"]) {
            try site.move("content/guides/setup.md", to: "content/guides/install.md")
        }
        try step("delete a page", ["content/guides/new.md"]) {
            try site.delete("content/guides/new.md")
        }
        try step("stylesheet", ["assets/site.css"]) {
            try site.write("assets/site.css", "body { color: navy; }\n")
        }
        try step("new asset folder", ["assets/img"]) {
            try site.write("assets/img/logo.svg", "<svg/>")
        }
        try step("new layout a page asked for", ["templates/layouts/wide.html", "content/guides/other.md"]) {
            try site.write("templates/layouts/wide.html", "<div class=wide>{{ content }}</div>")
            try site.write("content/guides/other.md", "---\ntitle: Other\nlayout: wide\n---\nWide page.\n")
        }
        try step("config", ["docent.yml"]) {
            try site.write("docent.yml", "title: Renamed Docs\nbaseurl: \"\"\n")
        }
    }

    @Test func aOnePageEditRendersOnlyThatPage() throws {
        let site = try TestSite.repositorySite()
        defer { site.remove() }
        let build = IncrementalBuild(options: site.options)
        var mirror = Mirror()
        let first = build.build()
        mirror.apply(first)
        let page = "content/insomnia/scim.md"
        var text = try site.read(page)
        text += "\nOne more sentence about SCIM.\n"
        try site.write(page, text)
        let update = build.update(changed: [page])
        #expect(update.renderedPages == 1)
        #expect(update.written.keys.sorted() == ["insomnia/scim/index.html"])
        mirror.apply(update)
        expectSameAsCleanBuild(site, mirror, step: "scim edit")
    }

    @Test func theRepositorySiteStaysIdenticalThroughIncludeLayoutNavigationAndTitleEdits() throws {
        let site = try TestSite.repositorySite()
        defer { site.remove() }
        let build = IncrementalBuild(options: site.options)
        var mirror = Mirror()
        mirror.apply(build.build())
        expectSameAsCleanBuild(site, mirror, step: "first build")
        let edits: [(String, (String) -> String)] = [
            ("templates/includes/footer.html", { $0 + "\n<!-- edited -->\n" }),
            ("templates/layouts/default.html", { $0.replacingOccurrences(of: "</body>", with: "<!-- x --></body>") }),
            ("content/_data/navigation.yml", { $0 + "\n" }),
            ("content/insomnia/sso.md", { $0.replacingOccurrences(of: "title: ", with: "title: Renamed ") }),
        ]
        for (path, change) in edits {
            try site.write(path, change(try site.read(path)))
            let update = build.update(changed: [path])
            #expect(update.succeeded, "\(path): \(update.diagnostics)")
            mirror.apply(update)
            expectSameAsCleanBuild(site, mirror, step: path)
        }
    }

    @Test func aBrokenPageReportsItsErrorAndTheFixRecovers() throws {
        let site = try TestSite(TestSite.small)
        defer { site.remove() }
        let build = IncrementalBuild(options: site.options)
        var mirror = Mirror()
        mirror.apply(build.build())
        try site.write("content/guides/other.md", "---\ntitle: Other\n---\n{% unknowntag %}\n")
        let broken = build.update(changed: ["content/guides/other.md"])
        #expect(!broken.succeeded)
        #expect(
            broken.diagnostics.contains { $0.location?.file == "content/guides/other.md" && $0.location?.line == 4 })
        try site.write("content/guides/other.md", "---\ntitle: Other\n---\nFixed.\n")
        let fixed = build.update(changed: ["content/guides/other.md"])
        #expect(fixed.succeeded, "\(fixed.diagnostics)")
        mirror.apply(broken)
        mirror.apply(fixed)
        expectSameAsCleanBuild(site, mirror, step: "after the fix")
    }

    @Test func redirectPagesFollowEditsAsACleanBuildWritesThem() throws {
        var files = TestSite.small
        files["content/guides/setup.md"] =
            "---\ntitle: Setup\nredirect_from: [/old-setup/, /setup.html]\n---\n## First step\n"
        let site = try TestSite(files)
        defer { site.remove() }
        let build = IncrementalBuild(options: site.options)
        var mirror = Mirror()
        mirror.apply(build.build())
        #expect(
            mirror.files["old-setup/index.html"].map { String(decoding: $0, as: UTF8.self) }?
                .contains("url=/guides/setup/") == true)
        expectSameAsCleanBuild(site, mirror, step: "first build")
        try site.write("content/guides/setup.md", "---\ntitle: Setup\nredirect_from: /older/\n---\n## First step\n")
        let update = build.update(changed: ["content/guides/setup.md"])
        #expect(update.removed.isSuperset(of: ["old-setup/index.html", "setup.html"]))
        mirror.apply(update)
        expectSameAsCleanBuild(site, mirror, step: "redirects edited")
        #expect(mirror.files["older/index.html"] != nil)
    }

    @Test func postsAndTheirFeedFollowEditsAsACleanBuildWritesThem() throws {
        let site = try TestSite([
            "_config.yml": "title: News\nurl: https://example.com\nplugins: [jekyll-feed]\n",
            "_layouts/default.html": "<main>{{ content }}</main>",
            "_posts/2024-01-01-first.md": "---\nlayout: default\n---\nFirst post.\n",
            "_posts/2024-02-01-second.md": "---\nlayout: default\n---\n{{ page.previous.title }} came before.\n",
            "index.html": "---\n---\n{% for p in site.posts %}{{ p.title }};{% endfor %}",
        ])
        defer { site.remove() }
        let build = IncrementalBuild(options: site.options)
        var mirror = Mirror()
        mirror.apply(build.build())
        #expect(mirror.files["feed.xml"].map { String(decoding: $0, as: UTF8.self) }?.contains("First post.") == true)
        expectSameAsCleanBuild(site, mirror, step: "first build")
        try site.write("_posts/2024-01-01-first.md", "---\nlayout: default\ntitle: Renamed\n---\nEdited post.\n")
        mirror.apply(build.update(changed: ["_posts/2024-01-01-first.md"]))
        expectSameAsCleanBuild(site, mirror, step: "post edited")
        try site.write("_posts/2024-03-01-third.md", "---\n---\nThird.\n")
        mirror.apply(build.update(changed: ["_posts/2024-03-01-third.md"]))
        expectSameAsCleanBuild(site, mirror, step: "post added")
        #expect(mirror.files["feed.xml"].map { String(decoding: $0, as: UTF8.self) }?.contains("Third.") == true)
    }
}
