/// Per-page limits on GFM tables, checked on the text before cmark-gfm sees it: Debian's cmark-gfm 0.29 takes
/// minutes on a 20,000-column table (GHSA-w4qg-3vf7-m9x5) and gigabytes on a table of millions of cells. A page
/// over a limit is parsed without the table extension (its tables stay text) and the place is reported.
public enum TableLimits {
    public static let maxColumns = 1_000
    public static let maxCells = 500_000

    /// The line of the first table delimiter row (`| --- | :-: |`) over `maxColumns`, or where the page's cells
    /// pass `maxCells` (a table's rows counted up to the next blank line); nil when the page is within both.
    static func firstViolation(in text: String) -> SourcePosition? {
        guard ByteScan.containsByte(in: text, where: { $0 == UInt8(ascii: "|") }) else { return nil }
        var text = text
        return text.withUTF8 { firstViolation(in: $0) }
    }

    /// One pass over the bytes, line by line, without copying them.
    private static func firstViolation(in bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition? {
        var cells = 0
        var columns = 0  // of the table being read, 0 outside a table
        var lineNumber = 0
        var start = 0
        while start <= bytes.count {
            // The line's end (a byte loop here was 1.5% of a build).
            let end = ByteScan.firstIndex(of: 0x0A, in: bytes, from: start, to: bytes.count) ?? bytes.count
            lineNumber += 1
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            start = end + 1
            if columns > 0 {
                if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") })
                {
                    columns = 0
                    continue
                }
                cells += columns
                if cells > maxCells { return SourcePosition(line: lineNumber, column: 1) }
                continue
            }
            guard let count = delimiterColumns(line) else { continue }
            if count > maxColumns { return SourcePosition(line: lineNumber, column: 1) }
            columns = count
            cells += count * 2  // the header row and this one
            if cells > maxCells { return SourcePosition(line: lineNumber, column: 1) }
        }
        return nil
    }

    /// The number of columns when the line is a delimiter row (only `|`, `-`, `:` and spaces, with a `-` and a `|`).
    private static func delimiterColumns(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        var pipes = 0
        var dashes = false
        for byte in line {
            switch byte {
            case UInt8(ascii: "|"): pipes += 1
            case UInt8(ascii: "-"): dashes = true
            case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): continue
            default: return nil
            }
        }
        guard pipes > 0, dashes else { return nil }
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let leading = line.first(where: { !isBlank($0) }) == UInt8(ascii: "|") ? 1 : 0
        let trailing = line.last(where: { !isBlank($0) && $0 != UInt8(ascii: "\r") }) == UInt8(ascii: "|") ? 1 : 0
        return max(1, pipes + 1 - leading - trailing)
    }
}
