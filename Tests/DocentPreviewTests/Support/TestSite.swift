import DocentSite
import DocentTestSupport
import Foundation

/// The preview tests write their sites with the shared `TemporarySite`.
typealias TestSite = TemporarySite

extension TemporarySite {
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
