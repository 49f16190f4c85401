import Foundation

/// The build cache's record of the pages of the output as the last build wrote them (`.docent-cache/outputs`, a
/// `CachePack` by output path): the file's identity (`SourceIdentities.outputIdentity`), the cache key of the page
/// written there, and a checksum of its bytes. The next build links a page's file from the previous site into the
/// new one, instead of writing its bytes again, when the page has the same key and the file the same identity
/// (nobody changed it since) or, when the identity moved (the folder restored from a CI cache), the same bytes.
/// Records are read as pages ask for them and written as pages are written: a big site never holds them all.
enum OutputRecords {
    struct Record: Equatable {
        var identity: String
        var key: String
        var checksum: UInt64

        var encoded: [UInt8] {
            var writer = CacheWriter()
            writer.append(identity)
            writer.append(key)
            writer.append(checksum, width: 8)
            return writer.bytes
        }

        init(identity: String, key: String, checksum: UInt64) {
            self.identity = identity
            self.key = key
            self.checksum = checksum
        }

        init?(_ payload: ArraySlice<UInt8>) {
            var reader = CacheReader(payload)
            guard let identity = try? reader.string(), let key = try? reader.string(),
                let checksum = try? reader.integer(width: 8), reader.isAtEnd
            else { return nil }
            self.init(identity: identity, key: key, checksum: checksum)
        }
    }

    /// The last build's records.
    struct Previous: Sendable {
        private let reader: CachePack.Reader?
        /// The file exists but is not a whole pack of this format.
        let damaged: Bool

        init(url: URL) {
            (reader, damaged) = CachePack.Reader.open(url)
        }

        func record(_ path: String) -> Record? {
            guard case .success(let payload)? = reader?.entry(path) else { return nil }
            return Record(payload)
        }

        /// Adds the record of `path` to `writer` as it is (framed, not encoded again); false when it is not whole.
        func copy(_ path: String, into writer: CachePack.Writer) -> Bool {
            guard let framed = reader?.framedEntry(path) else { return false }
            framed.withUnsafeBytes { writer.add(path, framed: $0) }
            return true
        }
    }
}
