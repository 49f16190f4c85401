/// Two headings of one page with the same id (`heading.duplicate-id`): only the first can be linked to. Automatic
/// ids are made unique by the renderer, so this catches ids written by hand (`{#setup}`).
struct DuplicateHeadingIDCheck: SiteCheck {
    let id = "heading"

    func run(_ context: CheckContext) -> [Diagnostic] {
        context.eachPage { rendered in
            var firstLine: [String: Int] = [:]
            var source = context.source(of: rendered.page)
            var diagnostics: [Diagnostic] = []
            for heading in rendered.outline.headings where !heading.id.isEmpty {
                let explicit = "{#\(heading.id)}"
                var location = source.locate(explicit, bodyLine: heading.position.line, column: heading.position.column)
                if location.line == heading.position.line + rendered.page.bodyLineOffset,
                    source.lines().dropFirst(location.line - 1).first.map({ !$0.contains(explicit) }) ?? true
                {
                    location = source.locate(
                        heading.text, bodyLine: heading.position.line, column: heading.position.column)
                }
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
}
