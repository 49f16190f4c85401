import Foundation

/// The build cache's record of the pages of the output as the last build wrote them (`.docent-cache/outputs`): by
/// output path, the file's identity (`SourceIdentities.outputIdentity`) and the cache key of the page written
/// there, and a checksum of its bytes. The next build links a page's file from the previous site into the new one, instead of writing its
/// bytes again, when the page has the same key and the file the same identity (nobody changed it since) or, when the identity moved (the folder restored
/// from a CI cache), the same bytes.
enum OutputRecords {
    struct Record: Equatable {
        var identity: String
        var key: String
        var checksum: UInt64
    }

    /// The last build's records; `damaged` when the file exists but is not a whole record of this format.
    static func load(from url: URL) -> (records: [String: Record], damaged: Bool) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return ([:], false) }
        let payload: ArraySlice<UInt8>
        switch CacheFile.payload(of: [UInt8](data)) {
        case .success(let bytes): payload = bytes
        case .failure(let problem): return ([:], problem != .otherVersion)
        }
        var reader = CacheReader(payload)
        do {
            var records: [String: Record] = [:]
            for _ in 0..<(try reader.count()) {
                let path = try reader.string()
                records[path] = Record(
                    identity: try reader.string(), key: try reader.string(), checksum: try reader.integer())
            }
            guard reader.isAtEnd else { return ([:], true) }
            return (records, false)
        } catch {
            return ([:], true)
        }
    }

    /// Replaces the records (a temporary file renamed over the old one).
    static func store(_ records: [String: Record], to url: URL) throws {
        var writer = CacheWriter()
        writer.append(UInt64(records.count))
        for path in records.keys.sorted() {
            writer.append(path)
            writer.append(records[path]!.identity)
            writer.append(records[path]!.key)
            writer.append(records[path]!.checksum)
        }
        try CacheFile.write(CacheFile.frame(writer.bytes), to: url)
    }
}
