/// Where each key path of a page's front matter is written ("title", "faqs[1].a"), kept compactly for the whole
/// build: one sorted array of 16-byte entries (a 64-bit hash of the path, its line and column) rather than a
/// dictionary of path strings, which cost a site of 100,000 pages some 300 MB. Looked up only to place a diagnostic;
/// two paths of one page with the same hash would place it at the other's line, never fail the build.
public struct KeyPositions: Sendable {
    private struct Entry: Sendable {
        var hash: UInt64
        var line: UInt32
        var column: UInt32
    }

    private var entries: [Entry]

    /// Positions by key path, lines relative to the front matter's text (0-based), columns 1-based, as `YAMLData`
    /// has them.
    public init(_ positions: [String: (line: Int, column: Int)]) {
        entries = positions.map { path, position in
            Entry(
                hash: Self.hash(path), line: UInt32(clamping: position.line), column: UInt32(clamping: position.column))
        }
        entries.sort { $0.hash < $1.hash }
    }

    public init() {
        entries = []
    }

    /// Where the key path is written, or nil when the page does not write it.
    public func position(of path: String) -> (line: Int, column: Int)? {
        let hash = Self.hash(path)
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].hash < hash { low = middle + 1 } else { high = middle }
        }
        guard low < entries.count, entries[low].hash == hash else { return nil }
        return (Int(entries[low].line), Int(entries[low].column))
    }

    public func contains(_ path: String) -> Bool { position(of: path) != nil }

    /// The entries as the build cache keeps them (`FrontMatterRecord`).
    func encode(into writer: inout CacheWriter) {
        writer.append(UInt64(entries.count))
        for entry in entries {
            writer.append(entry.hash, width: 8)
            writer.append(UInt64(entry.line))
            writer.append(UInt64(entry.column))
        }
    }

    /// The entries encoded (for comparing two).
    var encoded: [UInt8] {
        var writer = CacheWriter()
        encode(into: &writer)
        return writer.bytes
    }

    init(from reader: inout CacheReader) throws(CacheReader.Truncated) {
        let count = try reader.count()
        entries = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let hash = try reader.integer(width: 8)
            let line = UInt32(truncatingIfNeeded: try reader.integer())
            entries.append(Entry(hash: hash, line: line, column: UInt32(truncatingIfNeeded: try reader.integer())))
        }
        // A damaged record could be unsorted: the lookup's binary search needs the order.
        guard zip(entries, entries.dropFirst()).allSatisfy({ $0.hash <= $1.hash }) else {
            throw CacheReader.Truncated()
        }
    }

    /// FNV-1a: the same in every run (the build cache records the hashes).
    private static func hash(_ path: String) -> UInt64 { FNV1a.hash(path.utf8) }
}
