/// The languages Docent highlights, by their Rouge names; `init?(named:)` also takes the aliases docs write
/// (`js`, `sh`, `yml`, `c++`…), case-insensitively.
public enum Language: String, CaseIterable, Sendable {
    case c, cpp, csharp, css, diff, dockerfile, go, graphql, html, http, ini, java, javascript, json, kotlin
    case markdown, php, plaintext, python, ruby, rust, scss, shell, console, sql, swift, toml, typescript, xml, yaml

    public init?(named name: String) {
        let key = name.lowercased()
        if let language = Language(rawValue: key) ?? Self.aliases[key] {
            self = language
        } else {
            return nil
        }
    }

    /// The tokens of `code`, tiling it exactly.
    public func tokens(in code: String) -> [Token] {
        var lexing = Lexing(bytes: Array(code.utf8))
        lex(&lexing)
        return lexing.tokens
    }

    func lex(_ lexing: inout Lexing) {
        switch self {
        case .c: CodeLexer(language: .c).lex(&lexing)
        case .cpp: CodeLexer(language: .cpp).lex(&lexing)
        case .csharp: CodeLexer(language: .csharp).lex(&lexing)
        case .go: CodeLexer(language: .go).lex(&lexing)
        case .graphql: CodeLexer(language: .graphql).lex(&lexing)
        case .java: CodeLexer(language: .java).lex(&lexing)
        case .javascript: CodeLexer(language: .javascript).lex(&lexing)
        case .kotlin: CodeLexer(language: .kotlin).lex(&lexing)
        case .php: CodeLexer(language: .php).lex(&lexing)
        case .python: CodeLexer(language: .python).lex(&lexing)
        case .ruby: CodeLexer(language: .ruby).lex(&lexing)
        case .rust: CodeLexer(language: .rust).lex(&lexing)
        case .shell: CodeLexer(language: .shell).lex(&lexing)
        case .sql: CodeLexer(language: .sql).lex(&lexing)
        case .swift: CodeLexer(language: .swift).lex(&lexing)
        case .typescript: CodeLexer(language: .typescript).lex(&lexing)
        case .css: StyleLexer(scss: false).lex(&lexing)
        case .scss: StyleLexer(scss: true).lex(&lexing)
        case .html: MarkupLexer(embedsScripts: true).lex(&lexing)
        case .xml: MarkupLexer(embedsScripts: false).lex(&lexing)
        case .json: DataLexers.json(&lexing)
        case .yaml: DataLexers.yaml(&lexing)
        case .toml, .ini: DataLexers.keyValue(&lexing)
        case .diff: LineLexers.diff(&lexing)
        case .console: LineLexers.console(&lexing)
        case .http: LineLexers.http(&lexing)
        case .dockerfile: LineLexers.dockerfile(&lexing)
        case .markdown: LineLexers.markdown(&lexing)
        case .plaintext: break
        }
        lexing.emit(.text, upTo: lexing.end)
    }

    private static let aliases: [String: Language] = [
        "h": .c, "c++": .cpp, "cc": .cpp, "cxx": .cpp, "hpp": .cpp, "cs": .csharp, "c#": .csharp,
        "patch": .diff, "udiff": .diff, "docker": .dockerfile, "golang": .go, "gql": .graphql, "htm": .html,
        "xhtml": .html, "vue": .html, "cfg": .ini, "conf": .ini, "dosini": .ini, "properties": .ini,
        "editorconfig": .ini, "gitconfig": .ini, "js": .javascript, "jsx": .javascript, "mjs": .javascript,
        "cjs": .javascript, "json5": .json, "jsonc": .json, "kt": .kotlin, "kts": .kotlin, "md": .markdown,
        "mkd": .markdown, "text": .plaintext, "txt": .plaintext, "plain": .plaintext, "py": .python,
        "python3": .python, "py3": .python, "rb": .ruby, "rs": .rust, "sh": .shell, "bash": .shell, "zsh": .shell,
        "ksh": .shell, "shellscript": .shell, "shell-session": .console, "shellsession": .console,
        "terminal": .console, "sh-session": .console, "mysql": .sql, "postgresql": .sql, "postgres": .sql,
        "psql": .sql, "sqlite": .sql, "plsql": .sql, "ts": .typescript, "tsx": .typescript, "mts": .typescript,
        "svg": .xml, "xsd": .xml, "xsl": .xml, "plist": .xml, "rss": .xml, "atom": .xml, "yml": .yaml,
    ]
}
