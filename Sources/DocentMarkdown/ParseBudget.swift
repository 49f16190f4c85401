import Synchronization

/// What parsing a page may cost in memory, estimated from its text before cmark-gfm sees it. cmark-gfm's memory
/// grows with a page's lines and its inline delimiters, not its bytes: measured on 8 MB pages (the page size limit),
/// 1.1 million list items took 1.2 GB, and four million `*`/`_` 2 GB, about 1.1 KB per non-blank line and 0.5 KB
/// per delimiter. A page over the budget is not parsed (one error at the line where it passed it); a page over a
/// tenth of it parses while no other such page does, so the build's workers cannot multiply a heavy page.
public struct ParseBudget: Sendable {
    /// Estimated bytes for one page: with the page's text and its HTML, a page stays under 1 GB.
    public static let maxBytes = 640 << 20
    static let bytesPerLine = 1_100
    static let bytesPerDelimiter = 500
    static let heavyBytes = maxBytes / 10

    /// The estimated bytes (for a short page, an upper bound taken from its length), and where the estimate passed
    /// `maxBytes` (nil when it did not).
    public let estimate: Int
    public let overLimit: SourcePosition?

    public init(_ text: String) {
        // No byte costs more than a line of one delimiter does (800 estimated bytes): a page too short to be heavy
        // even at that rate, nearly every page, needs no scan (the scan was 2.6% of a 10,000-page build).
        let ceiling = text.utf8.count * Self.mostBytesPerByte
        if ceiling <= Self.heavyBytes {
            (estimate, overLimit) = (ceiling, nil)
            return
        }
        var text = text
        (estimate, overLimit) = text.withUTF8 { Self.measure($0) }
    }

    /// The most one byte of text can add to the estimate: a line holding one delimiter, `*` and its newline.
    static let mostBytesPerByte = (bytesPerLine + bytesPerDelimiter) / 2

    public var isHeavy: Bool { estimate > Self.heavyBytes }

    /// Runs `parse` alone among heavy pages when this page is heavy, at once otherwise.
    func run<T>(_ parse: () -> T) -> T {
        guard isHeavy else { return parse() }
        return Self.heavyPage.withLock { _ in parse() }
    }

    private static let heavyPage = Mutex(())

    /// One pass: non-blank lines and the bytes cmark-gfm keeps delimiter or bracket state for.
    private static func measure(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, SourcePosition?) {
        var estimate = 0
        var line = 1
        var blank = true
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\n"):
                if !blank { estimate += bytesPerLine }
                if estimate > maxBytes { return (estimate, SourcePosition(line: line, column: 1)) }
                line += 1
                blank = true
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "["), UInt8(ascii: "]"),
                UInt8(ascii: "`"), UInt8(ascii: "<"), UInt8(ascii: "&"):
                estimate += bytesPerDelimiter
                blank = false
            default:
                blank = false
            }
        }
        if !blank { estimate += bytesPerLine }
        return (estimate, estimate > maxBytes ? SourcePosition(line: line, column: 1) : nil)
    }
}
