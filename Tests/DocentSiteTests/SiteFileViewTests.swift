import Foundation
import Testing

@testable import DocentSite

/// A site's files as a build reads them (`SiteFileView.contents`): read through a descriptor of the root that no
/// path can leave where the kernel has openat2, and through `realpath` otherwise; both must answer alike.
@Suite struct SiteFileViewTests {
    /// A site folder with a file, a folder beside it outside the site, and the links and FIFO a test adds.
    private static func makeSite() throws -> (root: URL, outside: URL) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("view-\(UUID().uuidString)")
        let root = base.appendingPathComponent("site")
        let outside = base.appendingPathComponent("secret")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("content/guides"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("# Guide\n".utf8).write(to: root.appendingPathComponent("content/guides/a.md"))
        try Data("token".utf8).write(to: outside.appendingPathComponent("key.txt"))
        return (root, outside)
    }

    private static func link(_ root: URL, _ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent(path).path, withDestinationPath: target)
    }

    @Test func aFileAndLinksThatStayInsideAreRead() throws {
        let (root, _) = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try Self.link(root, "content/relative.md", to: "guides/a.md")
        // An absolute link is refused by openat2's RESOLVE_BENEATH, then resolved: it stays inside, so it is read.
        try Self.link(root, "content/absolute.md", to: root.appendingPathComponent("content/guides/a.md").path)
        let view = SiteFileView(root: root)
        for path in [
            "content/guides/a.md", "content/relative.md", "content/absolute.md", "content/guides/../guides/a.md",
        ] {
            #expect(try view.contents(path).get() == Data("# Guide\n".utf8), "\(path)")
        }
    }

    @Test func pathsAndLinksLeadingOutAreRefusedWithWhereTheyLead() throws {
        let (root, outside) = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try Self.link(root, "content/leak.md", to: outside.appendingPathComponent("key.txt").path)
        try Self.link(root, "content/up", to: "../../secret")
        let view = SiteFileView(root: root)
        let real = SiteFileView.realPath(outside.appendingPathComponent("key.txt").path)!
        #expect(throws: SiteFileView.Refusal.outside("content/leak.md", target: real)) {
            try view.contents("content/leak.md").get()
        }
        #expect(throws: SiteFileView.Refusal.outside("content/up/key.txt", target: real)) {
            try view.contents("content/up/key.txt").get()
        }
        #expect(throws: SiteFileView.Refusal.outside("../secret/key.txt", target: real)) {
            try view.contents("../secret/key.txt").get()
        }
    }

    @Test func missingFilesAndFIFOsAreRefusedWithoutBlocking() throws {
        let (root, _) = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        #expect(mkfifo(root.appendingPathComponent("content/pipe.md").path, 0o644) == 0)
        try Self.link(root, "content/dangling.md", to: "nowhere.md")
        let view = SiteFileView(root: root)
        #expect(throws: SiteFileView.Refusal.special("content/pipe.md")) { try view.contents("content/pipe.md").get() }
        for path in ["content/none.md", "content/dangling.md", "content/guides/a.md/below"] {
            #expect(throws: SiteFileView.Refusal.missing(path)) { try view.contents(path).get() }
        }
    }

    @Test func aLargeFileIsReadWhole() throws {
        let (root, _) = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let bytes = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try bytes.write(to: root.appendingPathComponent("content/big.bin"))
        #expect(try SiteFileView(root: root).contents("content/big.bin").get() == bytes)
    }
}
