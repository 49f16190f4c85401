import DocentCommands
import DocentSite
import DocentTestSupport
import Foundation
import Testing

@Suite struct DirectoryOutputTests {
    private func build(_ site: SiteFixture, output: URL) -> Int32 {
        DocentCommand.runMain(["build", "--source", site.root.path, "--output", output.path, "--quiet"])
    }

    @Test func failedBuildLeavesTheLastGoodSite() throws {
        let site = try SiteFixture(SiteFixture.basics.merging(["content/a.md": "---\ntitle: A\n---\nGood.\n"]) { $1 })
        defer { site.remove() }
        let output = site.root.appendingPathComponent("_site")
        #expect(build(site, output: output) == 0)
        let good = try String(contentsOf: output.appendingPathComponent("a/index.html"), encoding: .utf8)
        try site.write("content/a.md", Data("---\ntitle: [\n---\nBroken.\n".utf8))
        #expect(build(site, output: output) == 1)
        #expect(try String(contentsOf: output.appendingPathComponent("a/index.html"), encoding: .utf8) == good)
        let leftovers = try Self.leftovers(in: site.root)
        #expect(leftovers.isEmpty)
    }

    @Test func refusesToReplaceAFolderDocentDidNotCreate() throws {
        let site = try SiteFixture(
            SiteFixture.basics.merging(["content/a.md": "A\n", "public/keep.txt": "mine"]) { $1 })
        defer { site.remove() }
        let output = site.root.appendingPathComponent("public")
        #expect(build(site, output: output) == 1)
        #expect(try String(contentsOf: output.appendingPathComponent("keep.txt"), encoding: .utf8) == "mine")
    }

    @Test func twoCleanBuildsAreByteIdentical() throws {
        var files = SiteFixture.basics
        for index in 0..<40 {
            files["content/p\(index).md"] = "---\ntitle: P\(index)\n---\n## H\n[next](p\((index + 1) % 40).md)\n"
        }
        let site = try SiteFixture(files)
        defer { site.remove() }
        let first = site.build().output.files
        let second = site.build().output.files
        // The pages and their Markdown twins, the sitemap, llms.txt and llms-full.txt, and the search index.
        #expect(first.keys.filter { !$0.hasPrefix("search/") }.count == 40 * 2 + 3)
        #expect(first[SearchIndex.manifestPath] != nil)
        #expect(first == second)
    }

    @Test func rebuildReplacesTheOldSiteAndRemovesDeletedPages() throws {
        let site = try SiteFixture(SiteFixture.basics.merging(["content/a.md": "A\n", "content/b.md": "B\n"]) { $1 })
        defer { site.remove() }
        let output = site.root.appendingPathComponent("_site")
        #expect(build(site, output: output) == 0)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/b.md"))
        #expect(build(site, output: output) == 0)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("a/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("b/index.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(DirectoryOutput.markerName).path))
        // The previous tree is deleted by a detached process after the swap.
        var waited = 0
        while try !Self.leftovers(in: site.root).isEmpty && waited < 100 {
            usleep(100_000)
            waited += 1
        }
        #expect(try Self.leftovers(in: site.root).isEmpty)
    }

    @Test func aFileWrittenInPiecesHasEveryPieceInOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docent-pieces-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Small pieces that fill the 256 KiB buffer several times, empty ones, and one bigger than the buffer.
        var pieces = (0..<30_000).map { "entry \($0)," }
        pieces.insert("", at: 7)
        pieces.insert(String(repeating: "é", count: 200_000), at: 12_000)
        pieces.append("")
        let output = try DirectoryOutput(destination: folder)
        try output.write(pieces: pieces, to: "data/search.json")
        try output.commit()
        let written = try String(contentsOf: folder.appendingPathComponent("data/search.json"), encoding: .utf8)
        #expect(written == pieces.joined())
    }

    /// Staging folders and previous sites moved aside.
    /// Staging folders and previous sites left beside the output (the build cache, `.docent-cache`, is meant to stay).
    static func leftovers(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.contains(".docent-") && $0 != CheckCache.folderName
        }
    }

    @Test func usageErrorsExitWithTwo() {
        #expect(DocentCommand.runMain(["build", "--source", "/nonexistent-docent-folder"]) == 2)
        #expect(DocentCommand.runMain(["frobnicate"]) == 2)
    }

    @Test func stagingFoldersOfKilledBuildsAreRemovedByTheNextBuild() throws {
        let site = try SiteFixture(SiteFixture.basics.merging(["content/a.md": "---\ntitle: A\n---\nA\n"]) { $1 })
        defer { site.remove() }
        let output = site.root.appendingPathComponent("_site")
        #expect(build(site, output: output) == 0)
        // A process id above Linux's largest (4,194,304) never runs; a folder without the marker is not Docent's.
        let dead = ".\(output.lastPathComponent).docent-staging-2147483647"
        try site.write(dead + "/" + DirectoryOutput.markerName, Data("x".utf8))
        try site.write(dead + "/page.html", Data("x".utf8))
        let deadBuild = ".\(output.lastPathComponent).docent-staging-2147483645-77"
        try site.write(deadBuild + "/" + DirectoryOutput.markerName, Data("x".utf8))
        let foreign = ".\(output.lastPathComponent).docent-old-2147483646"
        try site.write(foreign + "/keep.txt", Data("mine".utf8))
        #expect(build(site, output: output) == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
        #expect(!names.contains(dead) && !names.contains(deadBuild))
        #expect(names.contains(foreign))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("a/index.html").path))
    }

    @Test func theFirstWriteFailureIsReportedOnceAndTheSiteIsNotCommitted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docent-failure-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try DirectoryOutput(destination: folder.appendingPathComponent("site"))
        try output.write([1], to: "a")
        // "a" is a file, so "a/b" cannot be written: as a full disk, the first failure throws, later writes do not.
        #expect(throws: (any Error).self) { try output.write([1], to: "a/b") }
        try output.write([1], to: "a/c")
        try output.write(pieces: ["x"], to: "d")
        #expect(throws: (any Error).self) { try output.commit() }
        output.discard()
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path))
    }
}
