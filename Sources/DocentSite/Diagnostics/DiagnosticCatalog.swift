/// What one diagnostic id means: its default severity and a line saying what went wrong and what to do.
public struct DiagnosticKind: Sendable, Hashable {
    public let id: String
    public let severity: Diagnostic.Severity
    public let summary: String

    init(_ id: String, _ severity: Diagnostic.Severity, _ summary: String) {
        self.id = id
        self.severity = severity
        self.summary = summary
    }
}

/// Every diagnostic id Docent reports, in one place: `docent explain ID` prints an entry, and a test keeps this
/// list and the sources in step (an id reported anywhere is listed here, and every entry is reported somewhere).
public enum DiagnosticCatalog {
    public static let all: [DiagnosticKind] = [
        // The config file
        .init("config.missing", .error, "The folder has no docent.yml or _config.yml: it is not a site."),
        .init("config.unreadable", .error, "The config file cannot be read as UTF-8 text."),
        .init("config.yaml", .error, "The config file is not valid YAML; the position is where the parser stopped."),
        .init("config.value", .error, "A config key has a value of the wrong type or outside its allowed values."),
        .init(
            "config.schema", .error,
            "The front matter schema in the config (`schema:`) is malformed: a section, type or value list."),
        .init(
            "config.theme", .warning,
            "The Jekyll theme the config names is not installed here, or is a remote_theme: its files are missing."),
        .init(
            "config.plugin", .warning,
            "A Jekyll plugin the config lists is not built into Docent: what it would add to the site is missing."),
        .init(
            "cache.unreadable", .warning,
            "A file of Docent's cache (.docent-cache/: `docent check`'s check.json, `docent build`'s pages.pack, sources and outputs) is damaged, truncated or not Docent's: it was ignored (the pages it held were rendered again) and rewritten."
        ),
        .init(
            "cache.unusable", .warning,
            "The cache folder (.docent-cache/) is not a folder Docent may use (a symbolic link, which could lead outside the site, or a file): the build ran without the cache and left it alone."
        ),
        // Reading the site's files
        .init(
            "source.post-name", .warning, "A file in `_posts` whose name does not start with a date is not published."),
        .init("source.unreadable", .error, "A file of the site cannot be read (permissions, or it vanished)."),
        .init(
            "source.changed", .error, "A page file changed while the site was building; build again once it is saved."),
        .init("source.encoding", .error, "A page is not valid UTF-8 text."),
        .init("source.binary", .error, "A page contains NUL bytes: it looks like a binary file, not text."),
        .init("source.too-large", .error, "A page is larger than the per-page size limit."),
        .init(
            "source.symlink-outside", .error,
            "A symbolic link leads out of the site folder; Docent never reads or publishes files outside the site."),
        .init(
            "source.symlink-loop", .error,
            "A symbolic link leads to a folder the site already reads (a loop or an alias); it is read once."),
        .init("source.special-file", .error, "A FIFO, socket or device where a file of the site should be."),
        .init("source.unsafe-name", .error, "A file name with a control character, which Docent does not publish."),
        .init(
            "permalink.unsafe", .error,
            "The page would be written outside the output folder, over its marker, or to a name with a control character."
        ),
        .init("markdown.too-deep", .error, "Markdown nests deeper than the limit (100 levels of quotes and lists)."),
        .init(
            "markdown.too-complex", .error,
            "A page holds more Markdown than the parser may use memory for (lines and inline markup); it is not rendered."
        ),
        .init(
            "markdown.table-too-large", .error,
            "A table is wider or bigger than the limit (1,000 columns, 500,000 cells a page); it is not made a table."),
        // Front matter
        .init("frontmatter.unclosed", .error, "The front matter opened with `---` is never closed by a `---` line."),
        .init("frontmatter.yaml", .error, "The front matter is not valid YAML; the position is where it goes wrong."),
        .init("frontmatter.type", .error, "A front matter key has a value of the wrong type (a list for a string…)."),
        .init("frontmatter.value", .error, "A front matter value is not one of the values the schema allows."),
        .init(
            "frontmatter.missing-key", .error, "A key the schema requires for this layout or content type is missing."),
        .init(
            "frontmatter.unknown-key", .warning, "A key the schema does not know: often a misspelling of one it does."),
        .init("frontmatter.breadcrumb", .error, "A `breadcrumbs` entry is not the URL of a page of the site."),
        .init("frontmatter.related", .error, "A `related_resources` URL is not a page or file of the site."),
        // Data and navigation
        .init("data.unreadable", .error, "A data file (site.data) cannot be read as UTF-8 text."),
        .init("data.yaml", .error, "A data file is not valid YAML or JSON."),
        .init("nav.unknown-page", .error, "The navigation file names a URL that is not a page of the site."),
        // Templates
        .init("layout.missing", .error, "A page or layout asks for a layout the site does not have."),
        .init("layout.cycle", .error, "Layouts name each other in a loop (a → b → a)."),
        .init("include.missing-parameter", .error, "An include reads `include.NAME` that its call does not pass."),
        .init("liquid.syntax", .error, "A Liquid tag or output is malformed."),
        .init(
            "liquid.lax-syntax", .warning,
            "Malformed Liquid markup read leniently, as Ruby Liquid's lax parser does (error_mode lax or warn)."),
        .init("liquid.unknown-tag", .error, "A Liquid tag that is neither built in nor defined in the site's tags."),
        .init("liquid.unknown-filter", .error, "A Liquid filter that is neither built in nor a Jekyll filter."),
        .init("liquid.unclosed-block", .error, "A Liquid block (`if`, `for`, `raw`…) is never closed."),
        .init("liquid.undefined-variable", .error, "A variable that does not exist, in strict variable mode."),
        .init("liquid.argument", .error, "A tag or filter argument of the wrong kind (not a number, a bad name)."),
        .init("liquid.render", .error, "A template failed while rendering."),
        .init("liquid.missing-partial", .error, "An `include` or `render` names a file the includes folder lacks."),
        .init("liquid.include-outside-root", .error, "An include path leads out of the includes folder."),
        .init(
            "liquid.include-depth", .error,
            "Includes nest deeper than the limit: an include loop with nothing that ends it."),
        .init("liquid.loop-limit", .error, "A loop ran more iterations than the limit."),
        .init("liquid.output-limit", .error, "A template produced more output than the per-page limit."),
        // Links, images, headings, callouts
        .init("link.broken", .error, "A link leads to no page or file of the site."),
        .init("link.broken-anchor", .error, "A link's #fragment is no heading id or anchor of the page it leads to."),
        .init("link.external-broken", .error, "An external link answered 404 or 410 (`check --external`)."),
        .init(
            "link.external-unreachable", .warning,
            "An external link could not be checked or answered an error other than not found."),
        .init("image.missing", .error, "An image's file does not exist in the site."),
        .init("image.missing-alt", .warning, "An image has no alt text, which screen readers need."),
        .init("heading.duplicate-id", .error, "Two headings of a page get the same id, so one cannot be linked to."),
        .init("callout.unknown-class", .error, "A callout (`{:.class}`) uses a class the site's schema does not list."),
        // Tabs
        .init("tabs.tab-outside", .error, "A `{% tab %}` is not directly inside a `{% tabs %}` set."),
        .init("tabs.no-tabs", .error, "A `{% tabs %}` set has no `{% tab %}` in it."),
        .init("tabs.empty-tab", .warning, "A tab has nothing between `{% tab %}` and `{% endtab %}`."),
        .init("tabs.missing-title", .error, "A `{% tab %}` has no title to show on its tab."),
        .init(
            "tabs.duplicate-title", .error,
            "Two tabs of one set have the same title: readers cannot tell them apart and a synced group cannot pick one."
        ),
        .init("tabs.unclosed", .error, "A `{% tabs %}` or `{% tab %}` has no end tag before its set or file ends."),
        .init("tabs.unmatched-end", .error, "An `{% endtab %}` or `{% endtabs %}` closes nothing."),
        .init(
            "tabs.in-list", .error,
            "A `{% tabs %}` set is indented under a list item: its HTML blocks would end the list."),
        // Sass stylesheets
        .init(
            "sass.error", .error,
            "A Sass or SCSS stylesheet does not compile: libsass's message, at its line and column."),
        .init(
            "sass.import", .error,
            "A stylesheet's @import finds no file (beside it, in load_paths, sass_dir or the theme's _sass), or two."),
        .init(
            "sass.import-outside", .error,
            "A stylesheet's @import leads outside the site (an absolute path, `..` above the root, a link out): refused."
        ),
        .init(
            "sass.limit", .error,
            "A stylesheet imports too many files or too much text (an import chain gone wrong): it is not compiled."),
        // Output
        .init("output.duplicate", .error, "Two files of the site write the same output path."),
        .init("output.write", .error, "Writing the site failed (disk full, permissions)."),
        .init(
            "redirect.conflict", .warning,
            "A `redirect_from` URL is already a page or file of the site, which is kept; no redirect is written there."),
        // Walkthroughs
        .init("walkthrough.unknown-state", .error, "`walkthrough:` names a starting state the simulation lacks."),
        .init("walkthrough.missing-input", .error, "A step types a value the front matter's walkthrough_inputs lacks."),
        .init(
            "walkthrough.unresolved-step", .error,
            "A step says to click or fill something, but names no bold control the simulation can act on."),
        .init(
            "walkthrough.unknown-control", .error,
            "A step names a control that the screen the reader is on does not have."),
        .init(
            "walkthrough.ambiguous-control", .error, "A step's control label matches several controls on the screen."),
        .init("walkthrough.disabled-control", .error, "A step clicks a control that is disabled at that point."),
        .init(
            "walkthrough.refused", .error, "The simulated product refused the step's action (a rule of the product)."),
        .init("walkthrough.expectation", .error, "What a step says happens next is not what the simulation shows."),
        .init(
            "walkthrough.placement", .error,
            "A step says where its control is (in the sidebar, from a section, a dropdown menu, a row's submenu, next to a row) and the simulation draws it elsewhere."
        ),
        .init("walkthrough.unavailable", .warning, "The build has no simulation, so the walkthrough is not embedded."),
        .init(
            "walkthrough.runtime-missing", .error,
            "The live console's files are neither in the site nor beside this docent binary: the walkthrough cannot"
                + " load (`build` warns and readers see the static screens)."),
        .init(
            "walkthrough.layout-hook", .warning,
            "A walkthrough page's layout leaves out `page.walkthrough_html` or `page.walkthrough_head`."),
        .init(
            "walkthrough.stale-screenshot", .warning,
            "A step's picture is older than the step it shows: `docent screenshots --stale` remakes it."),
    ]

    private static let byID: [String: DiagnosticKind] = Dictionary(
        all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The entry for an id, or nil.
    public static func kind(_ id: String) -> DiagnosticKind? { byID[id] }

    /// The id closest to a mistyped one ("link.brokn" → "link.broken"), if one is close.
    public static func closest(to id: String) -> String? {
        Suggestions.closest(to: id, in: all.map(\.id))
    }
}
