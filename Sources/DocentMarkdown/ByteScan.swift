#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Scans over a string's UTF-8 bytes in place, for the questions every page's text is asked (does it hold Liquid
/// tags, a kramdown attribute list? is it ASCII? does it need JSON escaping?): memchr or a loop over the
/// contiguous bytes, not String's view iterator.
public enum ByteScan {
    /// Where `byte` first is in `bytes[start..<end]`, or nil: memchr, vectorised (the scans below and the searches
    /// over a page's text jump from one candidate to the next with it, rather than looping over every byte).
    public static func firstIndex(
        of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
    ) -> Int? {
        guard start < end, let base = bytes.baseAddress, let hit = memchr(base + start, Int32(byte), end - start)
        else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// True when `text` has the byte `first` directly followed by `second` or `orSecond`.
    public static func contains(_ text: String, _ first: UInt8, followedBy second: UInt8, or orSecond: UInt8) -> Bool {
        let scanned = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            // To each `first` (a byte loop here was half a percent of a build).
            let last = bytes.count - 1
            var index = 0
            while let hit = firstIndex(of: first, in: bytes, from: index, to: last) {
                index = hit
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
