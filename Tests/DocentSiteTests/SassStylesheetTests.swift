import DocentSite
import Foundation
import Testing

/// Sass and SCSS stylesheets in a whole site, as Jekyll builds them: a `.scss` with front matter is compiled to
/// `.css` at its path, partials are imported and never written, a stylesheet without front matter is copied.
@Suite struct SassStylesheetTests {
    static let site: [String: String] = [
        "_config.yml": "title: T\naccent: \"#0a7\"\nsass:\n  sass_dir: _styles\n",
        "index.md": "---\n---\nHome.\n",
        "_styles/_colors.scss": "$ink: #222;\n",
        "assets/css/site.scss":
            "---\n---\n@import \"colors\";\n$accent: {{ site.accent }};\na { color: $ink; b { color: $accent; } }\n",
        "assets/raw.scss": "a { b { color: red; } }\n",
    ]

    @Test func aStylesheetWithFrontMatterIsCompiledToCSSAtItsPath() throws {
        let site = try SiteFixture(Self.site)
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(
            output.text("assets/css/site.css")
                == "a { color: #222; }\n\na b { color: #0a7; }\n\n/*# sourceMappingURL=site.css.map */")
        #expect(output.text("assets/css/site.css.map")?.contains("\"_styles/_colors.scss\"") == true)
        #expect(output.files["assets/css/site.scss"] == nil)
        // A stylesheet is not a page to find: neither the sitemap nor the search index lists it.
        #expect(output.text("sitemap.xml")?.contains("<loc>/</loc>") == true)
        #expect(output.text("sitemap.xml")?.contains("site.css") == false)
        // A Jekyll site writes no search index unless its config asks (`search: {index: true}`).
        #expect(output.files.keys.allSatisfy { !$0.hasPrefix("search/") })
    }

    @Test func aDocentSitesStylesheetsCompileInItsAssetsFolder() throws {
        let site = try SiteFixture(
            SiteFixture.basics.merging([
                "content/index.md": "Home.\n",
                "_sass/_colors.scss": "$ink: #222;\n",
                "assets/site.scss": "---\n---\n@import \"colors\";\na { color: $ink; }\n",
                "assets/plain.scss": "a { color: red; }\n",
            ]) { $1 })
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text("assets/site.css")?.hasPrefix("a { color: #222; }") == true)
        #expect(output.text("assets/plain.scss") == "a { color: red; }\n")
    }

    @Test func partialsAreNeverWritten() throws {
        let site = try SiteFixture(Self.site)
        defer { site.remove() }
        let (_, output) = site.build()
        #expect(!output.files.keys.contains { $0.contains("colors") || $0.hasPrefix("_styles") })
    }

    @Test func aStylesheetWithoutFrontMatterIsCopiedAsItIs() throws {
        let site = try SiteFixture(Self.site)
        defer { site.remove() }
        let (_, output) = site.build()
        #expect(output.text("assets/raw.scss") == "a { b { color: red; } }\n")
        #expect(output.files["assets/raw.css"] == nil)
    }

    @Test func styleAndSourcemapComeFromTheConfig() throws {
        var files = Self.site
        files["_config.yml"] =
            "accent: \"#0a7\"\nsass:\n  sass_dir: _styles\n  style: :compressed\n  sourcemap: never\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text("assets/css/site.css") == "a{color:#222}a b{color:#0a7}\n")
        #expect(output.files["assets/css/site.css.map"] == nil)
    }

    @Test func aSyntaxErrorIsReportedAtTheFileLineAndColumnBuildAndCheckAlike() throws {
        var files = Self.site
        // Liquid on line 3 adds no lines: the missing semicolon is reported where the next declaration starts.
        files["assets/css/site.scss"] = "---\n---\n{% assign x = 1 %}$a: 1px;\np {\n  color: red\n  margin: 0;\n}\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        for checks in [false, true] {
            let (result, output) = site.build(checks: checks)
            let errors = result.diagnostics.filter { $0.id == "sass.error" }
            #expect(errors.count == 1, "\(result.messages)")
            #expect(errors.first?.location?.file == "assets/css/site.scss")
            #expect(errors.first?.location?.line == 6)
            #expect(errors.first?.location?.column == 3)
            #expect(output.files.isEmpty)
        }
    }

    @Test func anErrorAfterLinesLiquidAddedIsReportedAtTheLineOfTheFile() throws {
        var files = Self.site
        files["_config.yml"] = "rules: \"a { color: red; }\\nb { color: blue; }\\n\"\nsass:\n  sass_dir: _styles\n"
        files["assets/css/site.scss"] = "---\n---\n{{ site.rules }}\np {\n  color: red\n  margin: 0;\n}\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let (result, _) = site.build()
        #expect(
            result.diagnostics.map { $0.location?.description } == ["assets/css/site.scss:6:3"], "\(result.messages)")
    }

    @Test func loadPathsAreSearchedBeforeSassDir() throws {
        var files = Self.site
        files["_config.yml"] = "accent: red\nsass:\n  sass_dir: _styles\n  load_paths: [vendor/sass, ../elsewhere]\n"
        files["vendor/sass/_colors.scss"] = "$ink: #010203;\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text("assets/css/site.css")?.hasPrefix("a { color: #010203; }") == true)
    }

    @Test func anErrorInAPartialIsReportedInThePartial() throws {
        var files = Self.site
        files["_styles/_colors.scss"] = "$ink: #222;\n.x { color: $missing; }\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let (result, _) = site.build()
        #expect(result.messages == ["_styles/_colors.scss:2:13: sass.error: Undefined variable: \"$missing\"."])
    }

    @Test func aMissingImportIsReportedAtTheImport() throws {
        var files = Self.site
        files["assets/css/site.scss"] = "---\n---\na { color: red; }\n@import \"nothing-here\";\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let (result, _) = site.build()
        let error = try #require(result.diagnostics.first { $0.id == "sass.import" }, "\(result.messages)")
        #expect(error.location?.description == "assets/css/site.scss:4:9")
    }

    @Test func anImportOutsideTheSiteIsRefused() throws {
        let outside = try SiteFixture(["_secret.scss": "$secret: 42px;\n"])
        defer { outside.remove() }
        let name = outside.root.lastPathComponent
        var files = Self.site
        files["assets/css/site.scss"] = "---\n---\n@import \"../../../\(name)/secret\";\na { width: $secret; }\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("_styles/_linked.scss").path,
            withDestinationPath: outside.root.appendingPathComponent("_secret.scss").path)
        for (source, line) in [
            ("@import \"../../../\(name)/secret\";", 3), ("@import \"\(outside.root.path)/secret\";", 3),
            ("@import \"linked\";", 3),
        ] {
            try site.write("assets/css/site.scss", "---\n---\n\(source)\na { width: $secret; }\n")
            let (result, output) = site.build()
            let error = try #require(
                result.diagnostics.first { $0.id == "sass.import-outside" }, "\(source): \(result.messages)")
            #expect(error.location?.file == "assets/css/site.scss")
            #expect(error.location?.line == line)
            #expect(!output.files.values.contains { String(decoding: $0, as: UTF8.self).contains("42px") })
        }
    }

    @Test func anImportCycleIsAnErrorNotAHang() throws {
        var files = Self.site
        files["_styles/_a.scss"] = "@import \"b\";\n"
        files["_styles/_b.scss"] = "@import \"a\";\n"
        files["assets/css/site.scss"] = "---\n---\n@import \"a\";\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let (result, _) = site.build()
        #expect(result.messages == ["_styles/_a.scss:1:1: sass.error: An @import loop has been found:"])
        #expect(
            result.diagnostics.first?.note
                == "assets/css/site.scss imports _styles/_a.scss; _styles/_a.scss imports _styles/_b.scss; "
                + "_styles/_b.scss imports _styles/_a.scss")
    }

    @Test func aThemesStylesheetImportsTheThemesSass() throws {
        guard JekyllTheme.locate("minima") != nil else { return }
        let site = try SiteFixture(["_config.yml": "theme: minima\n", "index.md": "---\n---\nHome.\n"])
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.succeeded, "\(result.messages)")
        #expect(output.text("assets/main.css")?.hasPrefix("/** Reset some basic elements */\nbody, h1,") == true)
        #expect(output.files["assets/main.css.map"] != nil)
    }
}
