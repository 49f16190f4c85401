/// The bytes of a search shard as they are written, into memory sized for them up front (`bound`): each byte and
/// each number's digits stored through a pointer, with none of an array's capacity and uniqueness checks per byte
/// (a shard of common words is a long list of numbers).
struct ShardText {
    private var next: UnsafeMutablePointer<UInt8>

    /// At most how many bytes a posting's `,page,score,count,section…` takes: two numbers of up to ten digits, a
    /// count, four sections of up to five digits and their commas.
    static let postingBound = 56

    /// The bytes `write` writes, in room for `bound` (which must be enough).
    static func bytes(bound: Int, _ write: (inout ShardText) -> Void) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bound) { buffer, initialized in
            var text = ShardText(next: buffer.baseAddress!)
            write(&text)
            initialized = text.next - buffer.baseAddress!
            precondition(initialized <= bound, "a search shard larger than its bound")
        }
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        next.pointee = byte
        next += 1
    }

    mutating func append(_ text: StaticString) {
        next.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        next += text.utf8CodeUnitCount
    }

    mutating func append(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { bytes in
            if let base = bytes.baseAddress { next.update(from: base, count: bytes.count) }
        }
        next += bytes.count
    }

    /// A non-negative number's decimal digits.
    @inline(__always)
    mutating func append(_ value: UInt32) {
        var digits = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        rest = value
        var index = digits
        repeat {
            index -= 1
            next[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while index > 0
        next += digits
    }
}
