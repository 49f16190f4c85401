import DocentSite
import DocentTestSupport
import Foundation
import Testing

/// Jekyll's posts, as Jekyll documents them: dated file names in `_posts` folders, URLs from the permalink style,
/// categories from folders and front matter, `site.posts` newest first, previous/next, excerpts, future posts.
@Suite struct JekyllPostsTests {
    private func build(_ files: [String: String]) throws -> (BuildResult, MemoryOutput) {
        let site = try SiteFixture(["_layouts/default.html": "{{ content }}"].merging(files) { $1 })
        defer { site.remove() }
        return site.build()
    }

    @Test func aPostsURLFollowsThePermalinkStyleWithItsCategoriesAndDate() throws {
        let post = "---\ncategories: [Release Notes, v2]\n---\nText\n"
        let cases: [(config: String, path: String)] = [
            ("", "release notes/v2/2024/03/02/big-day.html"),
            ("permalink: pretty\n", "release notes/v2/2024/03/02/big-day/index.html"),
            ("permalink: none\n", "release notes/v2/big-day.html"),
            ("permalink: /blog/:year/:i_month/:title/\n", "blog/2024/3/big-day/index.html"),
        ]
        for item in cases {
            let (result, output) = try build(["_config.yml": item.config, "_posts/2024-03-02-big-day.md": post])
            #expect(result.diagnostics.isEmpty, "\(result.messages)")
            #expect(output.text(item.path) == "<p>Text</p>\n", "\(item.config): \(output.files.keys.sorted())")
        }
    }

    @Test func foldersAbovePostsAreCategoriesAndUntitledPostsAreTitledBySlug() throws {
        let (result, output) = try build([
            "news/_posts/2024-01-05-big-news.md": "---\n---\n{{ page.title }}: {{ page.categories | join: ',' }}\n",
            "_posts/sub/2024-01-06-in-a-subfolder.md": "---\n---\n{{ page.categories.size }}\n",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text("news/2024/01/05/big-news.html") == "<p>Big News: news</p>\n")
        #expect(output.text("2024/01/06/in-a-subfolder.html") == "<p>0</p>\n")
    }

    @Test func categoriesAreLowercasedWordsAndASpaceStaysInTheFolderName() throws {
        let (result, output) = try build([
            "_posts/2024-03-03-x.md": "---\ncategories: \"Foo Bar\"\nslug: My Slug!\n---\n{{ page.url }}\n",
            "_posts/2024-03-04-y.md": "---\ncategories: [Release Notes, release notes]\n---\n{{ page.url }}\n",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text("foo/bar/2024/03/03/My-Slug!.html") == "<p>/foo/bar/2024/03/03/My-Slug!.html</p>\n")
        #expect(
            output.text("release notes/2024/03/04/y.html") == "<p>/release%20notes/2024/03/04/y.html</p>\n",
            "\(output.files.keys.sorted())")
    }

    @Test func sitePostsAreNewestFirstWithPreviousNextCategoriesAndTags() throws {
        let (result, output) = try build([
            "_posts/2024-01-01-a.md": "---\ntitle: A\ntags: [x]\n---\n{{ page.next.title }}\n",
            "_posts/2024-02-01-b.md":
                "---\ntitle: B\ncategory: c\ntags: x y\n---\n{{ page.previous.title }}<{{ page.next.title }}\n",
            "_posts/2024-03-01-c.md": "---\ntitle: C\ndate: 2024-03-01 09:15:00 -0500\n---\n{{ page.date }}\n",
            "index.html": """
            ---
            ---
            {% for p in site.posts %}{{ p.title }}{% endfor %} {{ site.tags.x.size }} {{ site.categories.c.first.title }}
            """,
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text("index.html") == "CBA 2 B")
        #expect(output.text("2024/01/01/a.html") == "<p>B</p>\n")
        #expect(output.text("c/2024/02/01/b.html") == "<p>A&lt;C</p>\n")
        #expect(output.text("2024/03/01/c.html") == "<p>2024-03-01 09:15:00 -0500</p>\n")
    }

    @Test func theExcerptIsTheFirstParagraphOrEndsAtTheSeparator() throws {
        let (_, plain) = try build([
            "_posts/2024-01-01-a.md": "---\n---\nFirst *one*.\n\nSecond.\n",
            "index.html": "---\n---\n{{ site.posts.first.excerpt }}",
        ])
        #expect(plain.text("index.html") == "<p>First <em>one</em>.</p>\n")
        let (_, separated) = try build([
            "_config.yml": "excerpt_separator: <!--more-->\n",
            "_posts/2024-01-01-a.md": "---\n---\nFirst.\n\nSecond {{ page.title }}.\n<!--more-->\nRest.\n",
            "index.html": "---\n---\n{{ site.posts.first.excerpt }}",
        ])
        #expect(separated.text("index.html") == "<p>First.</p>\n<p>Second .</p>\n")
    }

    @Test func futurePostsWaitUnlessTheConfigSaysFutureAndUndatedNamesAreNotPosts() throws {
        let files = [
            "_posts/2999-01-01-later.md": "---\n---\nLater\n",
            "_posts/notes.md": "---\n---\nNot a post\n",
        ]
        let (result, output) = try build(files)
        #expect(output.files.keys.filter { $0.hasSuffix(".html") }.isEmpty, "\(output.files.keys.sorted())")
        #expect(
            result.messages == [
                "_posts/notes.md:1:1: source.post-name: a post's file name starts with its date: this file is not published"
            ])
        let (_, future) = try build(files.merging(["_config.yml": "future: true\n"]) { $1 })
        #expect(future.text("2999/01/01/later.html") == "<p>Later</p>\n")
    }

    @Test func kramdownsTypographicPunctuationInJekyllSitesOnly() throws {
        let (_, jekyll) = try build(["page.md": "---\n---\n\"Quoted\" -- and --- then... it's `\"code\"`\n"])
        #expect(
            jekyll.text("page.html")
                == "<p>“Quoted” – and — then… it’s <code class=\"language-plaintext highlighter-rouge\">&quot;code&quot;</code></p>\n"
        )
    }
}
