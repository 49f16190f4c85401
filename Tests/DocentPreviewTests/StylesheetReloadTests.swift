import DocentSite
import DocentTestSupport
import Foundation
import Testing

@testable import DocentPreview

/// `serve` compiles a stylesheet again when it or one of its partials changes, and tells the pages to swap that
/// stylesheet without reloading.
@Suite struct StylesheetReloadTests {
    static let site: [String: String] = [
        "_config.yml": "title: T\n",
        "index.md": "---\n---\nHome.\n",
        "_sass/_colors.scss": "$ink: #222;\n",
        "assets/site.scss": "---\n---\n@import \"colors\";\na { color: $ink; }\n",
    ]

    @Test func editingAPartialRecompilesTheStylesheetAndSwapsItAlone() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        let build = IncrementalBuild(options: site.options)
        let store = SiteStore()
        let first = build.build()
        #expect(first.succeeded, "\(first.diagnostics)")
        _ = store.publish(first, overlay: nil, baseURL: first.baseURL)

        try site.write("_sass/_colors.scss", "$ink: #333;\n")
        let update = build.update(changed: ["_sass/_colors.scss"])
        #expect(update.succeeded, "\(update.diagnostics)")
        #expect(update.renderedPages == 1)
        #expect(Set(update.written.keys) == ["assets/site.css", "assets/site.css.map"])
        let css = update.written["assets/site.css"].map { String(decoding: $0, as: UTF8.self) }
        #expect(css == "a { color: #333; }\n\n/*# sourceMappingURL=site.css.map */")
        #expect(update.written == update.written.filter { site.cleanBuild().files[$0.key] == $0.value })
        #expect(store.publish(update, overlay: nil, baseURL: update.baseURL) == .styles(["/assets/site.css"]))
    }

    @Test func aPartialCreatedForAMissingImportRecompilesTheStylesheet() throws {
        var files = Self.site
        files["_sass/_colors.scss"] = nil
        let site = try TestSite(files)
        defer { site.remove() }
        let build = IncrementalBuild(options: site.options)
        #expect(build.build().diagnostics.map(\.id) == ["sass.import"])
        try site.write("_sass/_colors.scss", "$ink: #444;\n")
        let update = build.update(changed: ["_sass/_colors.scss"])
        #expect(update.succeeded, "\(update.diagnostics)")
        #expect(update.written["assets/site.css"].map { String(decoding: $0, as: UTF8.self) }?.contains("#444") == true)
    }

    @Test func theClientSwapsTheChangedStylesheetWithACacheBustingQuery() {
        let script = LiveReloadHub.clientScript
        #expect(script.contains("addEventListener(\"css\""))
        #expect(script.contains("JSON.parse(event.data).paths"))
        #expect(script.contains("searchParams.set(\"docent-reload\""))
    }
}
