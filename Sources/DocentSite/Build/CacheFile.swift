import Foundation

/// What the build cache's files share: the format version (`CachePack`'s header carries it), the checksum that
/// proves an entry whole, and the encoding of its values (`CacheWriter`, `CacheReader`).
enum CacheFile {
    /// The magic of the single framed file an earlier format (2) kept per page and record: found at a pack's name,
    /// it is another version's file, not damage.
    static let magic = Array("DOCENTBC".utf8)
    static let formatVersion: UInt32 = 5

    /// Why an entry was not used.
    enum Problem: Error, Equatable {
        case damaged
    }

    /// A 64-bit checksum (FNV-1a over 8-byte words, then the tail): it catches damage and truncation, fast enough
    /// to check every byte of a page's entry. The key of an entry is a SHA-256; this only proves the bytes whole.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes(checksum)
    }

    static func checksum(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01b3
        var offset = 0
        while offset + 8 <= buffer.count {
            hash = (hash ^ buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* prime
            hash ^= hash >> 29
            offset += 8
        }
        while offset < buffer.count {
            hash = (hash ^ UInt64(buffer[offset])) &* prime
            offset += 1
        }
        return hash ^ UInt64(buffer.count)
    }
}

/// Appends little-endian integers and length-prefixed strings.
struct CacheWriter {
    var bytes: [UInt8] = []

    /// A fixed-width integer (headers, checksums, hashes).
    mutating func append(_ value: UInt64, width: Int) {
        for shift in 0..<width { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift * 8))) }
    }

    /// A variable-length integer (`LEB128`), so lengths and small numbers take a byte or two.
    mutating func append(_ value: UInt64) { LEB128.append(value, to: &bytes) }

    mutating func append(_ value: Int) { append(UInt64(bitPattern: Int64(value))) }

    mutating func append(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func append(_ text: String) {
        append(UInt64(text.utf8.count))
        bytes += text.utf8
    }

    mutating func append(_ text: String?) {
        append(text != nil)
        if let text { append(text) }
    }

    /// Bytes that may be absent: a flag, then their length and the bytes.
    mutating func append(optional payload: ArraySlice<UInt8>?) {
        append(payload != nil)
        if let payload {
            append(UInt64(payload.count))
            bytes += payload
        }
    }

    mutating func append(_ texts: some Collection<String>) {
        append(UInt64(texts.count))
        for text in texts { append(text) }
    }
}

/// Reads what `CacheWriter` wrote; every read is bounds-checked (a damaged length throws, never traps).
struct CacheReader {
    struct Truncated: Error {}

    private let bytes: ArraySlice<UInt8>
    private var offset: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        offset = bytes.startIndex
    }

    var isAtEnd: Bool { offset == bytes.endIndex }

    mutating func bytes(_ count: Int) throws(Truncated) -> ArraySlice<UInt8> {
        guard count >= 0, bytes.endIndex - offset >= count else { throw Truncated() }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    /// A little-endian integer of `width` bytes (at most eight).
    mutating func integer(width: Int) throws(Truncated) -> UInt64 {
        let field = try bytes(width)
        var value: UInt64 = 0
        var shift: UInt64 = 0
        // By index (`enumerated()` over the slice was 1% of a rebuild's samples: two of these frame every entry read).
        for index in field.indices {
            value |= UInt64(field[index]) << shift
            shift += 8
        }
        return value
    }

    /// A variable-length integer `CacheWriter.append(_:)` wrote; at most ten bytes.
    mutating func integer() throws(Truncated) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.endIndex, shift < 64 else { throw Truncated() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws(Truncated) -> Int { Int(Int64(bitPattern: try integer())) }

    mutating func bool() throws(Truncated) -> Bool { try bytes(1).first == 1 }

    /// A count of items still to read: never more than the bytes left, so a damaged count cannot allocate much.
    mutating func count() throws(Truncated) -> Int {
        let value = try integer()
        guard value <= UInt64(bytes.endIndex - offset) else { throw Truncated() }
        return Int(value)
    }

    mutating func string() throws(Truncated) -> String {
        String(decoding: try bytes(try count()), as: UTF8.self)
    }

    mutating func optionalString() throws(Truncated) -> String? {
        try bool() ? try string() : nil
    }

    /// What `CacheWriter.append(optional:)` wrote: a slice of the bytes read, not a copy.
    mutating func optionalBytes() throws(Truncated) -> ArraySlice<UInt8>? {
        try bool() ? try bytes(try count()) : nil
    }

    mutating func strings() throws(Truncated) -> [String] {
        var result: [String] = []
        for _ in 0..<(try count()) { result.append(try string()) }
        return result
    }
}
