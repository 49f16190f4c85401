#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Scans over a string's UTF-8 bytes in place, for the questions every page's text is asked (does it hold Liquid
/// tags, a kramdown attribute list? is it ASCII? does it need JSON escaping?): memchr or a loop over the
/// contiguous bytes, not String's view iterator.
public enum ByteScan {
    /// True when `text` has the byte `first` directly followed by `second` or `orSecond`.
    public static func contains(_ text: String, _ first: UInt8, followedBy second: UInt8, or orSecond: UInt8) -> Bool {
        let scanned = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            // memchr to each `first` (vectorised; a byte loop here was half a percent of a build).
            guard let base = bytes.baseAddress, bytes.count > 1 else { return false }
            let last = bytes.count - 1
            var index = 0
            while index < last, let hit = memchr(base + index, Int32(first), last - index) {
                index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let next = bytes[index + 1]
                if next == second || next == orSecond { return true }
                index += 1
            }
            return false
        }
        if let scanned { return scanned }
        return contains(String(decoding: Array(text.utf8), as: UTF8.self), first, followedBy: second, or: orSecond)
    }

    /// True when some byte of `text` satisfies `predicate`.
    public static func containsByte(in text: String, where predicate: (UInt8) -> Bool) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(where: predicate) }
            ?? text.utf8.contains(where: predicate)
    }

    /// True when `text` is all ASCII (as many characters as bytes, so no grapheme counting is needed).
    public static func isASCII(_ text: String) -> Bool {
        !containsByte(in: text) { $0 >= 0x80 }
    }
}
