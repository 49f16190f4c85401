import DocentMarkdown
import Foundation

/// Byte searches for the checks' hot paths, without Foundation's bridging (`String.contains` from Foundation
/// goes through NSString and costs microseconds per call).
extension StringProtocol {
    /// True when the text contains `needle` (compared as UTF-8 bytes), searched in place where the text is
    /// contiguous (a page's HTML is: scanning it through the UTF-8 view cost microseconds per page).
    func containsBytes(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        let bytes = utf8
        if let found = bytes.withContiguousStorageIfAvailable({ text -> Bool in
            guard let base = text.baseAddress, text.count >= pattern.count else { return false }
            // To each place the first byte is (a byte loop here was half a percent of a build).
            return pattern.withUnsafeBufferPointer { needle in
                var offset = 0
                while let index = ByteScan.firstIndex(
                    of: first, in: text, from: offset, to: text.count - needle.count + 1)
                {
                    if memcmp(base + index, needle.baseAddress!, needle.count) == 0 { return true }
                    offset = index + 1
                }
                return false
            }
        }) {
            return found
        }
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: first) {
            if bytes[found...].starts(with: pattern) { return true }
            index = bytes.index(after: found)
        }
        return false
    }

    /// The text without leading and trailing spaces and tabs.
    var trimmedSpaces: SubSequence {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }
}
