import DocentTestSupport
import Foundation
import Liquid
import Testing

@testable import DocentSite

/// A page holds its values once, as the lists show it (`PageValues`); one value read by key (`value(forKey:)`, what
/// redirects and the search index ask for on every page) must be what the whole dictionary gives, also for the keys
/// the list sets over the front matter.
@Suite struct PageValuesTests {
    private static let site: [String: String] = SiteFixture.basics.merging([
        "docent.yml": "title: Test Docs\nbaseurl: \"\"\ndefaults:\n  - scope: {path: \"\"}\n    values: {tier: free}\n",
        "content/plain.md": "---\ntitle: Plain\nproducts: [a, b]\n---\nText.\n",
        // `url` and `description` written in the front matter differ from the list's; `title` is empty; a redirect.
        "content/odd.md":
            "---\ntitle: \"\"\nurl: /elsewhere/\ndescription: [not, text]\nredirect_to: https://example.com/\ntier: enterprise\nredirect_from: [/old/, /older/]\n---\nText.\n",
        "content/untitled.md": "Just text.\n",
    ]) { $1 }

    @Test func aValueReadByKeyIsTheOneTheWholeDictionaryHas() throws {
        let site = try SiteFixture(Self.site)
        defer { site.remove() }
        var diagnostics: [Diagnostic] = []
        let config = SiteConfig.load(root: site.root, explicitFile: nil, diagnostics: &diagnostics)
        let loader = PageLoader(root: site.root, config: config)
        for name in ["plain.md", "odd.md", "untitled.md"] {
            let file = SourceFile(kind: .page, sitePath: "content/" + name, relativePath: name, urlPrefix: "/")
            let page = try #require(loader.load(file).page)
            let values = page.values
            let keys = Set(values.keys).union(PageValues.keys).union(["redirect_from", "missing", "layout"])
            for key in keys.sorted() {
                #expect(page.value(forKey: key) == values[key], "\(name): \(key)")
            }
            #expect(!values.isEmpty)
        }
        let odd = try #require(
            loader.load(SourceFile(kind: .page, sitePath: "content/odd.md", relativePath: "odd.md", urlPrefix: "/"))
                .page)
        #expect(odd.value(forKey: "url") == .string("/elsewhere/"))
        #expect(odd.value(forKey: "redirect_to") == .string("https://example.com/"))
        #expect(odd.value(forKey: "tier") == .string("enterprise"))
        #expect(odd.value(forKey: "collection") == nil)
    }
}
