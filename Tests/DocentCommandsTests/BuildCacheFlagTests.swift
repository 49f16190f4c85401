import Foundation
import Testing

@testable import DocentCommands

/// `docent build` keeps its cache in `.docent-cache/` beside the config (on by default, `--cache` says so); a build
/// with `--no-cache` neither reads nor writes it.
@Suite struct BuildCacheFlagTests {
    @Test func buildKeepsItsCacheBesideTheConfigAndNoCacheLeavesItAlone() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docent-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "docent.yml": "title: Test\n",
            "templates/layouts/default.html": "<main>{{ content }}</main>\n",
            "content/index.md": "---\ntitle: Home\n---\nHello.\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let cache = root.appendingPathComponent(".docent-cache/pages.pack")
        #expect(DocentCommand.runMain(["build", "--quiet", "--no-cache", "--source", root.path]) == 0)
        #expect(!FileManager.default.fileExists(atPath: cache.path))
        #expect(DocentCommand.runMain(["build", "--quiet", "--source", root.path]) == 0)
        #expect(FileManager.default.fileExists(atPath: cache.path), "on by default")
        let filled = try FileManager.default.attributesOfItem(atPath: cache.path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.05)
        #expect(DocentCommand.runMain(["build", "--quiet", "--no-cache", "--source", root.path]) == 0)
        let after = try FileManager.default.attributesOfItem(atPath: cache.path)[.modificationDate] as? Date
        #expect(filled == after, "--no-cache leaves the cache alone")
        #expect(DocentCommand.runMain(["build", "--quiet", "--cache", "--source", root.path]) == 0)
        #expect(FileManager.default.fileExists(atPath: cache.path))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("_site/.docent-cache").path))
    }
}
