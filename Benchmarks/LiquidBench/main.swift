// Renders a docs-like layout (navigation loop, includes with parameters, filters) 10,000 times and reports
// renders per second. Not a test: run ./Benchmarks/LiquidBench/run.sh (or `swift run -c release LiquidBench` once
// the target is declared).
import Foundation
import Liquid

let layout = """
    <!DOCTYPE html>
    <html lang="{{ site.lang | default: 'en' }}">
    <head>
      <meta charset="utf-8">
      <title>{% if page.title %}{{ page.title | escape }} | {% endif %}{{ site.title | escape }}</title>
      <link rel="stylesheet" href="{{ '/assets/site.css' | relative_url }}">
    </head>
    <body>
    {% include header.html title=site.title nav=site.nav %}
    <div class="layout">
      <nav class="sidebar">
        <ul>
        {%- for item in site.pages -%}
          {%- if item.section == page.section %}
          <li{% if item.url == page.url %} class="active"{% endif %}><a href="{{ item.url | relative_url }}">{{ item.title }}</a></li>
          {%- endif -%}
        {%- endfor %}
        </ul>
      </nav>
      <main>
        <h1>{{ page.title }}</h1>
        <p class="meta">Updated {{ page.date | date: '%B %-d, %Y' }} · {{ content | number_of_words }} words</p>
        {% if page.toc.size > 0 %}
        <ol class="toc">
          {% for heading in page.toc limit: 8 %}<li><a href="#{{ heading | slugify }}">{{ forloop.index }}. {{ heading }}</a></li>{% endfor %}
        </ol>
        {% endif %}
        {{ content }}
        {% assign related = site.pages | where: 'section', page.section %}
        <p>{{ related.size }} pages in {{ page.section | capitalize }}.</p>
      </main>
    </div>
    {% include footer.html year=2026 %}
    </body>
    </html>
    """

let partials = LiquidMemoryFileSystem([
    "header.html": """
        <header><a class="brand" href="{{ '/' | relative_url }}">{{ include.title }}</a>
        <ul>{% for link in include.nav %}<li><a href="{{ link.url | relative_url }}">{{ link.title | upcase }}</a></li>{% endfor %}</ul></header>
        """,
    "footer.html": "<footer>© {{ include.year }} {{ site.title }} · <a href=\"{{ '/feed.xml' | absolute_url }}\">Feed</a></footer>",
])

var configuration = LiquidConfiguration()
configuration.fileSystem = partials
configuration.baseURL = "/docs"
configuration.siteURL = "https://example.com"
let engine = LiquidEngine(configuration)
let template = try engine.parse(layout, file: "_layouts/default.html")

let sections = ["guide", "reference", "walkthrough", "admin"]
let pages: [LiquidValue] = (0..<60).map { i in
    ["title": .string("Page \(i)"), "url": .string("/\(sections[i % 4])/page-\(i)/"), "section": .string(sections[i % 4])]
}
let site: LiquidValue = [
    "title": "Insomnia Enterprise Docs", "lang": "en", "pages": .array(pages),
    "nav": [["title": "Guide", "url": "/guide/"], ["title": "Reference", "url": "/reference/"], ["title": "Admin", "url": "/admin/"]],
]
let content = String(repeating: "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p>\n", count: 40)
let page: LiquidValue = [
    "title": "Capturing domains", "url": "/guide/page-8/", "section": "guide", "date": "2026-03-14 10:00:00",
    "toc": ["Before you start", "Add a domain", "Verify ownership", "Troubleshooting"],
]
let variables: [String: LiquidValue] = ["site": site, "page": page, "content": .string(content)]

let iterations = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 10_000 : 10_000
var bytes = 0
_ = try engine.render(template, variables)  // warm the partial cache
let start = Date()
for _ in 0..<iterations {
    bytes += try engine.render(template, variables).utf8.count
}
let seconds = Date().timeIntervalSince(start)
print(
    "\(iterations) renders in \(String(format: "%.3f", seconds)) s: \(Int(Double(iterations) / seconds)) renders/s, \(bytes / iterations) bytes each"
)
