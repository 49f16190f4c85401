import Foundation
import Testing

@testable import DocentSite

/// `CachePack`: a pack read whole and one read entry by entry give the same entries; a damaged entry is refused by
/// both, and costs only itself.
@Suite struct CachePackTests {
    @Test func aPackReadWholeOrEntryByEntryGivesTheSameEntriesAndRefusesTheSameDamage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docent-pack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("pack")
        let writer = CachePack.Writer(url: url)
        let payloads = (0..<300).map { number in
            (0..<(number * 7 % 500)).map { UInt8(truncatingIfNeeded: $0 &* number) }
        }
        for (number, payload) in payloads.enumerated() { writer.add("page-\(number).md", payload: payload) }
        #expect(writer.finish())
        // Damage one entry's payload: the byte right before the index is the last entry's last one.
        var bytes = try [UInt8](Data(contentsOf: url))
        let damagedOffset = try #require(Self.offset(ofLastPayloadIn: bytes, lastLength: payloads[299].count))
        bytes[damagedOffset] ^= 0x55
        try Data(bytes).write(to: url)
        for limit in [CachePack.Reader.wholeLimit, 0] {
            let reader = try #require(CachePack.Reader.open(url, wholeLimit: limit).reader, "limit \(limit)")
            #expect(reader.count == 300)
            for (number, payload) in payloads.enumerated().dropLast() {
                guard case .success(let found)? = reader.entry("page-\(number).md") else {
                    Issue.record("limit \(limit): page-\(number).md missing")
                    continue
                }
                #expect(Array(found) == payload, "limit \(limit): page-\(number).md")
                #expect(reader.framedEntry("page-\(number).md")?.count == payload.count + 16)
            }
            #expect(reader.entry("page-299.md") == .failure(.damaged), "limit \(limit)")
            #expect(reader.entry("page-300.md") == nil)
        }
    }

    /// The offset of the last byte of the last entry's payload (entries are written in order after the header).
    static func offset(ofLastPayloadIn bytes: [UInt8], lastLength: Int) -> Int? {
        var reader = CacheReader(bytes[CachePack.magic.count + 4..<CachePack.headerLength])
        guard let indexOffset = try? reader.integer(width: 8), lastLength > 0 else { return nil }
        return Int(indexOffset) - 1
    }
}
