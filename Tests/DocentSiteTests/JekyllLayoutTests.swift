import DocentCommands
import DocentEnterprise
import DocentSite
import DocentTestSupport
import Foundation
import Testing

/// A folder laid out as a Jekyll site builds without moving files.
@Suite struct JekyllLayoutTests {
    static let files: [String: String] = [
        "_config.yml": """
        title: Acme Docs
        baseurl: /docs
        permalink: pretty
        collections:
          how-tos:
            output: true
        defaults:
          - scope:
              path: ""
            values:
              layout: default
        exclude:
          - notes.txt

        """,
        "_layouts/default.html": "<h1>{{ page.title }}</h1>{{ content }}<footer>{{ site.data.company.name }}</footer>",
        "_layouts/plain.html": "{{ content }}",
        "_includes/note.html": "<aside>{{ include.text }}</aside>",
        "_data/company.yml": "name: Acme\n",
        "index.md": "---\ntitle: Home\n---\nSee [setup](/setup/).\n",
        "setup.md": "---\ntitle: Setup\npermalink: /guides/setup/\n---\n{% include note.html text=\"Hi\" %}\n",
        "_how-tos/rotate-keys.md": "---\ntitle: Rotate keys\nlayout: plain\n---\n## Rotate\n",
        "assets/site.css": "body{}",
        "plain.html": "no front matter, copied as is",
        "notes.txt": "excluded",
        "_drafts/wip.md": "---\ntitle: WIP\n---\n",
    ]

    @Test func jekyllSiteBuildsWithItsLayoutsIncludesDataAndCollections() throws {
        let site = try SiteFixture(Self.files)
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(result.config.layout == .jekyll)
        #expect(
            output.text("index.html")
                == "<h1>Home</h1><p>See <a href=\"/docs/setup/\">setup</a>.</p>\n<footer>Acme</footer>")
        #expect(output.text("guides/setup/index.html") == "<h1>Setup</h1><aside>Hi</aside>\n<footer>Acme</footer>")
        #expect(output.text("how-tos/rotate-keys/index.html") == "<h2 id=\"rotate\">Rotate</h2>\n")
        #expect(output.text("assets/site.css") == "body{}")
        #expect(output.text("plain.html") == "no front matter, copied as is")
        #expect(output.files["notes.txt"] == nil)
        #expect(output.files.keys.allSatisfy { !$0.hasPrefix("_") })
    }

    @Test func docentInitWritesASiteThatBuilds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docent-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(DocentCommand.runMain(["init", folder.path]) == 0)
        let output = MemoryOutput()
        var options = BuildOptions(source: folder)
        options.simulation = EnterpriseSimulation()
        options.runChecks = true
        let result = SiteBuilder(options: options).build(into: output)
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text("getting-started/index.html")?.contains("<blockquote class=\"info\">") == true)
        // The starter's walkthrough guide runs to its end against the simulation (checked: no diagnostics), with
        // the console embedded.
        let guide = try #require(output.text("first-walkthrough/index.html"))
        #expect(guide.contains("docent-walkthrough"))
        #expect(guide.contains("ConsoleWasm.wasm"))
        #expect(DocentCommand.runMain(["init", folder.path]) == 2)
    }
}
