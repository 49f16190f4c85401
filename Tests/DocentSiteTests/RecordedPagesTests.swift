import Testing

@testable import DocentSite

/// `RecordedPages`: the page files a build recorded, by path and identity, survive their encoding; a damaged one is
/// refused; `Discovery.start(of:)` tells front matter as discovery's open does.
@Suite struct RecordedPagesTests {
    @Test func aRecordedPageIsKnownOnlyWithTheIdentityRecorded() throws {
        var pages = RecordedPages()
        pages.insert("docs/a.html", identity: "10 1.5 1.5 1:2")
        pages.insert("docs/b.html", identity: "11 1.5 1.5 1:3")
        let decoded = try #require(RecordedPages(pages.encoded[...]))
        #expect(decoded.contains("docs/a.html", identity: "10 1.5 1.5 1:2"))
        #expect(!decoded.contains("docs/a.html", identity: "10 1.5 1.6 1:2"))
        #expect(!decoded.contains("docs/c.html", identity: "10 1.5 1.5 1:2"))
        #expect(RecordedPages(pages.encoded.dropLast()[...]) == nil)
        #expect(RecordedPages([0xff, 0xff, 0xff, 0x7f][...]) == nil)
    }

    @Test func frontMatterIsThreeDashesOrAByteOrderMarkAndADash() {
        func start(_ bytes: [UInt8]) -> Discovery.Start { bytes.withUnsafeBytes { Discovery.start(of: $0) } }
        #expect(start(Array("---\n".utf8)) == .frontMatter)
        #expect(start(Array("---".utf8)) == .frontMatter)
        #expect(start([0xEF, 0xBB, 0xBF, 0x2D]) == .frontMatter)
        #expect(start([0xEF, 0xBB, 0xBF]) == .other)
        #expect(start(Array("--".utf8)) == .other)
        #expect(start(Array("# Title".utf8)) == .other)
    }
}
