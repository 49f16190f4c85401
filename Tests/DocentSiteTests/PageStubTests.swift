import DocentTestSupport
import Foundation
import Liquid
import Testing

@testable import DocentSite

/// A page the build cache makes from its stub (`PageStub`) is the page its file makes, its front matter's parts made
/// only when something reads them (`PageDetails`); a rebuild makes only the parts it reads, and a page that reads the
/// site's lists of pages still sees them.
@Suite struct PageStubTests {
    static let jekyllSite: [String: String] = [
        "_config.yml": """
        title: Acme Docs
        permalink: pretty
        collections:
          how-tos:
            output: true
        defaults:
          - scope:
              path: ""
            values:
              layout: default
              audience: admins

        """,
        "_layouts/default.html": "<h1>{{ page.title }}</h1>{{ content }}",
        "_layouts/list.html": "<ul>{% for p in site.pages %}<li>{{ p.title }}</li>{% endfor %}</ul>{{ content }}",
        "index.md": "---\ntitle: Home\nlayout: list\n---\nAll pages.\n",
        "a.md": "---\ntitle: Alpha\ndescription: \"First: the one\"\ntags: [x, y]\nredirect_from: [/old-a/]\n---\nA.\n",
        "b.md": "---\ntitle: \"\"\npermalink: /bravo/page.html\n---\nB.\n",
        "c.md": "---\ndraft: true\npublished: false\nnested:\n  list: [1, 2.5, \"three\"]\n---\nC.\n",
        "d.md": "---\ntitle: Dé\nredirect_to: https://example.com/\n---\nD.\n",
        "_how-tos/rotate.md": "---\ntitle: Rotate keys\n---\nRotate.\n",
        "howtos.md": "---\ntitle: How-tos\n---\n{% for d in site.how-tos %}{{ d.title }};{% endfor %}\n",
    ]

    /// Every page file of the site, made from its file and from its stub and record.
    static func bothWays(_ site: TemporarySite) throws -> [(file: Page, stub: Page)] {
        let options = site.options
        let (config, _) = BuildStages.configure(options, root: site.root)
        let discovered = BuildStages.discover(root: site.root, config: config, outputPath: "_site")
        let loader = PageLoader(root: site.root, config: config)
        let shared = PageLoader.Shared(loader)
        var pages: [(file: Page, stub: Page)] = []
        for file in discovered.pages {
            let load = loader.load(file, recording: true)
            let page = try #require(load.page, "\(file.sitePath)")
            let record = try #require(load.record, "\(file.sitePath) is recorded")
            #expect(load.diagnostics.isEmpty, "\(file.sitePath): \(load.diagnostics)")
            let stub = PageStub(page, body: record.body)
            let decoded = try #require(PageStub(encoded: stub.encoded[...]))
            #expect(decoded == stub, "\(file.sitePath): the stub survives its encoding")
            let encodedRecord = try #require(record.encoded)
            let made = PageLoader.load(file, stub: decoded, record: encodedRecord[...], with: shared)
            pages.append((page, made))
        }
        return pages
    }

    @Test func aPageMadeFromItsStubIsThePageItsFileMakesAndMakesItsFrontMatterOnFirstRead() throws {
        let site = try TemporarySite(Self.jekyllSite)
        defer { site.remove() }
        let pages = try Self.bothWays(site)
        #expect(pages.count == 7)
        for (file, stub) in pages {
            let path = file.sitePath
            #expect(!stub.detailsAreMade, "\(path): nothing read yet")
            #expect(stub.sitePath == file.sitePath && stub.contentPath == file.contentPath, "\(path)")
            #expect(stub.url == file.url && stub.outputPath == file.outputPath, "\(path)")
            #expect(stub.isMarkdown == file.isMarkdown && stub.collection == file.collection, "\(path)")
            #expect(stub.bodyLineOffset == file.bodyLineOffset, "\(path)")
            #expect(stub.bodySetAside == PageBodies.Fingerprint(file.body), "\(path): its body set aside")
            #expect(stub.title == file.title && stub.brief == file.brief, "\(path)")
            #expect(stub.value(forKey: "redirect_to") == file.value(forKey: "redirect_to"), "\(path)")
            #expect(stub.value(forKey: "redirect_from") == file.value(forKey: "redirect_from"), "\(path)")
            #expect(
                stub.detailsAreMade
                    == (file.value(forKey: "redirect_to") != nil
                        || file.value(forKey: "redirect_from") != nil),
                "\(path): a key the brief tells is absent makes nothing")
            #expect(stub.meta == file.meta, "\(path)")
            #expect(stub.detailsAreMade, "\(path): made once read")
            #expect(stub.values == file.values, "\(path)")
            #expect(stub.listValue == file.listValue, "\(path)")
            #expect(stub.keyPositions.encoded == file.keyPositions.encoded, "\(path)")
            for key in file.values.keys {
                #expect(stub.value(forKey: key) == file.value(forKey: key), "\(path) \(key)")
            }
        }
    }

    @Test func aStubThatIsNotWholeIsRefused() throws {
        let site = try TemporarySite(Self.jekyllSite)
        defer { site.remove() }
        let page = try #require(try Self.bothWays(site).first).file
        let encoded = PageStub(page, body: PageBodies.Fingerprint("x")).encoded
        for length in 0..<encoded.count { #expect(PageStub(encoded: encoded[..<length]) == nil, "cut at \(length)") }
        #expect(PageStub(encoded: (encoded + [0])[...]) == nil, "a byte too many")
    }

    @Test func aRebuildMakesOnlyTheFrontMatterItReadsAndAPageListingPagesStillListsThem() throws {
        let site = try TemporarySite(Self.jekyllSite)
        defer { site.remove() }
        // Files are recorded only two seconds after their last change.
        Thread.sleep(forTimeInterval: 2.1)
        _ = BuildCacheTests.build(site)
        try site.write("a.md", "---\ntitle: Alpha\ndescription: \"First: the one\"\ntags: [x, y]\n---\nA, edited.\n")
        Thread.sleep(forTimeInterval: 2.1)
        let (edited, editedFiles) = BuildCacheTests.build(site)
        #expect(edited.succeeded, "\(edited.messages)")
        BuildCacheTests.expectSameAsCleanBuild(editedFiles, site, "a page that lists pages renders again")
        // Its record now written: a body edit of a page that reads no list makes only that page's front matter.
        _ = BuildCacheTests.build(site)
        try site.write("b.md", "---\ntitle: \"\"\npermalink: /bravo/page.html\n---\nB, edited.\n")
        let (body, bodyFiles) = BuildCacheTests.build(site)
        #expect(body.cache?.rendered == 1 && body.cache?.loadedFromRecords == 6, "\(String(describing: body.cache))")
        let made = body.pages.filter { $0.page.detailsAreMade }.map(\.page.sitePath)
        #expect(made == ["b.md"], "only the page read from its file: \(made)")
        BuildCacheTests.expectSameAsCleanBuild(bodyFiles, site, "a page that reads no list")
        // The listing page's own body edit: rendered with the lists, which make every page's front matter.
        try site.write("index.md", "---\ntitle: Home\nlayout: list\n---\nAll the pages.\n")
        let (listing, listingFiles) = BuildCacheTests.build(site)
        #expect(listing.cache?.rendered == 1, "\(String(describing: listing.cache))")
        #expect(listing.pages.allSatisfy { $0.page.detailsAreMade }, "the lists read every page")
        BuildCacheTests.expectSameAsCleanBuild(listingFiles, site, "a page that lists pages")
    }

    @Test func aPageListingACollectionFollowsItsDocumentsTitles() throws {
        let site = try TemporarySite(Self.jekyllSite)
        defer { site.remove() }
        _ = BuildCacheTests.build(site)
        try site.write("_how-tos/rotate.md", "---\ntitle: Rotate the keys\n---\nRotate.\n")
        let (result, files) = BuildCacheTests.build(site)
        #expect(result.succeeded, "\(result.messages)")
        #expect(
            String(decoding: files["howtos/index.html"] ?? [], as: UTF8.self).contains("Rotate the keys;"),
            "the list shows the new title")
        BuildCacheTests.expectSameAsCleanBuild(files, site, "a collection document's title")
    }

    @Test func readingAListOfPagesIsToldApartFromReadingTheNavigationOrOtherKeys() throws {
        let engine = LiquidEngine()
        func references(_ text: String, collections: [String] = []) -> TemplateReferences {
            var references = TemplateReferences(liquid: text, file: "t.html", engine: engine)
            references.readingCollections(collections)
            return references
        }
        for text in ["{{ site.pages }}", "{{ site.tags.x }}", "{{ site.categories }}", "{% assign s = site %}{{ s }}"] {
            #expect(references(text).sitePages && references(text).readsLists, "\(text)")
        }
        #expect(references("{{ site.nav }}").sitePages && !references("{{ site.nav }}").readsLists)
        #expect(!references("{{ site.title }}").sitePages && !references("{{ site.title }}").readsLists)
        #expect(!references("{{ site.how-tos }}").readsLists, "not a collection of this site")
        #expect(references("{{ site.how-tos }}", collections: ["how-tos"]).readsLists)
        #expect(references("{{ site.how-tos }}", collections: ["how-tos"]).sitePages)
    }
}
