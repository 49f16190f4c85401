/// Unsigned LEB128: seven bits a byte, low bits first, the high bit set on every byte but the last, so small
/// numbers take a byte or two (the build cache's lengths and integers, the search index's postings).
enum LEB128 {
    @inline(__always)
    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}
