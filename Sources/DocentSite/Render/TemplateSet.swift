import DocentMarkdown
import Foundation
import Liquid

/// The layouts and custom tags of a site, parsed once, and the Liquid engine that renders them.
final class TemplateSet: Sendable {
    struct Layout: Sendable {
        var name: String
        var sitePath: String
        var template: LiquidTemplate
        var parent: String?
        var values: [String: LiquidValue]
        var parentLocation: SourceLocation
        /// Where it would take a walkthrough's console and runtime.
        var walkthroughHook: WalkthroughHook
    }

    /// A file of the includes folder, parsed once with the engine (renders reuse the parse).
    struct Include: Sendable {
        /// Its name in `{% include name %}`: the path under the includes folder.
        var name: String
        var sitePath: String
        /// What it refers to; nil when it does not parse or cannot be read (rendering reports why).
        var references: LiquidReferences?
    }

    let engine: LiquidEngine
    let layouts: [String: Layout]
    /// Every include file, by path.
    let includes: [Include]
    let diagnostics: [Diagnostic]
    /// What each layout, include and custom tag file refers to, by site path; nil when it does not parse.
    private let referencesByFile: [String: LiquidReferences?]
    private let includesFolder: String
    /// True when a layout, an include or a custom tag reads `faq_items`. Rendering every page's FAQ answers to
    /// HTML is skipped when nothing can show them (a page body renders before `faq_items` exists).
    let usesFAQItems: Bool

    init(root: URL, config: SiteConfig, siteValues: @escaping @Sendable () -> LiquidValue) {
        var diagnostics: [Diagnostic] = []
        let view = SiteFileView(root: root)
        var configuration = LiquidConfiguration()
        let theme = config.theme
        configuration.fileSystem = SiteIncludes(
            view: view, includesFolder: config.includesFolder, theme: theme, into: &diagnostics)
        JekyllPlugins.register(in: &configuration, config: config)
        configuration.baseURL = config.baseURL
        configuration.siteURL = config.url
        configuration.strictFilters = config.liquidStrictFilters
        configuration.strictVariables = config.liquidStrictVariables
        configuration.errorMode = config.liquidErrorMode
        let markdownStyle = config.markdownStyle
        let codeMarkup = config.codeMarkup
        configuration.markdownify = { text in
            // Text the page parsed already (its FAQ answers) is only rendered.
            HTMLRenderer(code: codeMarkup).render(
                ParsedMarkdown.known[text] ?? Markdown.parse(text, style: markdownStyle))
        }
        HighlightTag.register(in: &configuration, code: codeMarkup)
        TabsTag.register(in: &configuration)
        let tagBox = EngineBox()
        let extensions = TemplateExtensions(root: root, config: config, box: tagBox, siteValues: siteValues)
        var extensionSources: [TemplateExtensions.Source] = []
        for (name, sitePath) in Self.files(in: config.tagsFolder, view: view, into: &diagnostics) {
            guard let text = Self.read(view, sitePath, into: &diagnostics) else { continue }
            extensionSources.append(extensions.registerTag(name, sitePath: sitePath, text: text, in: &configuration))
        }
        for (name, sitePath) in Self.files(in: config.filtersFolder, view: view, into: &diagnostics) {
            guard let text = Self.read(view, sitePath, into: &diagnostics) else { continue }
            extensionSources.append(
                extensions.registerFilter(name, sitePath: sitePath, text: text, in: &configuration))
        }
        let engine = LiquidEngine(configuration)
        tagBox.engine = engine
        var referencesByFile: [String: LiquidReferences?] = [:]
        for source in extensionSources {
            referencesByFile[source.sitePath] =
                (try? tagBox.template(
                    for: source.key, source: source.text, file: source.sitePath, lineOffset: source.lineOffset))?
                .references
        }
        var includes: [Include] = []
        for name in Self.includeNames(in: config.includesFolder, view: view) {
            let partial = try? engine.partial(name)
            diagnostics += partial?.warnings.map(Diagnostic.init(liquid:)) ?? []
            let include = Include(
                name: name, sitePath: config.includesFolder + "/" + name, references: partial?.references)
            includes.append(include)
            referencesByFile[include.sitePath] = include.references
        }
        var layouts: [String: Layout] = [:]
        // The theme's layouts stand behind the site's own of the same name.
        let ownLayouts = Self.files(in: config.layoutsFolder, view: view, into: &diagnostics)
        let ownNames = Set(ownLayouts.map(\.0))
        let themeLayouts = theme.map { Self.themeFiles(in: $0.layoutsFolder) } ?? []
        for (name, sitePath) in themeLayouts.filter({ !ownNames.contains($0.0) }) + ownLayouts {
            guard let text = Self.read(view, sitePath, into: &diagnostics) else { continue }
            let split: FrontMatterSplit
            switch FrontMatterSplit.split(text) {
            case .success(let value): split = value
            case .failure:
                diagnostics.append(
                    .error(
                        "frontmatter.unclosed", "front matter starts with `---` but is never closed",
                        at: .init(file: sitePath, line: 1, column: 1)))
                continue
            }
            var values: [String: LiquidValue] = [:]
            var parentLocation = SourceLocation(file: sitePath, line: 1, column: 1)
            if let yaml = split.yaml {
                switch YAMLData.parse(yaml) {
                case .success(let data):
                    if case .object(let object) = data.value { values = object }
                    if let position = data.position(of: "layout") {
                        parentLocation = SourceLocation(
                            file: sitePath, line: position.line + 1, column: position.column)
                    }
                case .failure(let error):
                    diagnostics.append(
                        .error(
                            "frontmatter.yaml", "invalid YAML: \(error.message)",
                            at: .init(file: sitePath, line: error.line + 1, column: error.column)))
                }
            }
            do {
                let template = try engine.parse(split.body, file: sitePath, lineOffset: split.bodyLineOffset)
                diagnostics += template.warnings.map(Diagnostic.init(liquid:))
                var parent: String?
                if case .string(let name)? = values["layout"], !name.isEmpty { parent = name }
                layouts[name] = Layout(
                    name: name, sitePath: sitePath, template: template, parent: parent, values: values,
                    parentLocation: parentLocation,
                    walkthroughHook: WalkthroughHook(body: split.body, lineOffset: split.bodyLineOffset))
                referencesByFile[sitePath] = template.references
            } catch {
                diagnostics.append(Diagnostic(liquid: error))
                referencesByFile[sitePath] = .some(nil)
            }
        }
        if !config.liquidStrictFilters {
            for path in referencesByFile.keys.sorted() {
                guard case let references?? = referencesByFile[path] else { continue }
                diagnostics += Self.unknownFilters(references, engine: engine)
            }
        }
        self.engine = engine
        self.layouts = layouts
        self.includes = includes
        self.includesFolder = config.includesFolder
        self.referencesByFile = referencesByFile
        // A template that does not parse might read it.
        self.usesFAQItems = referencesByFile.values.contains { references in
            guard let references else { return true }
            return references.variables.contains { $0.path.contains("faq_items") }
        }
        self.diagnostics = diagnostics + Self.layoutCycles(layouts)
    }

    /// What the layout, include or custom tag file at `sitePath` refers to, from its parsed template: empty for a
    /// file that does not exist, anything for one that does not parse.
    func references(ofFile sitePath: String) -> TemplateReferences {
        if let known = referencesByFile[sitePath] {
            return known.map(TemplateReferences.init) ?? .anything
        }
        // An include named another way (`docs/../nav.html`) or created since: the engine reads and caches it.
        guard sitePath.hasPrefix(includesFolder + "/") else { return TemplateReferences() }
        do {
            return TemplateReferences(
                try engine.partial(String(sitePath.dropFirst(includesFolder.count + 1))).references)
        } catch {
            let missing = error.id == "liquid.missing-partial" || error.id == "liquid.include-outside-root"
            return missing ? TemplateReferences() : .anything
        }
    }

    /// The chain of layouts for a page's `layout`, innermost first; nil entries are reported by the caller.
    func chain(startingAt name: String) -> (layouts: [Layout], missing: String?) {
        var result: [Layout] = []
        var next: String? = name
        var seen: Set<String> = []
        while let current = next, !seen.contains(current) {
            seen.insert(current)
            guard let layout = layouts[current] else { return (result, current) }
            result.append(layout)
            next = layout.parent
        }
        return (result, nil)
    }

    private static func layoutCycles(_ layouts: [String: Layout]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (name, layout) in layouts.sorted(by: { $0.key < $1.key }) {
            var seen: [String] = [name]
            var next = layout.parent
            while let current = next, let parent = layouts[current] {
                if current == name {
                    diagnostics.append(
                        .error(
                            "layout.cycle",
                            "layout `\(name)` includes itself through \(seen.joined(separator: " → ")) → \(name)",
                            at: layout.parentLocation))
                    break
                }
                if seen.contains(current) { break }
                seen.append(current)
                next = parent.parent
            }
        }
        return diagnostics
    }

    /// Template files of a folder by name without extension ("default" for "default.html").
    /// Template files of a site folder by name without extension ("default" for "default.html"), read through
    /// the site's view (a folder linked out of the site is reported and gives nothing).
    private static func files(in folder: String, view: SiteFileView, into diagnostics: inout [Diagnostic])
        -> [(String, String)]
    {
        switch view.folderEntries(folder) {
        case .success(let names):
            return names.filter { !$0.hasPrefix(".") }.sorted().map { name in
                ((name as NSString).deletingPathExtension, folder + "/" + name)
            }
        case .failure(let refusal):
            if let diagnostic = refusal.diagnostic { diagnostics.append(diagnostic) }
            return []
        }
    }

    /// A gem theme's template files, by absolute path (installed software, not the site's).
    private static func themeFiles(in folder: URL) -> [(String, String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { name in
            ((name as NSString).deletingPathExtension, folder.path + "/" + name)
        }
    }

    /// The layout of a page whose front matter names none. A Docent site's Markdown pages use `default`. A Jekyll
    /// site's pages have no layout, as in Jekyll, unless it lists jekyll-default-layout: then Markdown pages use
    /// `home` (the site's index), `page`, or `default`, the first that exists.
    func implicitLayout(for page: Page, config: SiteConfig) -> String? {
        guard page.isMarkdown else { return nil }
        guard config.layout == .jekyll else { return "default" }
        guard config.plugins.contains("jekyll-default-layout") else { return nil }
        let isIndex = page.url == "/" && page.collection == nil
        let candidates = (isIndex ? ["home"] : []) + ["page", "default"]
        return candidates.first { layouts[$0] != nil }
    }

    /// Filters no one defined, in a site that lets them pass their input through (Jekyll's default): a warning
    /// each, since the output silently lacks what the filter would have done.
    static func unknownFilters(_ references: LiquidReferences, engine: LiquidEngine) -> [Diagnostic] {
        references.filters.filter { !engine.hasFilter($0.name) }.map { filter in
            .warning(
                "liquid.unknown-filter", "unknown filter `\(filter.name)`: its input is passed through unchanged",
                at: filter.location,
                note: "define it in _filters/\(filter.name).html, or set liquid: {strict_filters: true}")
        }
    }

    /// Paths of the files under the includes folder and its subfolders, hidden ones left out, sorted; only what
    /// the site's view lets through.
    private static func includeNames(in folder: String, view: SiteFileView) -> [String] {
        guard case .success(let real) = view.resolve(folder),
            let files = FileManager.default.enumerator(atPath: real)
        else { return [] }
        var names: [String] = []
        for case let name as String in files {
            var isDirectory: ObjCBool = false
            guard !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                FileManager.default.fileExists(atPath: real + "/" + name, isDirectory: &isDirectory),
                !isDirectory.boolValue
            else { continue }
            names.append(name)
        }
        return names.sorted()
    }

    /// A template file's text: the site's through its view, a theme's (an absolute path) as it is.
    private static func read(_ view: SiteFileView, _ sitePath: String, into diagnostics: inout [Diagnostic])
        -> String?
    {
        let data: Data
        if sitePath.hasPrefix("/") {
            guard let bytes = FileManager.default.contents(atPath: sitePath) else { return nil }
            data = bytes
        } else {
            switch view.contents(sitePath) {
            case .success(let bytes): data = bytes
            case .failure(let refusal):
                if let diagnostic = refusal.diagnostic { diagnostics.append(diagnostic) }
                return nil
            }
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            diagnostics.append(
                .error(
                    "source.encoding", "\(sitePath) is not valid UTF-8", at: .init(file: sitePath, line: 1, column: 1)))
            return nil
        }
        return text
    }
}

/// Lets a custom tag's closure reach the engine it is registered in (the engine is made after its configuration),
/// and caches each tag template once parsed.
final class EngineBox: @unchecked Sendable {
    private let lock = NSLock()
    private var _engine: LiquidEngine?
    private var templates: [String: LiquidTemplate] = [:]

    var engine: LiquidEngine? {
        get { lock.withLock { _engine } }
        set { lock.withLock { _engine = newValue } }
    }

    func template(for name: String, source: String, file: String, lineOffset: Int) throws(LiquidError) -> LiquidTemplate
    {
        if let cached = lock.withLock({ templates[name] }) { return cached }
        guard let engine else { throw LiquidError(id: "liquid.render", message: "engine not ready") }
        let template = try engine.parse(source, file: file, lineOffset: lineOffset)
        lock.withLock { templates[name] = template }
        return template
    }
}

extension SourceLocation {
    /// A Liquid position (file, line, column) as a diagnostic's location.
    init(_ location: LiquidLocation) {
        self.init(file: location.file, line: max(location.line, 1), column: max(location.column, 1))
    }
}

extension Diagnostic {
    /// A Liquid error (or a lax-mode warning, `liquid.lax-syntax`) as a diagnostic, at the file and line Liquid
    /// reports, with the include chain (an include loop told as its turn, not as a hundred calls).
    init(liquid error: LiquidError) {
        self.init(
            error.id == "liquid.lax-syntax" ? .warning : .error, error.id, error.message,
            at: SourceLocation(
                file: error.location.file, line: max(error.location.line, 1), column: max(error.location.column, 1)),
            includeChain: error.includeChain.map { SourceLocation(file: $0.file, line: $0.line, column: $0.column) })
        self = tellingIncludeRecursion()
    }
}
