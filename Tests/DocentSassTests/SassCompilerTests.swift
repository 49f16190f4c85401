import Dispatch
import Testing

@testable import DocentSass

@Suite struct SassCompilerTests {
    /// Files by path, for an importer that answers from memory.
    private func importer(_ files: [String: String]) -> SassImporter {
        { url, previous in
            let folder = previous.split(separator: "/").dropLast().joined(separator: "/")
            for candidate in ["/\(folder)/_\(url).scss", "/\(folder)/\(url).scss"] {
                if let text = files[candidate] { return .file(path: candidate, text: text) }
            }
            return .refused(SassImportRefusal(kind: .missing, message: "no file \(url)"))
        }
    }

    private func compile(_ text: String, style: SassStyle = .compact, files: [String: String] = [:])
        -> Result<SassOutput, SassError>
    {
        SassCompiler.compile(SassInput(text: text, path: "/site/main.scss", style: style), importer: importer(files))
    }

    @Test func nestedRulesCompileInTheChosenStyle() throws {
        let scss = "$c: #111;\na { b { color: $c; } }\n"
        #expect(try compile(scss).get().css == "a b { color: #111; }\n")
        #expect(try compile(scss, style: .expanded).get().css == "a b {\n  color: #111;\n}\n")
        #expect(try compile(scss, style: .compressed).get().css == "a b{color:#111}\n")
    }

    @Test func theIndentedSyntaxCompiles() throws {
        let input = SassInput(text: "a\n  color: red\n", path: "/site/main.sass", syntax: .indented)
        #expect(try SassCompiler.compile(input, importer: importer([:])).get().css == "a { color: red; }\n")
    }

    @Test func importsComeFromTheImporter() throws {
        let css = try compile("@import \"base\";\np { color: $c; }\n", files: ["/site/_base.scss": "$c: blue;\n"]).get()
            .css
        #expect(css == "p { color: blue; }\n")
    }

    @Test func plainCSSImportsStayInTheOutput() throws {
        let css = try compile("@import \"theme.css\";\n@import \"https://example.com/x\";\n").get().css
        #expect(css.contains("@import url(theme.css);"))
        #expect(css.contains("https://example.com/x"))
    }

    @Test func aSyntaxErrorHasItsLineAndColumn() {
        guard case .failure(let error) = compile("a {\n  color: red;\n  b {\n") else {
            Issue.record("expected an error")
            return
        }
        #expect(error.file == "/site/main.scss")
        #expect(error.line == 3)
        #expect(error.message == "Invalid CSS after \"  b {\": expected \"}\", was \"\"")
        #expect(error.refusal == nil)
    }

    @Test func aRefusedImportIsAnErrorAtTheImport() {
        guard case .failure(let error) = compile("a { color: red; }\n@import \"nowhere\";\n") else {
            Issue.record("expected an error")
            return
        }
        #expect(error.line == 2)
        #expect(error.message.contains("no file nowhere"))
        #expect(error.refusal?.kind == .missing)
    }

    @Test func anImportCycleIsAnError() {
        let files = ["/site/_a.scss": "@import \"b\";\n", "/site/_b.scss": "@import \"a\";\n"]
        guard case .failure(let error) = compile("@import \"a\";\n", files: files) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.message.lowercased().contains("loop") || error.refusal?.kind == .limit)
    }

    @Test func aRuleNestedTenThousandDeepIsAnErrorNotACrash() {
        let depth = 10_000
        let scss = String(repeating: "a { ", count: depth) + String(repeating: "} ", count: depth)
        guard case .failure(let error) = compile(scss) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.message.contains("nested"))
    }

    @Test func aLongImportChainStopsAtTheLimit() {
        let files = Dictionary(
            uniqueKeysWithValues: (0..<5).map { ("/site/_f\($0).scss", "@import \"f\($0 + 1)\";\n") })
        let input = SassInput(text: "@import \"f0\";\n", path: "/site/main.scss", limits: SassLimits(maxImports: 3))
        guard case .failure(let error) = SassCompiler.compile(input, importer: importer(files)) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.refusal?.kind == .limit)
        #expect(error.file == "/site/_f2.scss")
    }

    @Test func anEmptyStylesheetIsEmptyCSS() throws {
        #expect(try compile("").get() == SassOutput(css: "", sourceMap: nil))
    }

    @Test func aSourceMapIsWrittenWhenAskedFor() throws {
        let input = SassInput(
            text: "a { b { color: red; } }\n", path: "/site/main.scss", sourceMapPath: "/site/main.css.map")
        let output = try SassCompiler.compile(input, importer: importer([:])).get()
        #expect(output.css == "a b { color: red; }\n\n/*# sourceMappingURL=main.css.map */")
        #expect(output.sourceMap?.contains("\"sources\": [\n\t\t\"main.scss\"\n\t]") == true)
    }

    @Test func compilesOnManyThreadsAtOnceGiveWhatOneThreadGives() throws {
        let files = ["/site/_base.scss": "$c: blue;\n@mixin m($x) { margin: $x; }\n"]
        let scss = (0..<50).map {
            "@import \"base\";\n.c\($0) { color: darken($c, \($0 % 10)%); @include m(\($0)px); }\n"
        }
        let expected = try scss.map { try compile($0, files: files).get() }
        let results = UnsafeMutableBufferPointer<SassOutput?>.allocate(capacity: scss.count * 4)
        defer { results.deallocate() }
        results.initialize(repeating: nil)
        let slots = Slots(buffer: results)
        DispatchQueue.concurrentPerform(iterations: scss.count * 4) { index in
            slots.buffer[index] = try? compile(scss[index % scss.count], files: files).get()
        }
        for index in 0..<results.count { #expect(results[index] == expected[index % scss.count]) }
    }
}

private struct Slots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<SassOutput?>
}
