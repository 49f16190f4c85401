import DocentSite
import Foundation

/// A site written inline as text files into a temporary folder.
struct TestSite {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("docent-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    /// A copy of this repository's own docs site (config, content, templates, assets).
    static func repositorySite() throws -> TestSite {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let site = try TestSite([:])
        for name in ["docent.yml", "content", "templates", "assets"] {
            try FileManager.default.copyItem(
                at: repository.appendingPathComponent(name), to: site.root.appendingPathComponent(name))
        }
        return site
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func delete(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    func move(_ from: String, to: String) throws {
        try FileManager.default.moveItem(at: root.appendingPathComponent(from), to: root.appendingPathComponent(to))
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    var options: BuildOptions { BuildOptions(source: root) }

    /// Every file of a clean build, in memory.
    func cleanBuild() -> (files: [String: [UInt8]], diagnostics: [Diagnostic]) {
        let output = MemoryOutput()
        let result = SiteBuilder(options: options).build(into: output)
        return (output.files, result.diagnostics)
    }

    /// A small Docent site with a layout, includes, a data file, a stylesheet and a wasm file.
    static let small: [String: String] = [
        "docent.yml": "title: Test Docs\nbaseurl: \"\"\n",
        "templates/layouts/default.html":
            "<!doctype html>\n<html><head><title>{{ page.title }}</title><link rel=\"stylesheet\" href=\"/assets/site.css\"></head>\n<body>{% include header.html %}<main>{{ content }}</main>\n{% include footer.html %}</body></html>\n",
        "templates/layouts/plain.html": "<body><p>{{ page.title }}</p>{{ content }}</body>\n",
        "templates/includes/header.html": "<header>{{ site.title }}</header>",
        "templates/includes/footer.html":
            "<footer>{{ site.data.product.name }} {{ site.data.product.version }}</footer>",
        "templates/includes/note.md": "Note for {{ include.who }}.",
        "content/_data/product.yml": "name: Insomnia\nversion: 9\n",
        "content/index.md": "---\ntitle: Home\n---\nWelcome. See [the guide](guides/setup.md).\n",
        "content/guides/setup.md":
            "---\ntitle: Setup\nbreadcrumbs:\n  - /\n---\n## First step\n\n{% include note.md who=\"Ada\" %}\n",
        "content/guides/other.md": "---\ntitle: Other\nlayout: plain\n---\nPlain page.\n",
        "content/404.md": "---\ntitle: Lost\npermalink: /404.html\n---\nThis page is not here.\n",
        "assets/site.css": "body { color: black; }\n",
        "assets/app.wasm": "\0asm",
    ]
}
