/// A programming language described as data for `CodeLexer`: its words, comments, strings and a few habits
/// (which keyword introduces a function's or a class's name, whether `#` starts a preprocessor line). Most of
/// the languages Docent highlights are one of these tables.
struct CodeLanguage: Sendable {
    var keywords: Set<String> = []
    /// `kd`: `var`, `let`, `const`, `func`, `class`…
    var declarations: Set<String> = []
    /// `kn`: `import`, `package`, `use`…
    var namespaces: Set<String> = []
    /// `kt`: `int`, `String`, `bool`…
    var types: Set<String> = []
    /// `kc`: `true`, `false`, `null`…
    var constants: Set<String> = []
    /// `nb`: `print`, `len`, `console`…
    var builtins: Set<String> = []
    /// `ow`: `and`, `or`, `not`, `in`…
    var operatorWords: Set<String> = []
    /// Keywords compared without case (SQL).
    var caseInsensitive = false

    var lineComments: [[UInt8]] = []
    var blockComment: (open: [UInt8], close: [UInt8])?
    var nestedBlockComments = false
    /// Longest openers first (`"""` before `"`).
    var strings: [StringDelimiter] = [.double, .single]
    /// Letters that may stand before a string and belong to it (Python's `r"…"`, `f"…"`, C#'s `@"…"`).
    var stringPrefixes: Set<UInt8> = []

    /// Marks written as `cp` wherever they appear (PHP's `<?php` and `?>`).
    var markers: [[UInt8]] = []
    /// A line starting with `#` is a preprocessor directive (`cp`): C, C++, C#.
    var preprocessor = false
    /// `@name` is a decorator or attribute (`nd`): Python, Java, Kotlin, Swift, TypeScript.
    var decorators = false
    /// `$name` is a variable (`nv`): PHP, shell, GraphQL.
    var dollarVariables = false
    /// `-v` and `--name` after a space are options (`nt`), as on a command line.
    var commandOptions = false
    /// `:name` is a symbol (`ss`): Ruby.
    var symbols = false
    /// Bytes besides letters, digits and `_` that may appear in an identifier (`$` in JavaScript, `?`/`!` at
    /// the end of Ruby's).
    var identifierBytes: Set<UInt8> = []
    /// The word after one of these names a function (`nf`): `def`, `func`, `fn`, `function`.
    var functionIntroducers: Set<String> = []
    /// The word after one of these names a class (`nc`): `class`, `struct`, `enum`, `interface`.
    var classIntroducers: Set<String> = []
    /// A capitalized word is a class name (`nc`): Swift, Kotlin, Rust, Java, C#.
    var capitalizedAreClasses = false
    /// A word followed by `(` is a function name (`nf`).
    var callsAreFunctions = false
    /// The kind of any other word.
    var identifierKind: TokenKind = .name
    /// A line comment marker must start a word (shell: `a#b` is not a comment).
    var commentsNeedWordStart = false

    init(_ build: (inout CodeLanguage) -> Void) {
        build(&self)
    }

    /// The words of a space-separated list.
    static func words(_ list: String) -> Set<String> {
        Set(list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }
}
