/// Images in page bodies: the file exists (`image.missing`, an error) and the image has alt text
/// (`image.missing-alt`, a warning: a screen reader has nothing to say for it). In a Docent-layout site a relative
/// image is relative to the source file, as the renderer resolves it; in a Jekyll site, to the page URL.
struct ImageCheck: SiteCheck {
    let id = "image"

    func run(_ context: CheckContext) -> [Diagnostic] {
        let docentLayout = context.model.config.layout == .docent
        return context.eachPage { rendered in
            let page = rendered.page
            var source = context.source(of: rendered)
            var diagnostics: [Diagnostic] = []
            for image in rendered.outline.images {
                let path = LinkIndex.decode(LinkResolver.splitSuffix(image.source).0)
                let missingAlt = image.alt.trimmingCharacters(in: .whitespaces).isEmpty
                guard LinkResolver.isLocal(image.source) || missingAlt, !path.isEmpty || missingAlt else { continue }
                // Read the source only for an image with a problem.
                func location() -> SourceLocation {
                    source.locate(image.source, bodyLine: image.position.line, column: image.position.column)
                }
                if LinkResolver.isLocal(image.source), !path.isEmpty {
                    let url: String
                    if docentLayout, !path.hasPrefix("/"),
                        let resolved = LinkResolver.resolve(path, from: page.contentPath)
                    {
                        url = "/" + resolved
                    } else {
                        url = context.links.absoluteURL(path, from: page.url)
                    }
                    if case .missing = context.links.target(forURL: url, fragment: nil) {
                        let suggestion = context.links.suggestion(for: url, isContentPath: false)
                        diagnostics.append(
                            .error(
                                "image.missing", "image `\(image.source)` does not exist: no file at \(url)",
                                at: location(), note: suggestion.map { "did you mean `\($0)`?" },
                                fixIt: suggestion.flatMap {
                                    LinkIndex.replacingLastComponent(of: image.source, with: $0)
                                }
                                .map { "change the source to `\($0)`" }))
                    }
                }
                if missingAlt {
                    var alt = location()
                    // The caret goes between the brackets of `![]`, where the text belongs.
                    if let line = source.lines().dropFirst(alt.line - 1).first,
                        let column = PageSource.column(of: "![](" + image.source, in: line)
                    {
                        alt.column = column + 2
                    }
                    diagnostics.append(
                        .warning(
                            "image.missing-alt", "image `\(image.source)` has no alt text", at: alt,
                            note: "screen readers announce the image by its alt text",
                            fixIt: "describe the image: `![What the screenshot shows](\(image.source))`"))
                }
            }
            return diagnostics
        }
    }
}
