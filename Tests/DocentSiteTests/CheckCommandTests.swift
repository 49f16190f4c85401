import DocentSite
import DocentTestSupport
import Foundation
import Testing

@testable import DocentCommands

@Suite struct CheckCommandTests {
    @Test func exitCodesAreZeroWhenCleanOneForErrorsTwoForUsage() throws {
        let clean = try SiteFixture(SiteFixture.basics.merging(["content/a.md": "---\ntitle: A\n---\nText.\n"]) { $1 })
        defer { clean.remove() }
        let broken = try SiteFixture(
            SiteFixture.basics.merging(["content/a.md": "---\ntitle: A\n---\n[x](/nowhere/)\n"]) { $1 })
        defer { broken.remove() }
        #expect(DocentCommand.runMain(["check", "--source", clean.root.path, "--format", "json"]) == 0)
        #expect(DocentCommand.runMain(["check", "--source", broken.root.path, "--format", "github"]) == 1)
        #expect(DocentCommand.runMain(["check", "--source", clean.root.path, "--format", "xml"]) == 2)
        #expect(DocentCommand.runMain(["check", "--source", clean.root.path, "--timeout", "0"]) == 2)
    }

    @Test func warningsFailOnlyWithWarningsAsErrors() throws {
        let site = try SiteFixture(
            SiteFixture.basics.merging([
                "content/a.md": "---\ntitle: A\n---\n![](/assets/a.png)\n", "assets/a.png": "png",
            ]) { $1 })
        defer { site.remove() }
        #expect(DocentCommand.runMain(["check", "--source", site.root.path]) == 0)
        #expect(DocentCommand.runMain(["check", "--source", site.root.path, "--warnings-as-errors"]) == 1)
    }

    @Test func summaryCountsEachRule() {
        let diagnostics: [Diagnostic] = [
            .error("link.broken", "a"), .error("link.broken", "b"), .warning("image.missing-alt", "c"),
        ]
        let report = CheckCommand.report(diagnostics, pageCount: 3, warningsAsErrors: false)
        #expect(report.summary == "Checked 3 pages: 2 error(s), 1 warning(s) (image.missing-alt 1, link.broken 2).")
        #expect(report.failed)
        let strict = CheckCommand.report([.warning("image.missing-alt", "c")], pageCount: 1, warningsAsErrors: true)
        #expect(strict.diagnostics.map(\.severity) == [.error])
        #expect(strict.failed)
        #expect(
            CheckCommand.report([], pageCount: 1, warningsAsErrors: false).summary
                == "Checked 1 pages: 0 error(s), 0 warning(s).")
    }

    @Test func githubFormatWritesAnnotationsAtTheSourceLine() throws {
        let site = try SiteFixture(
            SiteFixture.basics.merging(["content/a.md": "---\ntitle: A\n---\nText.\n[x](/nowhere/)\n"]) { $1 })
        defer { site.remove() }
        let result = site.check()
        let text = DiagnosticFormatter(format: .github).format(result.diagnostics)
        #expect(
            text
                == "::error file=content/a.md,line=5,col=5,title=link.broken::link `/nowhere/` leads nowhere: no page or file at /nowhere/\n"
        )
    }
}
