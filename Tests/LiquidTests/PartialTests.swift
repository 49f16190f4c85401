import Foundation
import Liquid
import Testing

@Suite("Partials: render, include scoping, file systems")
struct PartialTests {
    func engine(_ files: [String: String], configure: (inout LiquidConfiguration) -> Void = { _ in }) -> LiquidEngine {
        var configuration = LiquidConfiguration()
        configuration.fileSystem = LiquidMemoryFileSystem(files)
        configure(&configuration)
        return LiquidEngine(configuration)
    }

    @Test func renderHasAnIsolatedScope() throws {
        let engine = engine(["p.liquid": "[{{ outer }}]{% assign inner = 1 %}"])
        #expect(try engine.render("{% assign outer = 'x' %}{% render 'p' %}{{ inner }}") == "[]")
    }

    @Test func renderSeesTheRenderVariablesButNotAssigns() throws {
        let engine = engine(["p.liquid": "{{ site.title }}"])
        let template = try engine.parse("{% render 'p' %}", file: "index.html")
        #expect(try engine.render(template, ["site": ["title": "Docs"]]) == "Docs")
    }

    @Test func renderPassesWithForAndKeywordArguments() throws {
        let engine = engine(["item.liquid": "{{ item }}{{ sep }}{% if forloop.last %}.{% endif %}"])
        #expect(try engine.render("{% render 'item' for list, sep: ',' %}", file: "", ["list": [1, 2]]) == "1,2,.")
        #expect(try engine.render("{% render 'item' with 'solo' as item %}") == "solo")
    }

    @Test func includeInsideRenderIsRefused() throws {
        let engine = engine(["outer.liquid": "{% include 'inner' %}", "inner.liquid": "x"])
        let error = #expect(throws: LiquidError.self) { try engine.render("{% render 'outer' %}") }
        #expect(error?.message.contains("include usage is not allowed") == true)
    }

    @Test func partialsAreParsedOnceAndCached() throws {
        final class CountingFileSystem: LiquidFileSystem, @unchecked Sendable {
            let lock = NSLock()
            var reads = 0
            func readPartial(_ name: String, kind: LiquidPartialKind) throws(LiquidError) -> LiquidSource {
                lock.withLock { reads += 1 }
                return LiquidSource(text: "p", file: name)
            }
        }
        let fileSystem = CountingFileSystem()
        var configuration = LiquidConfiguration()
        configuration.fileSystem = fileSystem
        let engine = LiquidEngine(configuration)
        let template = try engine.parse("{% for i in (1..5) %}{% include a.html %}{% endfor %}", file: "t")
        #expect(try engine.render(template, [:]) == "ppppp")
        #expect(try engine.render(template, [:]) == "ppppp")
        #expect(fileSystem.reads == 1)
    }

    @Test func directoryFileSystemReadsInsideItsRoot() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("liquid-fs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("_includes/docs"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "inside {{ include.x }}".write(
            to: root.appendingPathComponent("_includes/docs/a.html"), atomically: true, encoding: .utf8)
        try "secret".write(to: root.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("_includes/link.html"),
            withDestinationURL: root.appendingPathComponent("secret.txt"))
        var configuration = LiquidConfiguration()
        configuration.fileSystem = LiquidDirectoryFileSystem(root: root.appendingPathComponent("_includes").path)
        let engine = LiquidEngine(configuration)

        #expect(try engine.render("{% include docs/a.html x=1 %}") == "inside 1")
        let escape = #expect(throws: LiquidError.self) { try engine.render("{% include ../secret.txt %}") }
        #expect(escape?.id == "liquid.include-outside-root")
        let link = #expect(throws: LiquidError.self) { try engine.render("{% include link.html %}") }
        #expect(link?.id == "liquid.include-outside-root")
        let missing = #expect(throws: LiquidError.self) { try engine.render("{% include nope.html %}") }
        #expect(missing?.id == "liquid.missing-partial")
    }

    @Test func includeRelativeReadsBesideThePageInsideTheSiteSource() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("liquid-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: site.appendingPathComponent("_includes"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: site.appendingPathComponent("docs"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: site) }
        try "beside {{ x }}".write(
            to: site.appendingPathComponent("docs/snippet.md"), atomically: true, encoding: .utf8)
        try "{{ 1 | divided_by: 0 }}".write(
            to: site.appendingPathComponent("_includes/bad.html"), atomically: true, encoding: .utf8)
        var configuration = LiquidConfiguration()
        configuration.fileSystem = LiquidDirectoryFileSystem(
            root: site.appendingPathComponent("_includes").path, relativeRoot: site.path)
        let engine = LiquidEngine(configuration)
        let page = try engine.parse("{% include_relative snippet.md %}", file: "docs/guide.md")
        #expect(try engine.render(page, ["x": 1]) == "beside 1")
        let outside = try engine.parse("{% include_relative ../../etc/passwd %}", file: "docs/guide.md")
        let error = #expect(throws: LiquidError.self) { try engine.render(outside, [:]) }
        #expect(error?.id == "liquid.include-outside-root")
        let bad = #expect(throws: LiquidError.self) { try engine.render("{% include bad.html %}", file: "index.md") }
        #expect(bad?.location.file == "_includes/bad.html")
    }
}
