/// The stylesheet's syntax: SCSS (`.scss`) or the indented syntax (`.sass`).
public enum SassSyntax: Sendable {
    case scss, indented
}

/// libsass's output styles, as Jekyll's `sass: style:` names them.
public enum SassStyle: String, Sendable, CaseIterable {
    case nested, expanded, compact, compressed
}

/// What one compile may import before it is stopped: a cycle libsass misses, or a stylesheet that imports
/// thousands of files, ends with an error instead of running on.
public struct SassLimits: Sendable {
    public var maxImports: Int
    public var maxImportedBytes: Int

    public init(maxImports: Int = 2_000, maxImportedBytes: Int = 32 * 1_048_576) {
        self.maxImports = maxImports
        self.maxImportedBytes = maxImportedBytes
    }
}

/// One stylesheet to compile.
public struct SassInput: Sendable {
    public var text: String
    /// The path libsass knows the stylesheet by: errors in it name this path, imports relative to it are asked
    /// for from its folder, and a source map's paths are relative to its folder.
    public var path: String
    public var syntax: SassSyntax
    public var style: SassStyle
    /// Where the source map is written (libsass adds a `sourceMappingURL` comment to the CSS); nil for none.
    public var sourceMapPath: String?
    public var limits: SassLimits

    public init(
        text: String, path: String, syntax: SassSyntax = .scss, style: SassStyle = .compact,
        sourceMapPath: String? = nil, limits: SassLimits = SassLimits()
    ) {
        self.text = text
        self.path = path
        self.syntax = syntax
        self.style = style
        self.sourceMapPath = sourceMapPath
        self.limits = limits
    }
}

/// The compiled stylesheet.
public struct SassOutput: Sendable, Equatable {
    public var css: String
    /// The source map's JSON, when the input asked for one.
    public var sourceMap: String?
}

/// Why an import was not given to libsass.
public struct SassImportRefusal: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// No file of that name on the import path.
        case missing
        /// The import leads outside the folders a stylesheet may read (the site, the theme's Sass).
        case outside
        /// Two files in one folder answer the same import (`_x.scss` and `x.scss`).
        case ambiguous
        /// Too many imports, or too much text.
        case limit
        /// There but not readable (not UTF-8, a special file, a link out of the site).
        case unreadable
    }

    public var kind: Kind
    public var message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }
}

/// An importer's answer to one `@import`.
public enum SassImportAnswer: Sendable {
    /// The file found: the path libsass knows it by (its errors name it; imports from it are relative to it) and
    /// its text. A `.sass` path is read as the indented syntax.
    case file(path: String, text: String)
    case refused(SassImportRefusal)
    /// Left to CSS: only for the imports `SassCompiler` already treats as plain CSS.
    case plainCSS
}

/// Answers an `@import`: the URL as written and the path of the file that imports it.
public typealias SassImporter = (_ url: String, _ previousPath: String) -> SassImportAnswer

/// A compile error: libsass's message and where it is (the path is the one the input or importer gave).
public struct SassError: Error, Sendable, Equatable {
    public var message: String
    public var file: String
    public var line: Int
    public var column: Int
    /// When an import was refused, why (libsass's message then carries the refusal's).
    public var refusal: SassImportRefusal?

    public init(message: String, file: String, line: Int, column: Int, refusal: SassImportRefusal? = nil) {
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.refusal = refusal
    }
}
