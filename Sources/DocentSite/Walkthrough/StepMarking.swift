import DocentMarkdown

extension Array where Element == MarkdownBlock {
    /// Sets an HTML attribute on the block at `path` (child indexes from these blocks down).
    mutating func setAttribute(_ name: String, _ value: String, at path: ArraySlice<Int>) {
        guard let index = path.first, indices.contains(index) else { return }
        if path.count == 1 {
            self[index].attributes.pairs.removeAll { $0.name == name }
            self[index].attributes.pairs.append(.init(name: name, value: value))
        } else {
            self[index].children.setAttribute(name, value, at: path.dropFirst())
        }
    }
}
