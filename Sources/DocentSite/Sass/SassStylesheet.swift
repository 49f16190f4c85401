import DocentSass
import Foundation
import Liquid

/// A page that is a stylesheet: a `.scss` or `.sass` file with front matter (the two `---` lines are enough),
/// anywhere in the site or in a gem theme's `assets`, as Jekyll treats it: its Liquid is rendered, then libsass
/// compiles it to `x.css` at the same path (with `x.css.map` beside it, as jekyll-sass-converter writes it), never
/// inside a layout. As in Jekyll, libsass knows the stylesheet by its name at the site's root: its source map names
/// it so, and an import is looked for first beside that name, then on the import path (`SassImportPath`).
/// A `.scss` file without front matter is copied as it is; partials (`_sass/`) are never written.
enum SassStylesheet {
    /// The syntax of a stylesheet's path, or nil when it is not one.
    static func syntax(ofPath path: String) -> SassSyntax? {
        if path.hasSuffix(".scss") { return .scss }
        if path.hasSuffix(".sass") { return .indented }
        return nil
    }

    /// The URL a stylesheet is written at: its own with `.css` for `.scss` or `.sass`.
    static func cssURL(_ url: String) -> String {
        syntax(ofPath: url) == nil ? url : String(url.dropLast(4)) + "css"
    }

    /// A stylesheet's text as Jekyll reads it: its front matter pattern also takes the blank lines after the
    /// closing `---` (the source map's copy of the file starts at its first line of Sass); with the new offset.
    static func body(_ body: String, lineOffset: Int) -> (String, Int) {
        var rest = Substring(body)
        var offset = lineOffset
        while let newline = rest.firstIndex(of: "\n"), rest[..<newline].allSatisfy(\.isWhitespace) {
            rest = rest[rest.index(after: newline)...]
            offset += 1
        }
        return (rest.allSatisfy(\.isWhitespace) ? "" : String(rest), offset)
    }

    /// The compiled stylesheet, or its problems.
    struct Compiled: Sendable {
        var css: String
        /// The source map to write at the CSS's path + ".map", when there is one.
        var sourceMap: String?
        /// The site paths its imports read or looked for.
        var inputs: Set<String>
        var diagnostics: [Diagnostic]
    }

    /// Compiles a stylesheet page's Liquid-rendered text (`origins`: the file line each rendered line came from,
    /// when the text went through Liquid).
    static func compile(_ page: Page, text: String, origins: LiquidOriginMap?, config: SiteConfig, root: URL)
        -> Compiled
    {
        let settings = SassSettings(config: config)
        let importPath = SassImportPath(view: SiteFileView(root: root), settings: settings, theme: config.theme)
        let name = (page.contentPath as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        let input = SassInput(
            text: text, path: importPath.absolutePath(ofSitePath: name),
            syntax: syntax(ofPath: name) ?? .scss, style: settings.style,
            sourceMapPath: settings.writesSourceMaps ? importPath.absolutePath(ofSitePath: stem + ".css.map") : nil)
        let inputs = LookedAt()
        let result = SassCompiler.compile(input) { url, previous in
            importPath.answer(url, from: previous) { inputs.paths.insert($0) }
        }
        switch result {
        case .success(let output):
            return Compiled(css: output.css, sourceMap: output.sourceMap, inputs: inputs.paths, diagnostics: [])
        case .failure(let error):
            let location: SourceLocation
            if error.file == input.path {
                let line = origins?.sourceLine(forOutputLine: error.line) ?? error.line + page.bodyLineOffset
                location = SourceLocation(file: page.sitePath, line: line, column: error.column)
            } else {
                location = SourceLocation(
                    file: importPath.sitePath(ofAbsolutePath: error.file) ?? error.file, line: error.line,
                    column: error.column)
            }
            let shown = { (path: String) -> String in
                let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
                return absolute == input.path
                    ? page.sitePath : importPath.sitePath(ofAbsolutePath: absolute) ?? absolute
            }
            return Compiled(
                css: "", sourceMap: nil, inputs: inputs.paths,
                diagnostics: [diagnostic(error, at: location, shown: shown)])
        }
    }

    private final class LookedAt {
        var paths: Set<String> = []
    }

    /// `shown`: the site path of a path libsass names in a message (relative to the working folder, or absolute).
    private static func diagnostic(_ error: SassError, at location: SourceLocation, shown: (String) -> String)
        -> Diagnostic
    {
        let message = error.refusal?.message ?? error.message.trimmingCharacters(in: .whitespacesAndNewlines)
        switch error.refusal?.kind {
        case nil:
            // libsass's message may go on over lines (an import loop's chain, "a imports b"): the first line, then
            // the rest as a note, with site paths.
            let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let rest = lines.dropFirst().filter { !$0.isEmpty }.map { line in
                line.components(separatedBy: " imports ").map(shown).joined(separator: " imports ")
            }
            return .error(
                "sass.error", lines.first ?? message, at: location,
                note: rest.isEmpty ? nil : rest.joined(separator: "; "))
        case .missing?, .ambiguous?, .unreadable?:
            return .error(
                "sass.import", message, at: location,
                note: "partials go in sass_dir (_sass/ by default) or a folder of `sass: load_paths`")
        case .outside?:
            return .error(
                "sass.import-outside", message, at: location, note: "Docent never reads files outside the site root")
        case .limit?:
            return .error("sass.limit", message, at: location, note: "look for an import that imports itself")
        }
    }
}

extension Page {
    /// A `.scss` or `.sass` page: compiled to CSS, never put in a layout.
    var isStylesheet: Bool { SassStylesheet.syntax(ofPath: contentPath) != nil }
}
