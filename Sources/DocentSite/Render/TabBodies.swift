/// Takes the common indentation off each tab's body in a page's rendered text, so a body written indented under
/// its `{% tab %}` is Markdown (four spaces would make it a code block). Lines are kept, so positions in the
/// body still map line for line to the page; only the columns of an indented body shift.
///
/// A body's indentation is the least of its lines' (those of tabs nested in it included), so a line loses the
/// indentation of the innermost tab it is in: what the outer tab takes, then what is left in the inner one. One
/// pass, whatever the nesting.
enum TabBodies {
    static func dedented(_ text: String) -> String {
        guard text.utf8.count >= TabMarkup.tabOpenPrefix.utf8.count, text.containsBytes(TabMarkup.tabOpenPrefix) else {
            return text
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        /// Each tab's least indentation so far; `Int.max` while it has no text.
        var indents: [Int] = []
        var closed: [Bool] = []
        /// The innermost tab of each line (nil: outside tabs, or one of the tags' lines).
        var innermost = [Int?](repeating: nil, count: lines.count)
        var open: [Int] = []
        for (index, line) in lines.enumerated() {
            let width = line.utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count
            if width == 0, let kind = TabMarkup.kind(line) {
                switch kind {
                case .openTab:
                    open.append(indents.count)
                    indents.append(.max)
                    closed.append(false)
                case .closeTab:
                    guard let tab = open.popLast() else { break }
                    closed[tab] = true
                    if let parent = open.last { indents[parent] = min(indents[parent], indents[tab]) }
                case .openSet, .closeSet:
                    break
                }
                continue
            }
            if width == 0, line.utf8.starts(with: TabMarkup.labelPrefix.utf8) { continue }
            guard let tab = open.last, width < line.utf8.count else { continue }  // outside tabs, or blank
            innermost[index] = tab
            indents[tab] = min(indents[tab], width)
        }
        var changed = false
        for index in lines.indices {
            guard let tab = innermost[index], closed[tab], indents[tab] != .max, indents[tab] > 0 else { continue }
            lines[index] = lines[index].dropFirst(indents[tab])
            changed = true
        }
        return changed ? lines.joined(separator: "\n") : text
    }
}
