/// A source file split into its YAML front matter and its body, keeping line numbers: the front matter text
/// starts on line 2 of the file, and the body starts on line `bodyLineOffset + 1`.
public struct FrontMatterSplit: Sendable, Equatable {
    /// The YAML between the `---` fences, or nil when the file has no front matter.
    public var yaml: String?
    public var body: String
    /// How many lines of the file come before the body (fences included).
    public var bodyLineOffset: Int

    /// Splits Jekyll-style front matter: a first line `---`, then YAML, then a line `---` (or `...`).
    /// A file whose first line is `---` but that never closes it is reported by returning `unclosed`.
    public static func split(_ text: String) -> Result<FrontMatterSplit, UnclosedFrontMatter> {
        var utf8 = text.utf8[...]
        if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { utf8 = utf8.dropFirst(3) }  // byte order mark
        guard let firstEnd = lineEnd(utf8, from: utf8.startIndex),
            isFence(utf8[utf8.startIndex..<firstEnd.contentEnd], allowDots: false)
        else {
            return .success(FrontMatterSplit(yaml: nil, body: String(Substring(utf8)), bodyLineOffset: 0))
        }
        var lineCount = 1
        var cursor = firstEnd.next
        let yamlStart = cursor
        while cursor < utf8.endIndex {
            guard let end = lineEnd(utf8, from: cursor) else { break }
            lineCount += 1
            if isFence(utf8[cursor..<end.contentEnd], allowDots: true) {
                let yaml = String(Substring(utf8[yamlStart..<cursor]))
                let body = String(Substring(utf8[end.next...]))
                return .success(FrontMatterSplit(yaml: yaml, body: body, bodyLineOffset: lineCount))
            }
            cursor = end.next
        }
        return .failure(UnclosedFrontMatter())
    }

    public struct UnclosedFrontMatter: Error, Equatable {}

    private static func lineEnd(_ bytes: Substring.UTF8View.SubSequence, from start: Substring.UTF8View.Index) -> (
        contentEnd: Substring.UTF8View.Index, next: Substring.UTF8View.Index
    )? {
        guard start < bytes.endIndex else { return nil }
        guard let newline = bytes[start...].firstIndex(of: 0x0A) else { return (bytes.endIndex, bytes.endIndex) }
        var contentEnd = newline
        if contentEnd > start, bytes[bytes.index(before: contentEnd)] == 0x0D {
            contentEnd = bytes.index(before: contentEnd)
        }
        return (contentEnd, bytes.index(after: newline))
    }

    private static func isFence(_ line: Substring.UTF8View.SubSequence, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
        return trimmed.elementsEqual("---".utf8) || (allowDots && trimmed.elementsEqual("...".utf8))
    }
}
