import DocentMarkdown

/// Two headings of one page with the same id (`heading.duplicate-id`): only the first can be linked to. Automatic
/// ids are made unique by the renderer, so this catches ids written by hand (`{#setup}`).
struct DuplicateHeadingIDCheck: SiteCheck {
    let id = "heading"

    func run(_ context: CheckContext) -> [Diagnostic] {
        context.eachPage { rendered in
            var seen = Set<String>()
            let headings = rendered.outline.headings.filter { !$0.id.isEmpty }
            guard headings.contains(where: { !seen.insert($0.id).inserted }) else { return [] }
            // Rare: only now read the source, to put each heading on its line.
            var source = context.source(of: rendered)
            var firstLine: [String: Int] = [:]
            var diagnostics: [Diagnostic] = []
            for heading in headings {
                let location = Self.locate(heading, in: &source)
                guard let first = firstLine[heading.id] else {
                    firstLine[heading.id] = location.line
                    continue
                }
                diagnostics.append(
                    .error(
                        "heading.duplicate-id", "heading id `\(heading.id)` is already used on line \(first)",
                        at: location, note: "links to `#\(heading.id)` always go to the first one",
                        fixIt: "give this heading another id, e.g. `{#\(heading.id)-2}`"))
            }
            return diagnostics
        }
    }

    /// The heading's `{#id}` if written by hand, else its text.
    private static func locate(_ heading: Outline.Heading, in source: inout PageSource) -> SourceLocation {
        let explicit = "{#\(heading.id)}"
        let location = source.locate(explicit, bodyLine: heading.position.line, column: heading.position.column)
        if let line = source.lines().dropFirst(location.line - 1).first, line.contains(explicit) { return location }
        return source.locate(heading.text, bodyLine: heading.position.line, column: heading.position.column)
    }
}
