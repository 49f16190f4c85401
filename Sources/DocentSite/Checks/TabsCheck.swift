import Foundation

/// Tab sets (`{% tabs %}{% tab "macOS" %}…{% endtab %}{% endtabs %}`) as written in pages and includes: a `tab`
/// outside a `tabs` (`tabs.tab-outside`), a set with no tab (`tabs.no-tabs`), a tab with nothing in it
/// (`tabs.empty-tab`), no title (`tabs.missing-title`) or the title of another tab of its set
/// (`tabs.duplicate-title`: the reader could not tell them apart, nor a synced group pick one), and a tag left
/// open (`tabs.unclosed`), an end with nothing to close (`tabs.unmatched-end`), and a set indented under a list item
/// (`tabs.in-list`: its HTML would end the list). Skipped when the site defines its
/// own `tabs` or `tab` tag.
struct TabsCheck: SiteCheck {
    let id = "tabs"

    func run(_ context: CheckContext) -> [Diagnostic] {
        let config = context.model.config
        let ownTags = IncludeFiles.read(root: context.root, folder: config.tagsFolder).map {
            (($0.path as NSString).lastPathComponent as NSString).deletingPathExtension
        }
        guard !ownTags.contains("tabs"), !ownTags.contains("tab") else { return [] }
        var diagnostics = context.eachPage { rendered in
            let page = rendered.page
            guard page.body.contains("{%"), page.body.contains("tab") else { return [] }
            return Self.check(page.body, file: page.sitePath, lineOffset: page.bodyLineOffset)
        }
        for (path, text) in IncludeFiles.read(root: context.root, folder: config.includesFolder)
        where text.contains("tab") {
            diagnostics += Self.check(text, file: path, lineOffset: 0)
        }
        return diagnostics
    }

    static func check(_ text: String, file: String, lineOffset: Int) -> [Diagnostic] {
        let scan = TabTags(text)
        guard !scan.tags.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        func at(_ tag: TabTags.Tag) -> SourceLocation {
            SourceLocation(file: file, line: tag.line + lineOffset, column: tag.column)
        }
        /// An open `tabs` with its tabs' titles so far, or an open `tab`.
        enum Open {
            case set(TabTags.Tag, titles: [String: TabTags.Tag], tabs: Int)
            case tab(TabTags.Tag)

            var tag: TabTags.Tag {
                switch self {
                case .set(let tag, _, _), .tab(let tag): tag
                }
            }
        }
        var open: [Open] = []
        func closeTab(_ tab: TabTags.Tag, at end: TabTags.Tag) {
            if end.name == "endtab", scan.isBlank(between: tab, and: end) {
                diagnostics.append(
                    .warning(
                        "tabs.empty-tab", "the tab \(describe(tab)) is empty: readers who pick it see nothing",
                        at: at(tab), fixIt: "write the tab's content, or remove the tab"))
            }
        }
        for tag in scan.tags {
            switch tag.name {
            case "tabs":
                if scan.isInListItem(tag) {
                    diagnostics.append(
                        .error(
                            "tabs.in-list", "a tab set inside a list item is not supported: its HTML ends the list",
                            at: at(tag), note: "the tabs' tags write HTML blocks at the start of their lines",
                            fixIt: "move the tab set out of the list, or put the list inside each tab"))
                }
                open.append(.set(tag, titles: [:], tabs: 0))
            case "tab":
                guard case .set(let set, var titles, let count)? = open.last else {
                    diagnostics.append(
                        .error(
                            "tabs.tab-outside", "`{% tab %}` is not directly inside a `{% tabs %}`",
                            at: at(tag), note: "a tab shows only as one of a set",
                            fixIt: "put it between `{% tabs %}` and `{% endtabs %}`"))
                    open.append(.tab(tag))
                    continue
                }
                if let title = title(tag.markup) {
                    if let first = titles[title] {
                        diagnostics.append(
                            .error(
                                "tabs.duplicate-title", "another tab of this set is titled \(describe(tag))",
                                at: at(tag), note: "the first is at line \(first.line + lineOffset)",
                                fixIt: "give each tab of a set its own title"))
                    } else {
                        titles[title] = tag
                    }
                } else {
                    diagnostics.append(
                        .error(
                            "tabs.missing-title", "this tab has no title", at: at(tag),
                            fixIt: "write its title: `{% tab \"macOS\" %}`"))
                }
                open[open.count - 1] = .set(set, titles: titles, tabs: count + 1)
                open.append(.tab(tag))
            case "endtab":
                guard case .tab(let tab)? = open.last else {
                    diagnostics.append(
                        .error("tabs.unmatched-end", "`{% endtab %}` closes no `{% tab %}`", at: at(tag)))
                    continue
                }
                closeTab(tab, at: tag)
                open.removeLast()
            default:  // endtabs
                guard let index = open.lastIndex(where: { $0.tag.name == "tabs" }) else {
                    diagnostics.append(
                        .error("tabs.unmatched-end", "`{% endtabs %}` closes no `{% tabs %}`", at: at(tag)))
                    continue
                }
                for entry in open[(index + 1)...] {
                    let inner = entry.tag
                    diagnostics.append(
                        unclosed(inner, at: at(inner), before: "`{% endtabs %}` at line \(tag.line + lineOffset)"))
                }
                if case .set(let set, _, 0) = open[index] {
                    diagnostics.append(
                        .error(
                            "tabs.no-tabs", "this tab set has no `{% tab %}`", at: at(set),
                            fixIt: "write each alternative as `{% tab \"Title\" %}…{% endtab %}` inside it"))
                }
                open.removeSubrange(index...)
            }
        }
        // The outermost tag left open; those inside it are noted (10,000 of them are one mistake).
        if let outermost = open.first {
            var diagnostic = unclosed(outermost.tag, at: at(outermost.tag), before: "the end of the file")
            if open.count > 1 { diagnostic.note = "\(open.count - 1) more tabs tags inside it are not closed either" }
            diagnostics.append(diagnostic)
        }
        return diagnostics
    }

    // MARK: - Helpers

    private static func unclosed(_ tag: TabTags.Tag, at location: SourceLocation, before end: String) -> Diagnostic {
        .error(
            "tabs.unclosed", "`{% \(tag.name) %}` is not closed before \(end)", at: location,
            fixIt: "add `{% end\(tag.name) %}`")
    }

    /// The title a `tab` tag's markup gives: a quoted string's text, `title="…"`, or the expression as written.
    static func title(_ markup: String) -> String? {
        var text = Substring(markup)
        if text.hasPrefix("title=") || text.hasPrefix("title:") { text = text.dropFirst(6).drop { $0 == " " } }
        if let quote = text.first, quote == "\"" || quote == "'" {
            let inner = text.dropFirst().prefix { $0 != quote }
            return inner.trimmingCharacters(in: .whitespaces).isEmpty ? nil : String(inner)
        }
        let expression = text.prefix { $0 != " " }
        return expression.isEmpty ? nil : String(expression)
    }

    private static func describe(_ tag: TabTags.Tag) -> String {
        title(tag.markup).map { "`\($0)`" } ?? "without a title"
    }
}
