/// Scans over a string's UTF-8 bytes in place, for the questions every page's text is asked (does it hold Liquid
/// tags, a kramdown attribute list?): a loop over the contiguous bytes, not String's view iterator.
public enum ByteScan {
    /// True when `text` has the byte `first` directly followed by `second` or `orSecond`.
    public static func contains(_ text: String, _ first: UInt8, followedBy second: UInt8, or orSecond: UInt8) -> Bool {
        let scanned = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var index = 0
            let last = bytes.count - 1
            while index < last {
                if bytes[index] == first {
                    let next = bytes[index + 1]
                    if next == second || next == orSecond { return true }
                }
                index += 1
            }
            return false
        }
        if let scanned { return scanned }
        return contains(String(decoding: Array(text.utf8), as: UTF8.self), first, followedBy: second, or: orSecond)
    }
}
