import DocentSite
import DocentTestSupport
import Foundation

/// Whole-site tests here write their sites with the shared `TemporarySite`.
typealias SiteFixture = TemporarySite

extension TemporarySite {
    /// A minimal Docent site: config and a layout that prints the page title and content.
    static let basics: [String: String] = [
        "docent.yml": "title: Test Docs\nbaseurl: \"\"\n",
        "templates/layouts/default.html": "<title>{{ page.title }}</title>\n<main>{{ content }}</main>\n",
    ]
}
