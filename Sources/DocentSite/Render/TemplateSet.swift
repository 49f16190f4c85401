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
        let view = SiteFileView(root: root)
        var configuration = LiquidConfiguration()
        configuration.fileSystem = SiteIncludes(view: view, includesFolder: config.includesFolder, into: &diagnostics)
        configuration.baseURL = config.baseURL
        configuration.siteURL = config.url
        let headingStyle: HeadingIDStyle = config.headingIDs == .kramdown ? .kramdown : .github
        configuration.markdownify = { Markdown.html($0, headingIDs: headingStyle) }
        let tagBox = EngineBox()
        var usesFAQItems = Self.mention("faq_items", under: config.includesFolder, view: view)
        for (name, sitePath) in Self.files(in: config.tagsFolder, view: view, into: &diagnostics) {
            guard let text = Self.read(view, sitePath, into: &diagnostics) else { continue }
            usesFAQItems = usesFAQItems || text.contains("faq_items")
            let split =
                (try? FrontMatterSplit.split(text).get()) ?? FrontMatterSplit(yaml: nil, body: text, bodyLineOffset: 0)
            let yamlBody = split.yaml.map { $0.contains("body: yaml") } ?? false
            let source = split.body
            let offset = split.bodyLineOffset
            configuration.registerBlockTag(name) { call throws(LiquidError) -> String in
                guard let engine = tagBox.engine else { return call.body }
                let template = try tagBox.template(for: name, source: source, file: sitePath, lineOffset: offset)
                var tag: [String: LiquidValue] = [
                    "name": .string(name), "body": .string(call.body), "params": .object(call.parameters),
                    "args": .array(call.positional),
                ]
                if yamlBody, case .success(let data) = YAMLData.parse(call.rawBody) { tag["data"] = data.value }
                return try engine.render(template, ["tag": .object(tag), "site": siteValues()])
            }
        }
        let engine = LiquidEngine(configuration)
        tagBox.engine = engine
        var layouts: [String: Layout] = [:]
        for (name, sitePath) in Self.files(in: config.layoutsFolder, view: view, into: &diagnostics) {
            guard let text = Self.read(view, sitePath, into: &diagnostics) else { continue }
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
    private static func files(in folder: String, view: SiteFileView, into diagnostics: inout [Diagnostic])
        -> [(String, String)]
    {
        switch view.folderEntries(folder) {
        case .success(let names):
            return names.filter { !$0.hasPrefix(".") }.map { name in
                ((name as NSString).deletingPathExtension, folder + "/" + name)
            }
        case .failure(let refusal):
            if let diagnostic = refusal.diagnostic { diagnostics.append(diagnostic) }
            return []
        }
    }

    /// True when a file in the folder or its subfolders contains `word` (or cannot be read as text). Only files
    /// the site's view lets through are read; the others are reported where they are used.
    private static func mention(_ word: String, under folder: String, view: SiteFileView) -> Bool {
        guard case .success(let real) = view.resolve(folder),
            let files = FileManager.default.enumerator(atPath: real)
        else { return false }
        for case let name as String in files {
            switch view.contents(folder + "/" + name) {
            case .success(let data): if String(decoding: data, as: UTF8.self).contains(word) { return true }
            case .failure(.unreadable): return true
            case .failure: continue
            }
        }
        return false
    }

    private static func read(_ view: SiteFileView, _ sitePath: String, into diagnostics: inout [Diagnostic])
        -> String?
    {
        let data: Data
        switch view.contents(sitePath) {
        case .success(let bytes): data = bytes
        case .failure(let refusal):
            if let diagnostic = refusal.diagnostic { diagnostics.append(diagnostic) }
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
private final class EngineBox: @unchecked Sendable {
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
            includeChain: error.includeChain.map { SourceLocation(file: $0.file, line: $0.line, column: $0.column) })
    }
}
