/// Links in page bodies: the page or file they point at exists, and so does their `#anchor` (on the same page or
/// another). Ids: `link.broken` (no page or file there), `link.broken-anchor` (the page has no such id).
struct LinkCheck: SiteCheck {
    let id = "link"

    func run(_ context: CheckContext) -> [Diagnostic] {
        context.eachPage { rendered in
            var source = context.source(of: rendered)
            var diagnostics: [Diagnostic] = []
            for link in rendered.outline.links {
                guard var problem = context.links.problem(with: link.destination, from: rendered.page) else {
                    continue
                }
                problem.location = source.locate(
                    link.destination, bodyLine: link.position.line, column: link.position.column)
                diagnostics.append(problem)
            }
            return diagnostics
        }
    }
}

extension LinkIndex {
    /// The diagnostic for a link destination written on `page` that leads nowhere, without its location; nil when
    /// it resolves (or is not a local link). `what` names the link in the message ("link", "related resource").
    /// `written` is the value as the user wrote it, when `destination` was derived from it (`category-url`).
    func problem(with destination: String, from page: Page, what: String = "link", written: String? = nil)
        -> Diagnostic?
    {
        let written = written ?? destination
        switch resolve(destination, from: page) {
        case .notChecked, .file:
            return nil
        case .page(let index, let fragment):
            guard let fragment, !fragment.isEmpty, fragment != "top", !anchors[index].contains(fragment) else {
                return nil
            }
            let target = model.pages[index]
            let place = target.url == page.url ? "this page" : "\(target.url) (\(target.sitePath))"
            let suggestion = suggestion(forFragment: fragment, onPage: index)
            return .error(
                "link.broken-anchor",
                "\(what) `\(written)`: no heading or element with id `\(fragment)` on \(place)",
                note: suggestion.map { "did you mean `#\($0)`?" },
                fixIt: suggestion.map { "change the \(what) to `\(Self.replacingFragment(of: written, with: $0))`" }
            )
        case .missing(let resolved, let isContentPath):
            let place =
                isContentPath
                ? "no page at \(model.config.contentFolder.isEmpty ? "" : model.config.contentFolder + "/")\(resolved)"
                : "no page or file at \(resolved)"
            let suggestion = suggestion(for: resolved, isContentPath: isContentPath)
            let replacement = suggestion.flatMap { Self.replacingLastComponent(of: written, with: $0) }
            return .error(
                "link.broken", "\(what) `\(written)` leads nowhere: \(place)",
                note: suggestion.map { "did you mean `\($0)`?" },
                fixIt: replacement.map { "change the \(what) to `\($0)`" })
        }
    }
}
