/// Takes the common indentation off each tab's body in a page's rendered text, so a body written indented under
/// its `{% tab %}` is Markdown (four spaces would make it a code block). Lines are kept, so positions in the
/// body still map line for line to the page; only the columns of an indented body shift.
enum TabBodies {
    /// Tabs nested deeper than this keep their bodies as written (bounds the work on a hostile page).
    static let maxDepth = 16

    static func dedented(_ text: String) -> String {
        guard text.utf8.count >= TabMarkup.tabOpenPrefix.utf8.count, text.contains(TabMarkup.tabOpenPrefix) else {
            return text
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Each tab's body: the lines between the line after its label and its end line, outermost first.
        var bodies: [Range<Int>] = []
        var open: [Int] = []
        for (index, line) in lines.enumerated() {
            if line.hasPrefix(TabMarkup.tabOpenPrefix) {
                open.append(index + 2)
            } else if line.hasPrefix(TabMarkup.tabClose), let start = open.popLast() {
                if open.count < maxDepth, start < index { bodies.append(start..<index) }
            }
        }
        guard !bodies.isEmpty else { return text }
        bodies.sort { $0.lowerBound < $1.lowerBound }
        for body in bodies {
            var indent = Int.max
            for index in body where !isMarker(lines[index]) {
                let line = lines[index]
                let width = line.prefix { $0 == " " || $0 == "\t" }.count
                if width == line.count { continue }  // blank
                indent = min(indent, width)
                if indent == 0 { break }
            }
            guard indent > 0, indent != .max else { continue }
            for index in body where !isMarker(lines[index]) {
                let line = lines[index]
                let width = line.prefix { $0 == " " || $0 == "\t" }.count
                lines[index] = line.dropFirst(min(width, indent))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A line one of the tabs tags wrote (always at the start of its line).
    private static func isMarker(_ line: Substring) -> Bool {
        line.hasPrefix("<") && line.contains("docent-tab")
    }
}
