import DocentTestSupport
import Foundation
import Testing

@testable import DocentSite

/// jemoji as GitHub Pages runs it: `:name:` in a page's text becomes GitHub's emoji image, written as the plugin's
/// HTML pipeline writes it, only when the config lists the plugin, never in code or markup.
@Suite struct JemojiTests {
    private let thumbsUp =
        "<img class=\"emoji\" title=\":+1:\" alt=\":+1:\" src=\"https://github.githubassets.com/images/icons/emoji/unicode/1f44d.png\" height=\"20\" width=\"20\">"

    private func build(_ files: [String: String], plugins: String = "plugins: [jemoji]\n") throws -> (
        BuildResult, MemoryOutput
    ) {
        let site = try SiteFixture(
            ["_config.yml": plugins, "_layouts/default.html": "{{ content }}"].merging(files) { $1 })
        defer { site.remove() }
        return site.build()
    }

    @Test func aNameInTextBecomesGitHubsImageAsJemojiWritesIt() throws {
        let (result, output) = try build(["index.md": "---\n---\n:+1:\n"])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text("index.html") == "<p>\(thumbsUp)</p>\n")
    }

    @Test func withoutThePluginTheTextStays() throws {
        let (_, output) = try build(["index.md": "---\n---\n:+1:\n"], plugins: "")
        #expect(output.text("index.html") == "<p>:+1:</p>\n")
    }

    @Test func codeAttributesCommentsScriptsAndUnknownNamesAreLeftAlone() throws {
        let page = """
            ---
            ---
            `:smile:` and :no_such_emoji: and <span title=":smile:">x</span> <!-- :smile: -->

            ```
            :smile: every day
            ```

            <script>var s = ":smile:"; if (a < b) {}</script> <tt>:smile:</tt> :smile:
            """
        let (_, output) = try build(["index.md": page])
        let html = try #require(output.text("index.html"))
        #expect(html.components(separatedBy: "<img").count == 2, "\(html)")
        #expect(html.contains("highlighter-rouge\">:smile:</code>"))
        #expect(html.contains(":no_such_emoji:"))
        #expect(html.contains("title=\":smile:\">x</span>"))
        #expect(html.contains("<!-- :smile: -->"))
        #expect(html.contains("var s = \":smile:\""))
        #expect(html.contains("<tt>:smile:</tt>"))
        #expect(html.contains("emoji/unicode/1f604.png"))
    }

    @Test func onlyTheBodyOfALayoutIsEmojified() throws {
        let (_, output) = try build([
            "_layouts/default.html":
                "<html><head><title>:smile:</title></head><body class=\"x\">{{ content }}</body></html>",
            "index.md": "---\nlayout: default\n---\n:smile:\n",
        ])
        let html = try #require(output.text("index.html"))
        #expect(html.contains("<title>:smile:</title>"))
        #expect(html.contains("<body class=\"x\"><p><img class=\"emoji\" title=\":smile:\""))
    }

    @Test func pagesThatAreNotHTMLAreLeftAlone() throws {
        let (_, output) = try build([
            "notes.txt": "---\n---\n:+1:\n",
            "feed.json": "---\n---\n{\"a\": \":+1:\"}\n",
        ])
        #expect(output.text("notes.txt") == ":+1:\n")
        #expect(output.text("feed.json") == "{\"a\": \":+1:\"}\n")
    }

    @Test func theConfigNamesTheImageRootAndCustomEmojiUseTheirOwnFile() throws {
        let (_, output) = try build([
            "_config.yml": "plugins: [jemoji]\nemoji:\n  src: http://mine.club/\n",
            "index.md": "---\n---\n:octocat: :one: :relaxed:\n",
        ])
        let html = try #require(output.text("index.html"))
        #expect(html.contains("src=\"http://mine.club/emoji/octocat.png\""), "\(html)")
        // Gemoji's file names: four hex digits at least, the first U+FE0F dropped.
        #expect(html.contains("src=\"http://mine.club/emoji/unicode/0031-20e3.png\""))
        #expect(html.contains("src=\"http://mine.club/emoji/unicode/263a.png\""))
    }

    @Test func adjacentNamesAndAColonThatClosesOneAndOpensNoOther() throws {
        let (_, output) = try build(["index.md": "---\n---\n:smile::+1: at 10:30:smile:x\n"])
        let html = try #require(output.text("index.html"))
        // As jemoji's pattern: `:30:` is no name, and its closing colon opens `:smile:`.
        #expect(html.components(separatedBy: "<img").count == 4, "\(html)")
        #expect(html.contains(" at 10:30<img class=\"emoji\" title=\":smile:\""))
    }

    @Test func hostileShapesEndInOnePass() {
        // Unclosed comments, tags, raw-text elements and names, repeated: each is one pass over the page.
        for shape in [":", ":a", "::+1", "<script>", "<!--", "<code>", "<", "</", "<a '", "<body", ":smile:<tt>"] {
            let text = String(repeating: shape, count: 200_000)
            let result = Jemoji.emojify(text, source: Jemoji.defaultSource)
            #expect(result.utf8.count >= text.utf8.count, "\(shape)")
        }
    }

    @Test func theTableHasGitHubsCommonNames() {
        #expect(Jemoji.images["+1"] == "unicode/1f44d")
        #expect(Jemoji.images["thumbsup"] == "unicode/1f44d")
        #expect(Jemoji.images["heart"] == "unicode/2764")
        #expect(Jemoji.images["tada"] == "unicode/1f389")
        #expect(Jemoji.images["rocket"] == "unicode/1f680")
        #expect(Jemoji.images["us"] == "unicode/1f1fa-1f1f8")
        #expect(Jemoji.images["shipit"] == "shipit")
        #expect(Jemoji.images.count > 1_800)
    }
}
