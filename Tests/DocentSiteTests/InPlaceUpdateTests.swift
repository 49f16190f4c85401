import Foundation
import Testing

@testable import DocentSite

/// `DirectoryOutput` updating the output folder in place (`SiteManifest`): only when the folder is exactly as the last
/// build left it; the result is the site a whole build gives, files the build no longer makes are deleted, files it
/// did not make are never kept, and a build that finds the site changed by another build applies nothing.
@Suite struct InPlaceUpdateTests {
    /// A folder with a `cache` folder for the manifest and an output folder `site`.
    struct Place {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docent-inplace-\(UUID().uuidString)")
        var site: URL { root.appendingPathComponent("site") }
        var manifest: URL { root.appendingPathComponent("cache/site") }

        init() throws {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("cache"), withIntermediateDirectories: true)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        func output() throws -> DirectoryOutput { try DirectoryOutput(destination: site, manifest: manifest) }

        /// The output's files by path (without the marker).
        func files() -> [String: String] {
            BuildCacheTests.tree(site).mapValues { String(decoding: $0, as: UTF8.self) }
        }

        func identity(_ path: String) -> String? {
            SourceIdentities.outputIdentity(of: site.appendingPathComponent(path).path)
        }

        /// A first build, staged whole: three pages and a file.
        func first() throws {
            let output = try output()
            #expect(!output.updatesInPlace)
            try output.write(Array("A".utf8), to: "a/index.html")
            try output.write(Array("B".utf8), to: "b/index.html")
            try output.write(Array("C".utf8), to: "c/deep/index.html")
            try output.write(Array("map".utf8), to: "sitemap.xml")
            try output.commit()
        }
    }

    @Test func aSecondBuildLeavesUnchangedFilesWritesChangedOnesAndDeletesTheOnesNoLongerMade() throws {
        let place = try Place()
        defer { place.remove() }
        try place.first()
        let kept = try #require(place.identity("a/index.html"))
        let output = try place.output()
        #expect(output.updatesInPlace)
        #expect(output.reusePrevious("a/index.html", identity: kept, checksum: 0) == kept)
        try output.write(Array("B2".utf8), to: "b/index.html")
        try output.write(Array("D".utf8), to: "d/index.html")
        try output.write(Array("map2".utf8), to: "sitemap.xml")
        try output.commit()
        #expect(
            place.files() == ["a/index.html": "A", "b/index.html": "B2", "d/index.html": "D", "sitemap.xml": "map2"])
        // Left where it was, not copied; the folder of the page no longer made is gone with it.
        #expect(place.identity("a/index.html") == kept)
        #expect(!FileManager.default.fileExists(atPath: place.site.appendingPathComponent("c").path))
        #expect(try DirectoryOutputTests.leftovers(in: place.root).isEmpty)
        // And the manifest now proves this site: the next build updates it in place again.
        #expect(try place.output().updatesInPlace)
    }

    @Test func aFileAddedToTheOutputByHandMakesTheNextBuildStageTheSiteWhole() throws {
        let place = try Place()
        defer { place.remove() }
        try place.first()
        try Data("mine".utf8).write(to: place.site.appendingPathComponent("b/extra.txt"))
        let output = try place.output()
        #expect(!output.updatesInPlace)
        try output.write(Array("A".utf8), to: "a/index.html")
        try output.commit()
        #expect(place.files() == ["a/index.html": "A"])
    }

    @Test func aFolderOfTheOutputTurnedIntoALinkIsNotWrittenThrough() throws {
        let place = try Place()
        defer { place.remove() }
        try place.first()
        let elsewhere = place.root.appendingPathComponent("elsewhere")
        try FileManager.default.moveItem(at: place.site.appendingPathComponent("b"), to: elsewhere)
        try FileManager.default.createSymbolicLink(
            at: place.site.appendingPathComponent("b"), withDestinationURL: elsewhere)
        let output = try place.output()
        #expect(!output.updatesInPlace)
        try output.write(Array("B2".utf8), to: "b/index.html")
        try output.commit()
        #expect(try String(contentsOf: elsewhere.appendingPathComponent("index.html"), encoding: .utf8) == "B")
        #expect(place.files() == ["b/index.html": "B2"])
    }

    @Test func aBuildThatFindsTheSiteChangedByAnotherBuildAppliesNothing() throws {
        let place = try Place()
        defer { place.remove() }
        try place.first()
        let late = try place.output()
        let early = try place.output()
        #expect(late.updatesInPlace && early.updatesInPlace)
        try early.write(Array("early".utf8), to: "a/index.html")
        try early.commit()
        try late.write(Array("late".utf8), to: "b/index.html")
        #expect(throws: DirectoryOutput.Failure.self) { try late.commit() }
        #expect(place.files() == ["a/index.html": "early"])
        #expect(try DirectoryOutputTests.leftovers(in: place.root).isEmpty)
    }

    @Test func aCommitCutShortLeavesNoManifestAndTheNextBuildStagesTheSiteWhole() throws {
        let place = try Place()
        defer { place.remove() }
        try place.first()
        // What a build killed during its commit leaves: the manifest removed first, some files already renamed.
        SiteManifest.remove(place.manifest)
        try Data("half".utf8).write(to: place.site.appendingPathComponent("a/index.html"))
        let output = try place.output()
        #expect(!output.updatesInPlace)
        try output.write(Array("A".utf8), to: "a/index.html")
        try output.commit()
        #expect(place.files() == ["a/index.html": "A"])
    }

    @Test func aManifestNamingAFileOutsideTheOutputIsRefused() throws {
        let place = try Place()
        defer { place.remove() }
        try place.first()
        let outside = place.root.appendingPathComponent("outside.txt")
        try Data("keep me".utf8).write(to: outside)
        var manifest = try #require(SiteManifest.read(place.manifest))
        manifest.files.append("../outside.txt")
        manifest.write(to: place.manifest)
        #expect(SiteManifest.read(place.manifest) == nil)
        let output = try place.output()
        #expect(!output.updatesInPlace)
        try output.write(Array("A".utf8), to: "a/index.html")
        try output.commit()
        #expect(try String(contentsOf: outside, encoding: .utf8) == "keep me")
    }

    @Test func aDamagedOrForeignManifestIsIgnored() throws {
        let place = try Place()
        defer { place.remove() }
        try place.first()
        var bytes = try [UInt8](Data(contentsOf: place.manifest))
        bytes[bytes.count / 2] ^= 0xff
        try Data(bytes).write(to: place.manifest)
        #expect(SiteManifest.read(place.manifest) == nil)
        #expect(try !place.output().updatesInPlace)
        // Another output folder's manifest does not describe this one.
        let other = try DirectoryOutput(
            destination: place.root.appendingPathComponent("other"), manifest: place.manifest)
        try other.write(Array("x".utf8), to: "x.html")
        try other.commit()
        #expect(SiteManifest.read(place.manifest)?.destination == place.root.appendingPathComponent("other").path)
        #expect(try !place.output().updatesInPlace)
    }
}
