import DocentSite
import DocentTestSupport
import Foundation
import Testing

/// The search index a whole site build writes under `search/`, read back as the browser reads it.
@Suite struct SearchIndexSiteTests {
    static let site: [String: String] = SiteFixture.basics.merging([
        "docent.yml": "title: Test Docs\nbaseurl: \"\"\nsearch:\n  filters: [tier]\n",
        "templates/layouts/default.html": """
        <nav>Sidebar words</nav><main><h1>{{ page.title }}</h1>{{ content }}
        {% for faq in page.faq_items %}<details id="{{ faq.id }}"><summary>{{ faq.question }}</summary>{{ faq.answer }}</details>{% endfor %}
        </main>
        """,
        "content/tokens.md": """
        ---
        title: SCIM tokens
        tier: enterprise
        search_aliases: [provisioning keys]
        ---
        Intro.

        ## Create a token

        \(String(repeating: "Filler words fill the page. ", count: 200))

        ## Rotate

        The count is cumulative across domains.

        {% include callout.html %}

        {% include rotation.md %}

        ```bash
        export SCIM_KEYSTORE_PATH=/etc/keys
        ```
        """,
        "templates/includes/callout.html": "<div class=\"callout\">\n<p>Quorum rules apply.</p>\n</div>\n",
        "templates/includes/rotation.md": "Rotation happens *hourly*, by **sched**uler.\n",
        "content/updates.md": """
        ---
        title: Updates
        tier: free
        faqs:
          - q: Can IT manage updates?
            a: Set INSOMNIA_DISABLE_AUTOMATIC_UPDATES to stop automatic updating.
        ---
        Insomnia updated itself. A token is mentioned here once.
        """,
        "content/404.md": "---\ntitle: Not found\npermalink: /404.html\n---\nMissing token.\n",
    ]) { $1 }

    struct Index {
        let output: MemoryOutput

        func json(_ path: String) throws -> Any {
            try JSONSerialization.jsonObject(with: Data(#require(output.files[path])))
        }

        /// The pages' URLs in index order.
        func urls() throws -> [String] {
            let manifest = try #require(json(SearchIndex.manifestPath) as? [String: Any])
            let count = try #require(manifest["pages"] as? Int)
            return try (0..<count).map { page in
                let group = try #require(json("search/pages/\(page / SearchIndex.pageGroup).json") as? [[Any]])
                return try #require(group[page % SearchIndex.pageGroup][0] as? String)
            }
        }

        /// The sections (anchor, heading) of a page.
        func sections(of url: String) throws -> [[String]] {
            let page = try #require(urls().firstIndex(of: url))
            let group = try #require(json("search/pages/\(page / SearchIndex.pageGroup).json") as? [[Any]])
            let sections = try #require(group[page % SearchIndex.pageGroup][2] as? [[String]])
            return sections.map { Array($0.prefix(2)) }
        }

        /// A word's postings: URL → (score, section anchors), as the browser decodes them.
        func postings(_ word: String) throws -> [String: (score: Int, anchors: [String])] {
            let key = SearchIndex.shardFile(SearchIndex.shardKey(word))
            guard output.files["search/shards/\(key).json"] != nil else { return [:] }
            let shard = try #require(json("search/shards/\(key).json") as? [String: Any])
            let words = try #require(shard["words"] as? [String: Int])
            guard let term = words[word] else { return [:] }
            let flat = try #require((shard["terms"] as? [[Int]])?[term])
            let urls = try urls()
            var out: [String: (Int, [String])] = [:]
            var index = 0
            while index < flat.count {
                let url = urls[flat[index]]
                let sections = Array(flat[(index + 3)..<(index + 3 + flat[index + 2])])
                let anchors = try sections.map { try self.sections(of: url)[$0][0] }
                out[url] = (flat[index + 1], anchors)
                index += 3 + flat[index + 2]
            }
            return out
        }
    }

    func build() throws -> Index {
        let site = try SiteFixture(Self.site)
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.errorCount == 0, "\(result.messages)")
        return Index(output: output)
    }

    @Test func everyWordOfEveryPageIsIndexedWithItsSection() throws {
        let index = try build()
        #expect(try index.postings("cumulative")["/tokens/"]?.anchors == ["rotate"])
        #expect(try index.postings("sidebar").isEmpty, "navigation is not page text")
        #expect(try index.urls() == ["/tokens/", "/updates/"], "a 404 page is not indexed")
    }

    @Test func theIndexIsOnForDocentSitesAndOptInForJekyllSites() throws {
        let cases: [(files: [String: String], writes: Bool)] = [
            (["docent.yml": "title: T\n", "content/a.md": "---\ntitle: A\n---\nWords\n"], true),
            (["docent.yml": "title: T\nsearch: false\n", "content/a.md": "---\ntitle: A\n---\nWords\n"], false),
            (["_config.yml": "title: T\n", "a.md": "---\ntitle: A\n---\nWords\n"], false),
            (["_config.yml": "search:\n  index: true\n", "a.md": "---\ntitle: A\n---\nWords\n"], true),
        ]
        for item in cases {
            let site = try SiteFixture(item.files)
            defer { site.remove() }
            let (result, output) = site.build()
            #expect(result.diagnostics.errorCount == 0, "\(result.messages)")
            #expect((output.files["search/manifest.json"] != nil) == item.writes, "\(item.files)")
        }
    }

    @Test func includeOutputAndCodeAreIndexed() throws {
        let index = try build()
        #expect(try index.postings("quorum")["/tokens/"]?.anchors == ["rotate"], "an HTML include")
        #expect(try index.postings("hourly")["/tokens/"]?.anchors == ["rotate"], "a Markdown include")
        #expect(try index.postings("scheduler")["/tokens/"] != nil, "emphasis inside a word does not split it")
        #expect(try index.postings("keystore")["/tokens/"] != nil, "a code block")
    }

    @Test func aSectionKeepsItsTextsStartForTheSnippetAroundTheWordsFound() throws {
        let index = try build()
        let page = try #require(index.urls().firstIndex(of: "/tokens/"))
        let group = try #require(index.json("search/pages/\(page / SearchIndex.pageGroup).json") as? [[Any]])
        let sections = try #require(group[page % SearchIndex.pageGroup][2] as? [[String]])
        let create = try #require(sections.first { $0[0] == "create-a-token" })
        #expect(create[2].hasPrefix("Filler words fill the page. Filler"))
        #expect(create[2].hasSuffix("…"))
        #expect(create[2].utf8.count <= SearchDocument.snippetSourceLength + "…".utf8.count)
        #expect(create[2].utf8.count > SearchDocument.snippetSourceLength - 40)
    }

    @Test func theManifestListsEachShardWithItsSize() throws {
        let index = try build()
        let manifest = try #require(index.json(SearchIndex.manifestPath) as? [String: Any])
        let keys = try #require(manifest["shards"] as? [String])
        let sizes = try #require(manifest["shardBytes"] as? [Int])
        #expect(keys.count == sizes.count)
        for (key, size) in zip(keys, sizes) {
            #expect(index.output.files["search/shards/\(SearchIndex.shardFile(key)).json"]?.count == size)
        }
        let shardFiles = index.output.files.keys.filter { $0.hasPrefix("search/shards/") }
        #expect(shardFiles.count == keys.count)
    }

    @Test func faqAnswersAreIndexedUnderTheirQuestion() throws {
        let index = try build()
        #expect(try index.sections(of: "/updates/").contains(["faq-can-it-manage-updates", "Can IT manage updates?"]))
        #expect(try index.postings("insomnia_disable_automatic_updates").isEmpty)
        #expect(try index.postings("disable")["/updates/"]?.anchors == ["faq-can-it-manage-updates"])
    }

    @Test func inflectionsShareTheirTermsPostings() throws {
        let index = try build()
        let updates = try index.postings("updates")
        #expect(updates["/updates/"] != nil)
        #expect(try index.postings("updated")["/updates/"]?.score == updates["/updates/"]?.score)
        #expect(try index.postings("updating")["/updates/"]?.score == updates["/updates/"]?.score)
    }

    @Test func titleOutranksHeadingsAliasesAndText() throws {
        let index = try build()
        let token = try index.postings("token")
        let inTitle = try #require(token["/tokens/"]?.score)
        let inText = try #require(token["/updates/"]?.score)
        #expect(inTitle > inText)
        #expect(try index.postings("provisioning")["/tokens/"] != nil, "aliases are indexed")
        #expect(
            try index.postings("tokens")["/tokens/"]?.anchors.first == "create-a-token",
            "the title weighs for the page; the section shown is where the words are")
    }

    @Test func theShardOfAWordListsTheWordsATypoIsCheckedAgainst() throws {
        let index = try build()
        let shard = try #require(index.json("search/shards/tok.json") as? [String: Any])
        let words = try #require(shard["words"] as? [String: Int])
        #expect(Set(words.keys) == ["token", "tokens"])
        #expect(words["token"] == words["tokens"])
    }

    @Test func filtersListEachValuesPages() throws {
        let index = try build()
        let filters = try #require(index.json("search/filters.json") as? [String: [String: [Int]]])
        #expect(filters == ["tier": ["enterprise": [0], "free": [1]]])
        let manifest = try #require(index.json(SearchIndex.manifestPath) as? [String: Any])
        #expect(manifest["filters"] as? [String] == ["tier"])
        #expect((manifest["shards"] as? [String])?.contains("cum") == true)
    }
}
