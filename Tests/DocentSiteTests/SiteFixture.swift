import DocentSite
import Foundation

/// A whole site written inline as text files into a temporary folder, built in memory.
struct SiteFixture {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("docent-fixture-\(UUID().uuidString)")
        for (path, text) in files {
            try write(path, Data(text.utf8))
        }
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func build(drafts: Bool = false) -> (result: BuildResult, output: MemoryOutput) {
        let output = MemoryOutput()
        let result = SiteBuilder(options: BuildOptions(source: root, includeDrafts: drafts)).build(into: output)
        return (result, output)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// A minimal Docent site: config and a layout that prints the page title and content.
    static let basics: [String: String] = [
        "docent.yml": "title: Test Docs\nbaseurl: \"\"\n",
        "templates/layouts/default.html": "<title>{{ page.title }}</title>\n<main>{{ content }}</main>\n",
    ]
}

extension BuildResult {
    var messages: [String] { diagnostics.map { "\($0.location.map(\.description) ?? "-"): \($0.id): \($0.message)" } }
}
