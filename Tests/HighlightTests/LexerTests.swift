import Testing

@testable import Highlight

/// Each language's snippet (`Snippets`) and the exact token stream its lexer gives: "class text" per token,
/// plain text with an empty class.
@Suite struct LexerTests {
    static let expected: [(language: String, tokens: [String])] = [
        (
            "bash",
            [
                "c1 # install", " \n", "nb export", "  PATH", "o =", "s2 \"$HOME/bin:$PATH\"", " \n", "k if", "  ",
                "p [", "  ", "nt -f", "  ", "o ~/", "p .", " bashrc ", "p ];", "  ", "k then", "  ", "nb echo", "  ",
                "s1 'ok'", "p ;", "  ", "k fi", " \n",
            ]
        ),
        ("console", ["gp $ ", " docent build ", "nt --verbose", " \n", "go Built 12 pages", " \n"]),
        (
            "json",
            [
                "p {", "nl \"name\"", "p :", "w  ", "s2 \"docent\"", "p ,", "w  ", "nl \"pages\"", "p :", "w  ", "p [",
                "mi 1", "p ,", "w  ", "mf 2.5", "p ],", "w  ", "nl \"draft\"", "p :", "w  ", "kc false", "p ,", "w  ",
                "nl \"owner\"", "p :", "w  ", "kc null", "p }", "w \n",
            ]
        ),
        (
            "yaml",
            [
                "na title", "pi :", "  ", "s Docent", "  ", "c1 # site", " \n", "na nav", "pi :", " \n  ", "pi -", "  ",
                "na page", "pi :", "  ", "s intro.md", " \n    ", "na weight", "pi :", "  ", "mi 2", " \n",
            ]
        ),
        (
            "toml",
            [
                "nn [package]", " \n", "na name", "  ", "o =", "  ", "s2 \"docent\"", " \n", "na version", "  ", "o =",
                "  ", "mi 3", "  ", "c1 # major", " \n",
            ]
        ),
        (
            "javascript",
            [
                "kd const", "  ", "nx add", "  ", "o =", "  ", "p (", "nx a", "p ,", "  ", "nx b", "p )", "  ", "o =>",
                "  ", "nx a", "  ", "o +", "  ", "nx b", "p ;", "  ", "c1 // sum", " \n", "kd function", "  ",
                "nf greet", "p (", "nx name", "p )", "  ", "p {", "  ", "k return", "  ", "sb `Hi ${name}`", "p ;",
                "  ", "p }", " \n",
            ]
        ),
        (
            "typescript",
            [
                "kd interface", "  ", "nc User", "  ", "p {", "  ", "nx id", "p :", "  ", "kt number", "p ;", "  ",
                "nx name", "o ?", "p :", "  ", "kt string", "  ", "p }", " \n", "k export", "  ", "kd const", "  ",
                "nx admin", "p :", "  ", "nx User", "  ", "o =", "  ", "p {", "  ", "nx id", "p :", "  ", "mi 1", "  ",
                "p };", " \n",
            ]
        ),
        (
            "python",
            [
                "nd @cache", " \n", "kd def", "  ", "nf fib", "p (", "n n", "p :", "  ", "nb int", "p )", "  ", "o ->",
                "  ", "nb int", "p :", " \n    ", "k return", "  ", "n n", "  ", "k if", "  ", "n n", "  ", "o <", "  ",
                "mi 2", "  ", "k else", "  ", "n fib", "p (", "n n", "  ", "o -", "  ", "mi 1", "p )", "  ", "o +",
                "  ", "n fib", "p (", "n n", "  ", "o -", "  ", "mi 2", "p )", "   ", "c1 # recurse", " \n",
            ]
        ),
        (
            "go",
            [
                "kn package", "  ", "n main", " \n\n", "kn import", "  ", "s2 \"fmt\"", " \n\n", "kd func", "  ",
                "nf main", "p ()", "  ", "p {", " \n\t", "n fmt", "p .", "n Println", "p (", "nb len", "p (",
                "s2 \"hi\"", "p ),", "  ", "kc true", "p )", " \n", "p }", " \n",
            ]
        ),
        (
            "java",
            [
                "nd @Override", " \n", "kd public", "  ", "nc String", "  ", "nf toString", "p ()", "  ", "p {", "  ",
                "k return", "  ", "s2 \"Point(\"", "  ", "o +", "  ", "n x", "  ", "o +", "  ", "s2 \")\"", "p ;", "  ",
                "p }", " \n",
            ]
        ),
        (
            "kotlin",
            [
                "kd data", "  ", "kd class", "  ", "nc Point", "p (", "kd val", "  ", "n x", "p :", "  ", "nc Int",
                "p ,", "  ", "kd val", "  ", "n y", "p :", "  ", "nc Int", "p )", " \n", "kd fun", "  ", "nf main",
                "p ()", "  ", "o =", "  ", "n println", "p (", "nc Point", "p (", "mi 1", "p ,", "  ", "mi 2", "p ))",
                " \n",
            ]
        ),
        (
            "c",
            [
                "cp #include <stdio.h>", " \n", "kt int", "  ", "nf main", "p (", "kt void", "p )", "  ", "p {", "  ",
                "nf printf", "p (", "s2 \"%d\\n\"", "p ,", "  ", "mh 0x1F", "p );", "  ", "k return", "  ", "mi 0",
                "p ;", "  ", "p }", " \n",
            ]
        ),
        (
            "cpp",
            [
                "kn namespace", "  ", "n app", "  ", "p {", " \n", "k class", "  ", "nc Widget", "  ", "p :", "  ",
                "k public", "  ", "n Base", "  ", "p {", "  ", "kt int", "  ", "n size", "  ", "o =", "  ", "mi 0",
                "p ;", "  ", "p };", " \n", "p }", " \n",
            ]
        ),
        (
            "csharp",
            [
                "kn using", "  ", "nc System", "p ;", " \n", "k public", "  ", "kd class", "  ", "nc Greeter", "  ",
                "p {", "  ", "k public", "  ", "kt string", "  ", "nf Greet", "p ()", "  ", "o =>", "  ",
                "s2 $\"Hi {Name}\"", "p ;", "  ", "p }", " \n",
            ]
        ),
        (
            "swift",
            [
                "kn import", "  ", "nc Foundation", " \n", "kd struct", "  ", "nc Page", "  ", "p {", "  ", "kd let",
                "  ", "n title", "p :", "  ", "kt String", "  ", "p }", " \n", "kd func", "  ", "nf render", "p (",
                "n _", "  ", "n page", "p :", "  ", "nc Page", "p )", "  ", "o ->", "  ", "kt String", "  ", "p {",
                "  ", "n page", "p .", "n title", "  ", "p }", " \n",
            ]
        ),
        (
            "rust",
            [
                "kn use", "  ", "n std", "p ::", "n fmt", "p ;", " \n", "kd fn", "  ", "nf main", "p ()", "  ", "p {",
                " \n    ", "kd let", "  ", "n v", "p :", "  ", "kt Vec", "o <", "kt u32", "o >", "  ", "o =", "  ",
                "n vec!", "p [", "mi 1", "p ,", "  ", "mi 2", "p ];", " \n    ", "n println!", "p (", "s2 \"{}\"",
                "p ,", "  ", "n v", "p .", "n len", "p ());", " \n", "p }", " \n",
            ]
        ),
        (
            "ruby",
            [
                "k class", "  ", "nc Site", " \n  ", "k def", "  ", "nf build", "p (", "n pages", "p )", " \n    ",
                "n pages", "p .", "n each", "  ", "p {", "  ", "o |", "n p", "o |", "  ", "nb puts", "  ", "n p", "p [",
                "ss :title", "p ]", "  ", "p }", " \n  ", "k end", " \n", "k end", " \n",
            ]
        ),
        (
            "php",
            [
                "cp <?php", " \n", "kd function", "  ", "nf greet", "p (", "nv $name", "p )", "  ", "p {", "  ",
                "k echo", "  ", "s2 \"Hello, $name\"", "p ;", "  ", "p }", " \n",
            ]
        ),
        (
            "sql",
            [
                "k SELECT", "  ", "n id", "p ,", "  ", "nb count", "p (", "o *", "p )", "  ", "k FROM", "  ", "n pages",
                "  ", "k WHERE", "  ", "n draft", "  ", "o =", "  ", "kc false", "  ", "c1 -- live", " \n", "k GROUP",
                "  ", "k BY", "  ", "n id", "p ;", " \n",
            ]
        ),
        (
            "html",
            [
                "cp <!DOCTYPE html>", " \n", "p <", "nt a", "  ", "na href", "o =", "s \"/docs/\"", "  ", "na class",
                "o =", "s nav", "p >", " Docs ", "ni &amp;", "  more", "p </", "nt a", "p >", " \n", "p <", "nt script",
                "p >", "kd let", "  ", "nx x", "  ", "o =", "  ", "mi 1", "p ;</", "nt script", "p >", " \n",
            ]
        ),
        (
            "xml",
            [
                "cp <?xml version=\"1.0\"?>", " \n", "p <", "nt feed", "  ", "na xmlns", "o =",
                "s \"http://www.w3.org/2005/Atom\"", "p >", "c <!-- entries -->", "p <", "nt title", "p >", " Docent",
                "p </", "nt title", "p ></", "nt feed", "p >", " \n",
            ]
        ),
        (
            "css",
            [
                "k @media", "  ", "p (", "nt prefers-color-scheme", "nd :", "  ", "nt dark", "p )", "  ", "p {",
                " \n  ", "nc .note", "  ", "o >", "  ", "nt a", "nd :hover", "  ", "p {", "  ", "py color", "p :", "  ",
                "mh #8cc4ff", "p ;", "  ", "py margin", "p :", "  ", "mi 0", "  ", "mi 4px", "  ", "k !important",
                "p ;", "  ", "p }", " \n", "p }", " \n",
            ]
        ),
        (
            "scss",
            [
                "nv $accent", "p :", "  ", "mh #0b5cad", "p ;", " \n", "nc .card", "  ", "p {", " \n  ", "c1 // nested",
                " \n  ", "o &", "nd :hover", "  ", "p {", "  ", "py border-color", "p :", "  ", "nf darken", "p (",
                "nv $accent", "p ,", "  ", "mi 10%", "p );", "  ", "p }", " \n", "p }", " \n",
            ]
        ),
        (
            "http",
            [
                "nf POST", "  ", "nn /api/pages", "  ", "k HTTP/1.1", " \n", "na Content-Type", "o :", "  ",
                "s application/json", " \n\n", "p {", "nl \"title\"", "p :", "w  ", "s2 \"New\"", "p }", "w \n",
            ]
        ),
        (
            "dockerfile",
            [
                "k FROM", "  swift", "p :", "mf 6.1", "  AS build\n", "c1 # compile", " \n", "k RUN", "  swift build ",
                "nt -c", "  release\n",
            ]
        ),
        (
            "diff",
            [
                "gh --- a/app.js\n+++ b/app.js\n", "gu @@ -1,2 +1,2 @@\n", "gd -let x = 1;\n", "gi +const x = 1;\n",
                "  same();\n",
            ]
        ),
        (
            "markdown",
            [
                "gh # Title", " \n\nSome ", "ge *", " emphasis", "ge *", "  and ", "sb `code`", " , a ", "nt [link]",
                "na (https://example.com)", " .\n", "p -", "  item\n",
            ]
        ),
        (
            "graphql",
            [
                "k query", "  ", "nc Page", "p (", "nv $id", "p :", "  ", "kt ID", "o !", "p )", "  ", "p {", " \n  ",
                "n page", "p (", "n id", "p :", "  ", "nv $id", "p )", "  ", "nd @cached", "  ", "p {", "  ", "n title",
                "  ", "p }", " \n", "p }", " \n",
            ]
        ),
        (
            "ini",
            [
                "c1 ; settings", " \n", "nn [server]", " \n", "na port", "  ", "o =", "  ", "mi 8080", " \n", "na host",
                "o =", " localhost\n",
            ]
        ),
    ]

    @Test(arguments: 0..<29)
    func snippetLexesToItsTokenStream(index: Int) throws {
        let (language, code) = Snippets.all[index]
        #expect(Self.expected[index].language == language)
        let lexer = try #require(Language(named: language))
        let bytes = Array(code.utf8)
        let stream = lexer.tokens(in: code).map {
            $0.kind.cssClass + " " + String(decoding: bytes[$0.range], as: UTF8.self)
        }
        #expect(stream == Self.expected[index].tokens)
    }

    @Test func everyLanguageHasASnippet() {
        let tested = Set(Snippets.all.compactMap { Language(named: $0.language) })
        #expect(tested == Set(Language.allCases).subtracting([.plaintext]))
        #expect(Self.expected.count == Snippets.all.count)
    }
}
