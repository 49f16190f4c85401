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
    }

    let engine: LiquidEngine
    let layouts: [String: Layout]
    let diagnostics: [Diagnostic]
    /// True when a layout, an include or a custom tag mentions `faq_items`. Rendering every page's FAQ answers to
    /// HTML is skipped when nothing can show them (a page body renders before `faq_items` exists).
    let usesFAQItems: Bool

    init(root: URL, config: SiteConfig, siteValues: @escaping @Sendable () -> LiquidValue) {
        var diagnostics: [Diagnostic] = []
        var configuration = LiquidConfiguration()
        let theme = config.theme
        configuration.fileSystem = SiteIncludes(
            rootPath: root.path, includesFolder: config.includesFolder, theme: theme)
        JekyllPlugins.register(in: &configuration, config: config)
        configuration.baseURL = config.baseURL
        configuration.siteURL = config.url
        configuration.strictFilters = config.liquidStrictFilters
        configuration.strictVariables = config.liquidStrictVariables
        configuration.laxParsing = config.liquidLaxParsing
        let headingStyle: HeadingIDStyle = config.headingIDs == .kramdown ? .kramdown : .github
        configuration.markdownify = { Markdown.html($0, headingIDs: headingStyle) }
        let tagBox = EngineBox()
        var usesFAQItems = Self.mention("faq_items", under: config.includesFolder, root: root)
        let extensions = TemplateExtensions(root: root, config: config, box: tagBox, siteValues: siteValues)
        for (name, sitePath) in Self.files(in: config.tagsFolder, root: root) {
            guard let text = Self.read(root, sitePath, into: &diagnostics) else { continue }
            usesFAQItems = usesFAQItems || text.contains("faq_items")
            extensions.registerTag(name, sitePath: sitePath, text: text, in: &configuration)
        }
        for (name, sitePath) in Self.files(in: config.filtersFolder, root: root) {
            guard let text = Self.read(root, sitePath, into: &diagnostics) else { continue }
            extensions.registerFilter(name, sitePath: sitePath, text: text, in: &configuration)
        }
        let engine = LiquidEngine(configuration)
        tagBox.engine = engine
        var layouts: [String: Layout] = [:]
        // The theme's layouts stand behind the site's own of the same name.
        let ownLayouts = Self.files(in: config.layoutsFolder, root: root)
        let ownNames = Set(ownLayouts.map(\.0))
        let themeLayouts = theme.map { Self.files(in: $0.layoutsFolder.path, root: root) } ?? []
        for (name, sitePath) in themeLayouts.filter({ !ownNames.contains($0.0) }) + ownLayouts {
            guard let text = Self.read(root, sitePath, into: &diagnostics) else { continue }
            usesFAQItems = usesFAQItems || text.contains("faq_items")
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
                var parent: String?
                if case .string(let name)? = values["layout"], !name.isEmpty { parent = name }
                layouts[name] = Layout(
                    name: name, sitePath: sitePath, template: template, parent: parent, values: values,
                    parentLocation: parentLocation)
            } catch {
                diagnostics.append(Diagnostic(liquid: error))
            }
        }
        self.engine = engine
        self.layouts = layouts
        self.usesFAQItems = usesFAQItems
        self.diagnostics = diagnostics + Self.layoutCycles(layouts)
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
    private static func files(in folder: String, root: URL) -> [(String, String)] {
        let url = Self.url(folder, root: root)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return [] }
        return names.filter { !$0.hasPrefix(".") }.sorted().map { name in
            ((name as NSString).deletingPathExtension, folder + "/" + name)
        }
    }

    /// A path relative to the site root, or an absolute one (a theme's file).
    private static func url(_ path: String, root: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
    }

    /// True when a file in the folder or its subfolders contains `word` (or cannot be read as text).
    private static func mention(_ word: String, under folder: String, root: URL) -> Bool {
        let url = root.appendingPathComponent(folder)
        guard let files = FileManager.default.enumerator(atPath: url.path) else { return false }
        for case let name as String in files {
            var isDirectory: ObjCBool = false
            let path = url.path + "/" + name
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            guard let data = FileManager.default.contents(atPath: path) else { return true }
            if String(decoding: data, as: UTF8.self).contains(word) { return true }
        }
        return false
    }

    private static func read(_ root: URL, _ sitePath: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let data = FileManager.default.contents(atPath: url(sitePath, root: root).path) else {
            return nil
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

extension Diagnostic {
    /// A Liquid error as a diagnostic, at the file and line Liquid reports, with the include chain.
    init(liquid error: LiquidError) {
        self.init(
            .error, error.id, error.message,
            at: SourceLocation(
                file: error.location.file, line: max(error.location.line, 1), column: max(error.location.column, 1)),
            includeChain: error.includeChain)
    }
}
