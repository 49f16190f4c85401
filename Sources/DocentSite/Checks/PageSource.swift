import Foundation
import Liquid

/// A page's file as the user wrote it, read only when a diagnostic needs it, to put that diagnostic on the line
/// and column where the user can fix it. Markdown positions of a body that went through Liquid are those of the
/// rendered text (an include can add lines): the Liquid renderer's origin map gives the line they came from, and
/// the needle's text on that line its column.
struct PageSource {
    let page: Page
    let root: URL
    /// Source lines of the rendered body's lines, when the body went through Liquid.
    let origins: LiquidOriginMap?
    private var cachedLines: [Substring]?

    init(page: Page, root: URL, origins: LiquidOriginMap? = nil) {
        self.page = page
        self.root = root
        self.origins = origins
    }

    /// The file's lines (1-based: `lines[0]` is line 1); the body alone, shifted, if the file cannot be read.
    mutating func lines() -> [Substring] {
        if let cachedLines { return cachedLines }
        var lines: [Substring]
        if let data = FileManager.default.contents(atPath: root.appendingPathComponent(page.sitePath).path) {
            lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        } else {
            lines =
                Array(repeating: "", count: page.bodyLineOffset)
                + page.body.split(separator: "\n", omittingEmptySubsequences: false)
        }
        lines = lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        cachedLines = lines
        return lines
    }

    /// Where `needle` (a link destination, an image source, a heading's text) is written in the body, given the
    /// position Markdown reported (mapped back through the Liquid pass): that line if it holds the needle, else
    /// the nearest body line that does (text an include printed is not in the page); the column is the needle's.
    /// Falls back to the reported position.
    mutating func locate(_ needle: String, bodyLine: Int, column: Int) -> SourceLocation {
        var reported = page.location(bodyLine: bodyLine, column: column)
        if let line = origins?.sourceLine(forOutputLine: bodyLine) { reported.line = line }
        let lines = lines()
        let first = page.bodyLineOffset + 1
        return locate(needle, near: reported.line, in: first...max(first, lines.count)) ?? reported
    }

    /// Where `needle` is written in the front matter, searching from the line of `keyPath` down (a `|` block's
    /// text starts on the next lines).
    mutating func locate(_ needle: String, inFrontMatterFrom keyPath: String) -> SourceLocation {
        let key = page.location(ofKey: keyPath)
        let last = max(key.line, page.bodyLineOffset - 1)
        return locate(needle, near: key.line, in: key.line...last, forwardOnly: true) ?? key
    }

    /// The nearest line to `near` within `range` that contains `needle`.
    mutating func locate(_ needle: String, near: Int, in range: ClosedRange<Int>, forwardOnly: Bool = false)
        -> SourceLocation?
    {
        let lines = lines()
        guard !needle.isEmpty, !lines.isEmpty else { return nil }
        let lower = max(1, range.lowerBound)
        let upper = min(lines.count, max(range.upperBound, 1))
        guard lower <= upper else { return nil }
        let range = lower...upper
        let start = min(max(near, range.lowerBound), range.upperBound)
        var distance = 0
        while start - distance >= range.lowerBound || start + distance <= range.upperBound {
            for line in forwardOnly ? [start + distance] : [start - distance, start + distance]
            where range.contains(line) {
                if let column = Self.column(of: needle, in: lines[line - 1]) {
                    return SourceLocation(file: page.sitePath, line: line, column: column)
                }
            }
            if forwardOnly && start + distance > range.upperBound { break }
            distance += 1
        }
        return nil
    }

    /// The 1-based UTF-8 column where `needle` starts in `line`.
    static func column(of needle: String, in line: Substring) -> Int? {
        guard let range = line.range(of: needle) else { return nil }
        return line.utf8.distance(from: line.startIndex, to: range.lowerBound) + 1
    }
}
