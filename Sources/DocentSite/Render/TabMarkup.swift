import DocentMarkdown
import Foundation

/// The HTML the built-in `{% tabs %}` tags write into a page's Markdown, and the tab sets read back from the parsed
/// document (for the table of contents and the walkthrough's steps).
///
/// Each tag writes its own lines at the start of a line, so cmark-gfm sees HTML blocks around the tab bodies and
/// parses the bodies as Markdown (an HTML block ends at a blank line):
///
/// ```html
/// <div class="docent-tabs" data-tabs-group="os">
///
/// <section class="docent-tab" data-tab-title="macOS">
/// <p class="docent-tab-label">macOS</p>
///
/// …the tab's Markdown…
///
/// </section><!-- docent-tab -->
///
/// </div><!-- docent-tabs -->
/// ```
///
/// Without JavaScript every panel shows with its title; `assets/js/tabs.js` turns the set into a WAI-ARIA tablist.
enum TabMarkup {
    static let setOpenPrefix = "<div class=\"docent-tabs\""
    static let setClose = "</div><!-- docent-tabs -->"
    static let tabOpenPrefix = "<section class=\"docent-tab\""
    static let tabClose = "</section><!-- docent-tab -->"
    /// The tab's title in its panel, the line after the tab's opening line.
    static let labelPrefix = "<p class=\"docent-tab-label\">"

    static func openSet(group: String?) -> String {
        let group = group.map { " data-tabs-group=\"\(HTMLEscaping.escape($0))\"" } ?? ""
        return "\n\(setOpenPrefix)\(group)>\n"
    }

    static func closeSet() -> String { "\n\(setClose)\n" }

    static func openTab(title: String) -> String {
        let title = HTMLEscaping.escape(title)
        return "\n\(tabOpenPrefix) data-tab-title=\"\(title)\">\n\(labelPrefix)\(title)</p>\n\n"
    }

    static func closeTab() -> String { "\n\n\(tabClose)\n" }

    /// One tab of a set, as found in the document: its title and its top-level blocks.
    struct Tab: Sendable, Equatable {
        var title: String
        var position: SourcePosition
        var blocks: Range<Int>
    }

    /// A tab set found among a document's top-level blocks.
    struct TabSet: Sendable, Equatable {
        var group: String?
        var position: SourcePosition
        /// From the block that opens the set to the block that closes it, both included.
        var blocks: Range<Int>
        var tabs: [Tab]
    }

    /// What one of the tags' lines is.
    enum Marker: Equatable {
        case openSet(group: String?)
        case closeSet
        case openTab(title: String)
        case closeTab
    }

    /// What one of the tags' lines is, without its attributes.
    enum MarkerKind: Equatable {
        case openSet, closeSet, openTab, closeTab
    }

    /// The tab sets among `blocks[range]` that no other set of the range holds, in order. A set without its end
    /// runs to the end of the range.
    static func sets(in blocks: [MarkdownBlock], range: Range<Int>? = nil) -> [TabSet] {
        let range = range ?? blocks.indices
        var sets: [TabSet] = []
        var current: TabSet?
        // How many sets are open: 1 inside a set of the range's own level, more inside a set nested in one of its tabs.
        var depth = 0
        var openTab: (title: String, position: SourcePosition, start: Int)?
        func endTab(at index: Int) {
            if let tab = openTab, depth == 1 {
                current?.tabs.append(Tab(title: tab.title, position: tab.position, blocks: tab.start..<index))
            }
            openTab = nil
        }
        for index in range {
            guard case .htmlBlock(let html) = blocks[index].kind else { continue }
            for marker in markers(in: html) {
                switch marker {
                case .openSet(let group):
                    depth += 1
                    if depth == 1 {
                        current = TabSet(group: group, position: blocks[index].start, blocks: index..<index, tabs: [])
                    }
                case .openTab(let title):
                    if depth == 1 {
                        endTab(at: index)
                        openTab = (title, blocks[index].start, index + 1)
                    }
                case .closeTab:
                    if depth == 1 { endTab(at: index) }
                case .closeSet:
                    guard depth > 0 else { continue }
                    if depth == 1 {
                        endTab(at: index)
                        if var set = current {
                            set.blocks = set.blocks.lowerBound..<(index + 1)
                            sets.append(set)
                        }
                        current = nil
                    }
                    depth -= 1
                }
            }
        }
        endTab(at: range.upperBound)
        if var set = current {
            set.blocks = set.blocks.lowerBound..<range.upperBound
            sets.append(set)
        }
        return sets
    }

    /// The positions of the headings that are inside a tab, at any depth of blocks (a page's table of contents
    /// leaves them out: only one tab of a set shows at a time).
    static func headingsInTabs(_ document: MarkdownDocument) -> Set<SourcePosition> {
        var found: Set<SourcePosition> = []
        func collect(_ block: MarkdownBlock, depth: Int) {
            if case .heading = block.kind { found.insert(block.start) }
            guard depth < MarkdownDocument.maxNestingDepth else { return }
            for child in block.children { collect(child, depth: depth + 1) }
        }
        var tabDepth = 0
        for block in document.blocks {
            if case .htmlBlock(let html) = block.kind {
                for line in html.split(separator: "\n") {
                    switch kind(line) {
                    case .openTab: tabDepth += 1
                    case .closeTab: tabDepth = max(0, tabDepth - 1)
                    case .openSet, .closeSet, nil: break
                    }
                }
            } else if tabDepth > 0 {
                collect(block, depth: 0)
            }
        }
        return found
    }

    /// The tags' lines in an HTML block, in order.
    static func markers(in html: String) -> [Marker] {
        html.split(separator: "\n").compactMap(marker)
    }

    /// What the tags' line `line` is; nil for any other line.
    static func marker(_ line: Substring) -> Marker? {
        switch kind(line) {
        case .openTab: .openTab(title: attribute("data-tab-title", in: line) ?? "")
        case .closeTab: .closeTab
        case .openSet: .openSet(group: attribute("data-tabs-group", in: line))
        case .closeSet: .closeSet
        case nil: nil
        }
    }

    /// What kind of the tags' lines `line` is; nil for any other line.
    static func kind(_ line: Substring) -> MarkerKind? {
        let bytes = line.utf8
        guard bytes.first == UInt8(ascii: "<") else { return nil }
        if bytes.starts(with: tabOpenPrefix.utf8) { return .openTab }
        if bytes.starts(with: tabClose.utf8) { return .closeTab }
        if bytes.starts(with: setOpenPrefix.utf8) { return .openSet }
        if bytes.starts(with: setClose.utf8) { return .closeSet }
        return nil
    }

    /// An attribute's value as the tags write it (double-quoted, escaped by `HTMLEscaping`), unescaped.
    private static func attribute(_ name: String, in line: Substring) -> String? {
        guard let start = line.range(of: " \(name)=\"") else { return nil }
        let value = String(line[start.upperBound...].prefix { $0 != "\"" })
        guard value.utf8.contains(UInt8(ascii: "&")) else { return value }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
