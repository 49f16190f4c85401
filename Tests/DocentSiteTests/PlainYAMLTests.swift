import DocentTestSupport
import Foundation
import Liquid
import Testing

@testable import DocentSite

/// The fast front matter reader must agree with Yams on everything it accepts (values and key positions), and hand
/// everything else to Yams.
@Suite struct PlainYAMLTests {
    /// Front matter shapes the fast reader takes, as the seeds and the benchmark corpus write them.
    static let accepted = [
        "title: Configure deployments\n\ndescription: Use deployments.\n",
        "title: \"Acme: Concepts\"\nlayout: default\n",
        "tier: free\ncount: 12\nratio: 1.5\non: yes\nempty:\nnothing: ~\n",
        "breadcrumbs:\n  - /identity/\n  - /identity/access-control/\n",
        "products:\n    - identity\nsearch_aliases:\n  - deployments # a comment\n",
        "related_resources:\n  - text: Webhooks overview\n    url: /gateway/api/webhooks-overview/\n  - text: \"A: B\"\n    url: /b/\n",
        "faqs:\n  - q: How long?\n    a: |\n      For more, see [x](https://example.com).\n\n      ```bash\n      run\n      ```\n  - q: Why?\n    a: Because.\n",
        "list:\n- a\n- b\nnext: 1\n",
        "# leading comment\ntitle: x   # trailing\n\n\n",
        "quoted: 'it''s'\ndouble: \"tab\\there \\\"q\\\" \\u00e9\"\n",
        "flow: [a, \"b, c\", 'd', 3]\nempty_flow: []\n",
        "folded: >\n  one\n  two\n\n  three\nkept: |+\n  text\n\nstrip: |-\n  text\n",
        "folded_strip: >-\n  a long\n  description\nafter: 1\n",
        "nested:\n  inner:\n    deep: true\n  other: \"x\"\n",
        "unicode_é: café au lait\nk: ünï\nteam that you're viewing: Kong\n",
        "a: |\n  Yes.  \n  \n  text\n\n  more\n  \nb: 1\n",
        "seq:\n  - - a\n    - b\n  - c\n",
        "item:\n  -\n    name: x\n",
        "url: http://example.com/a#b\nneg: -5\nhex: 0x1F\nfloat: .5\nnotnum: 1.2.3\n",
        "",
        "# only a comment\n",
    ]

    /// Text the fast reader leaves to Yams.
    static let declined = [
        "anchor: &a x\nref: *a\n",
        "tagged: !!str 12\n",
        "map: {a: 1}\n",
        "multi: first line\n  continues here\n",
        "quoted: \"starts\n  and ends\"\n",
        "tab:\tvalue\n",
        "dup: 1\ndup: 2\n",
        "bad: [a, b\n",
        "key: a: b\n",
        "  indented: root\n",
        "just a scalar\n",
        "- a root\n- sequence\n",
        "? complex key\n: value\n",
        "crlf: x\r\n",
    ]

    @Test(arguments: accepted) func fastReaderAgreesWithYams(_ yaml: String) throws {
        let fast = try #require(PlainYAML.parse(yaml), "the fast reader should take: \(yaml)")
        try expectSame(fast, yaml)
    }

    @Test(arguments: declined) func unusualYAMLGoesToYams(_ yaml: String) {
        #expect(PlainYAML.parse(yaml) == nil, "the fast reader should decline: \(yaml)")
    }

    @Test func everyFrontMatterOfThisRepositoryIsReadByTheFastReaderAsYamsReadsIt() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let files = try #require(FileManager.default.enumerator(atPath: root.appendingPathComponent("content").path))
        var checked = 0
        for case let path as String in files where path.hasSuffix(".md") {
            let text = try String(contentsOf: root.appendingPathComponent("content/" + path), encoding: .utf8)
            guard case .success(let split) = FrontMatterSplit.split(text), let yaml = split.yaml else { continue }
            let fast = try #require(PlainYAML.parse(yaml), "content/\(path): front matter not taken")
            try expectSame(fast, yaml)
            checked += 1
        }
        #expect(checked > 10)
    }

    /// Random documents from the shapes above, combined and nested: whatever the fast reader accepts, it reads as
    /// Yams does.
    @Test func randomDocumentsReadAsYamsReadsThem() throws {
        var random = SeededRandom(seed: 0x5EED)
        let scalars = [
            "plain text", "\"quoted: text\"", "'single ''q'''", "12", "-3.5", "yes", "null", "~", "a # comment",
            "[x, 'y', 2]", "[]", "http://x.y/z#frag", "é ü", "", "|\n  lit\n\n  eral", ">-\n  fol\n  ded",
        ]
        var accepted = 0
        for _ in 0..<400 {
            var yaml = ""
            for key in 0..<random.next(upTo: 6) + 1 {
                yaml += document(key: "k\(key)", depth: 0, indent: "", scalars: scalars, random: &random)
            }
            guard let fast = PlainYAML.parse(yaml) else { continue }
            try expectSame(fast, yaml)
            accepted += 1
        }
        #expect(accepted > 200)
    }

    private func document(key: String, depth: Int, indent: String, scalars: [String], random: inout SeededRandom)
        -> String
    {
        func scalar(_ indent: String) -> String {
            scalars[random.next(upTo: scalars.count)].replacingOccurrences(of: "\n", with: "\n" + indent + "  ")
        }
        switch depth < 2 ? random.next(upTo: 4) : 0 {
        case 0:
            return "\(indent)\(key): \(scalar(indent))\n"
        case 1:
            var out = "\(indent)\(key):\n"
            for _ in 0..<random.next(upTo: 3) + 1 { out += "\(indent)  - \(scalar(indent + "  "))\n" }
            return out
        case 2:
            var out = "\(indent)\(key):\n"
            for item in 0..<random.next(upTo: 3) + 1 {
                out += "\(indent)  - text: \(scalar(indent + "    "))\n"
                out += "\(indent)    url: /\(item)/\n"
            }
            return out
        default:
            var out = "\(indent)\(key):\n"
            if random.next(upTo: 4) == 0 { out += "\(indent)  # a comment\n" }
            for child in 0..<random.next(upTo: 3) + 1 {
                out += document(
                    key: "c\(child)", depth: depth + 1, indent: indent + "  ", scalars: scalars, random: &random)
            }
            return out
        }
    }

    private func expectSame(_ fast: YAMLData, _ yaml: String) throws {
        guard case .success(let slow) = YAMLData.parseWithYams(yaml) else {
            Issue.record("Yams rejects what the fast reader took: \(yaml)")
            return
        }
        #expect(fast.value == slow.value, "\(yaml)")
        #expect(
            fast.positions.mapValues { [$0.line, $0.column] } == slow.positions.mapValues { [$0.line, $0.column] },
            "\(yaml)")
    }
}
