import DocentSite
import Foundation
import Testing

/// Every diagnostic id the sources report is in the catalog (so `docent explain` knows it), and the catalog lists
/// no id that nothing reports.
@Suite struct DiagnosticCatalogTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")
    /// Strings shaped like ids that are front matter or config key paths, not diagnostics.
    static let keyPaths: Set<String> = [
        "walkthrough.state", "walkthrough.restart", "schema.required", "schema.callouts",
    ]
    static let families = [
        "config", "source", "frontmatter", "data", "nav", "layout", "include", "liquid", "link", "image", "heading",
        "callout", "tabs", "output", "walkthrough", "permalink", "markdown", "redirect", "sass", "cache",
    ]

    /// Every `"family.name"` string literal in the Swift sources but the catalog itself.
    func idLiterals() throws -> Set<String> {
        let pattern = try Regex(#""((?:"# + Self.families.joined(separator: "|") + #")\.[a-z][a-z-]*)""#)
        var found: Set<String> = []
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)!
        for case let url as URL in files
        where url.pathExtension == "swift" && url.lastPathComponent != "DiagnosticCatalog.swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let id = match.output[1].substring { found.insert(String(id)) }
            }
        }
        return found.subtracting(Self.keyPaths)
    }

    @Test func everyReportedIDIsInTheCatalog() throws {
        let literals = try idLiterals()
        #expect(literals.count > 40)
        let missing = literals.filter { DiagnosticCatalog.kind($0) == nil }.sorted()
        #expect(missing.isEmpty, "add these to DiagnosticCatalog: \(missing)")
    }

    @Test func everyCatalogEntryIsReportedSomewhere() throws {
        let literals = try idLiterals()
        let unused = DiagnosticCatalog.all.map(\.id).filter { !literals.contains($0) }
        #expect(unused.isEmpty, "the catalog lists ids nothing reports: \(unused)")
    }

    @Test func idsAreUniqueAndEveryEntryIsOneSentence() {
        let ids = DiagnosticCatalog.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for kind in DiagnosticCatalog.all {
            #expect(kind.summary.hasSuffix("."), "\(kind.id)")
            #expect(!kind.summary.contains("\n"), "\(kind.id)")
        }
    }

    @Test func aMistypedIDSuggestsTheClosest() {
        #expect(DiagnosticCatalog.closest(to: "link.brokn") == "link.broken")
        #expect(DiagnosticCatalog.kind("link.broken")?.severity == .error)
        #expect(DiagnosticCatalog.kind("image.missing-alt")?.severity == .warning)
    }

    @Test func theSeverityPolicyIsAppliedInOnePlace() {
        let drift = Diagnostic.error("walkthrough.unknown-control", "no such control")
        let alt = Diagnostic.warning("image.missing-alt", "no alt")
        #expect(SeverityPolicy.build.apply(drift).severity == .warning)
        #expect(SeverityPolicy.check.apply(drift).severity == .error)
        #expect(SeverityPolicy.check.apply(alt).severity == .warning)
        #expect(SeverityPolicy(warningsAsErrors: true).apply(alt).severity == .error)
    }
}
