import DocentTestSupport
import Foundation
import Testing

@testable import DocentSite

/// The chrome Docent's theme puts around every page: "Edit this page" (`edit_url:`), "Last updated" from one
/// `git log`, the announcement banner, section tabs, and the canonical, Open Graph and JSON-LD tags.
@Suite struct PageChromeTests {
    private func repositorySite(config extra: String) throws -> TemporarySite {
        let site = try TemporarySite.repositorySite()
        try site.write("docent.yml", try site.read("docent.yml") + "\n" + extra)
        return site
    }

    private func git(_ arguments: [String], in folder: URL, date: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        for key in ["GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"] { environment[key] = date }
        for key in ["GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"] { environment[key] = "Docs" }
        for key in ["GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"] { environment[key] = "docs@example.com" }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    @Test func editThisPageLinksToThePagesSourceUnderEditURL() throws {
        let site = try repositorySite(config: "edit_url: https://github.com/acme/docs/edit/main/site\n")
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.succeeded, "\(result.messages)")
        let html = try #require(output.text("insomnia/sso/index.html"))
        #expect(
            html.contains(
                "<a class=\"page-footer__edit\" href=\"https://github.com/acme/docs/edit/main/site/content/insomnia/sso.md\">Edit this page</a>"
            ))
        #expect(!html.contains("page-footer__source"))
    }

    @Test func lastUpdatedIsEachPagesLastCommitFromOneGitLog() throws {
        let site = try repositorySite(config: "")
        defer { site.remove() }
        try git(["init", "-q"], in: site.root, date: "2024-01-01T00:00:00Z")
        try git(["add", "."], in: site.root, date: "2024-01-01T00:00:00Z")
        try git(["commit", "-q", "-m", "first"], in: site.root, date: "2024-02-03T10:00:00Z")
        try site.write("content/insomnia/sso.md", try site.read("content/insomnia/sso.md") + "\nMore.\n")
        try git(["commit", "-q", "-am", "sso"], in: site.root, date: "2025-06-07T12:30:00Z")
        let (result, output) = site.build()
        #expect(result.succeeded, "\(result.messages)")
        #expect(
            output.text("insomnia/sso/index.html")?.contains(
                "Last updated <time datetime=\"2025-06-07T12:30:00+00:00\">June 7, 2025</time>") == true)
        #expect(
            output.text("insomnia/scim/index.html")?.contains(
                "Last updated <time datetime=\"2024-02-03T10:00:00+00:00\">February 3, 2024</time>") == true)

        try site.write("docent.yml", try site.read("docent.yml") + "\nlast_updated: false\n")
        #expect(site.build().output.text("insomnia/sso/index.html")?.contains("Last updated") == false)
    }

    @Test func aSiteOutsideGitSaysNothingAboutWhenItChanged() throws {
        let site = try repositorySite(config: "")
        defer { site.remove() }
        #expect(site.build().output.text("insomnia/sso/index.html")?.contains("Last updated") == false)
    }

    @Test func gitLogIsReadNewestFirstPerFile() {
        let log = "\u{01}200\n\ncontent/a.md\ncontent/b c.md\n\u{01}100\n\ncontent/a.md\ncontent/d.md\n"
        #expect(GitDates.parse(log) == ["content/a.md": 200, "content/b c.md": 200, "content/d.md": 100])
        #expect(GitDates.text(0) == "1970-01-01 00:00:00 +0000")
    }

    @Test func theBannerShowsItsMarkdownAndCanBeDismissedByID() throws {
        let site = try repositorySite(
            config:
                "banner:\n  text: \"Insomnia 11 is out: [read the notes](/insomnia/)\"\n  id: v11\n  dismissible: true\n"
        )
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.succeeded, "\(result.messages)")
        let html = try #require(output.text("insomnia/sso/index.html"))
        #expect(html.contains("<html lang=\"en\" data-banner=\"v11\">"))
        #expect(html.contains("Insomnia 11 is out: <a href=\"/insomnia/\">read the notes</a>"))
        #expect(html.contains("data-banner-close"))
    }

    @Test func shareTagsAreAbsoluteAndJSONLDCannotBeClosedByATitle() throws {
        let site = try repositorySite(config: "")
        defer { site.remove() }
        try site.write(
            "content/insomnia/evil.md",
            "---\ntitle: \"</script><script>alert(1)</script>\"\nlayout: article-detail\ndescription: d\nbreadcrumbs: [/insomnia/]\ntier: free\nproducts: [insomnia]\ncontent_type: how_to\n---\nText\n"
        )
        let (_, output) = site.build()
        let html = try #require(output.text("insomnia/evil/index.html"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://docs.example.com/insomnia/evil/\">"))
        #expect(html.contains("<meta property=\"og:type\" content=\"article\">"))
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))
        let items = try #require((json as? [String: Any])?["itemListElement"] as? [[String: Any]])
        #expect(items.last?["name"] as? String == "</script><script>alert(1)</script>")
        #expect(items.map { $0["position"] as? Int } == Array(1...items.count).map { $0 })
    }

    @Test func sectionTabsMarkThePagesSection() throws {
        let site = try repositorySite(config: "")
        defer { site.remove() }
        let html = try #require(site.build().output.text("insomnia/sso/index.html"))
        #expect(
            html.contains(
                "<a class=\"section-tabs__link\" href=\"/insomnia/domains/\" aria-current=\"true\">Identity and access</a>"
            ))
        #expect(html.components(separatedBy: "class=\"nav-section__title\"").count == 2)
    }
}
