/// The page files the last build recorded (`SourceIdentities`), as a 64-bit hash of each one's site path and of its
/// identity, kept in the records' pack (`LoadCache`). A file whose identity is the recorded one has the bytes that
/// build read, which started with front matter: discovery takes it for a page without opening it. A hash that matches
/// by chance (2⁻⁶⁴) would only make discovery take a file for a page that its load then reads whole.
struct RecordedPages: Sendable {
    private var identities: [UInt64: UInt64]

    init(_ identities: [UInt64: UInt64] = [:]) {
        self.identities = identities
    }

    var isEmpty: Bool { identities.isEmpty }

    func contains(_ sitePath: String, identity: String) -> Bool {
        identities[FNV1a.hash(sitePath.utf8)] == FNV1a.hash(identity.utf8)
    }

    mutating func insert(_ sitePath: String, identity: String) {
        identities[FNV1a.hash(sitePath.utf8)] = FNV1a.hash(identity.utf8)
    }

    var encoded: [UInt8] {
        var writer = CacheWriter()
        writer.append(UInt64(identities.count))
        for (path, identity) in identities.sorted(by: { $0.key < $1.key }) {
            writer.append(path, width: 8)
            writer.append(identity, width: 8)
        }
        return writer.bytes
    }

    init?(_ payload: ArraySlice<UInt8>) {
        var reader = CacheReader(payload)
        guard let count = try? reader.count(), count <= payload.count / 16 else { return nil }
        var identities: [UInt64: UInt64] = [:]
        identities.reserveCapacity(count)
        for _ in 0..<count {
            guard let path = try? reader.integer(width: 8), let identity = try? reader.integer(width: 8) else {
                return nil
            }
            identities[path] = identity
        }
        guard reader.isAtEnd else { return nil }
        self.identities = identities
    }
}
