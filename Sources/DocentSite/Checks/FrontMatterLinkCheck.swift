import DocentMarkdown

/// Links written in front matter: `related_resources[].url`, `breadcrumbs[]` and `category-url` (their page
/// and anchor), and links inside FAQ answers (`faqs[].a`, Markdown). Ids as for body links: `link.broken`,
/// `link.broken-anchor`. A breadcrumb or absolute related link to a missing page is already reported while
/// rendering (`frontmatter.breadcrumb`, `frontmatter.related`), so only its anchor is checked here.
struct FrontMatterLinkCheck: SiteCheck {
    let id = "link"

    func run(_ context: CheckContext) -> [Diagnostic] {
        let markdownStyle = context.model.config.markdownStyle
        return context.eachPage { rendered in
            let page = rendered.page
            let links = context.links
            var source = context.source(of: page)
            var diagnostics: [Diagnostic] = []
            func report(_ destination: String, key: String, what: String, anchorsOnly: Bool, written: String? = nil) {
                guard var problem = links.problem(with: destination, from: page, what: what, written: written),
                    !anchorsOnly || problem.id == "link.broken-anchor"
                else { return }
                problem.location = source.locate(written ?? destination, inFrontMatterFrom: key)
                diagnostics.append(problem)
            }
            let docentKeys = context.model.config.docentFrontMatter
            for (index, url) in page.meta.breadcrumbs.enumerated() where docentKeys {
                report(url, key: "breadcrumbs[\(index)]", what: "breadcrumb", anchorsOnly: true)
            }
            for link in page.meta.relatedResources where docentKeys {
                report(link.url, key: link.keyPath, what: "related resource", anchorsOnly: link.url.hasPrefix("/"))
            }
            if docentKeys, let categoryURL = page.meta.categoryURL, let url = page.categoryPageURL,
                LinkResolver.isLocal(url)
            {
                // The page the breadcrumbs show.
                report(url, key: "category-url", what: "category-url", anchorsOnly: false, written: categoryURL)
            }
            for faq in page.meta.faqs where faq.answer.containsBytes("](") || faq.answer.containsBytes("]:") {
                let outline = Outline(Markdown.parse(faq.answer, style: markdownStyle))
                for link in outline.links where !link.destination.contains("{") {
                    guard var problem = links.problem(with: link.destination, from: page) else { continue }
                    problem.location = source.locate(link.destination, inFrontMatterFrom: faq.keyPath)
                    diagnostics.append(problem)
                }
            }
            return diagnostics
        }
    }
}
