import DocentMarkdown
import DocentSite
import Foundation

/// The overlay a page shows while the site has errors: each error at file:line:column with its source line,
/// include chain and note: one more way to print diagnostics, beside text, JSON and GitHub annotations.
/// Everything from the site is escaped: diagnostics are shown as text, never as HTML.
enum ErrorOverlay {
    static let elementID = "docent-error-overlay"

    /// The overlay element, or nil when there are no errors. `held`: the build failed and the browser shows the
    /// last good pages; otherwise the pages are current and the errors are those `docent check` would report,
    /// and the reader can dismiss the overlay.
    static func html(_ diagnostics: [Diagnostic], root: URL, held: Bool = true, limit: Int = 20) -> String? {
        let errors = diagnostics.filter { $0.severity == .error }.sortedForDisplay
        guard !errors.isEmpty else { return nil }
        let sources = SourceLines(root: root)
        var out = "<div id=\"\(elementID)\" role=\"alert\" style=\"\(style)\">"
        out += "<div style=\"max-width:60rem;margin:0 auto\">"
        let plural = errors.count == 1 ? "" : "s"
        let state =
            held
            ? "showing the last good version of the site"
            : "docent check would fail; the pages are up to date"
        if !held {
            out +=
                "<button type=\"button\" onclick=\"this.closest('#\(elementID)').remove()\" style=\"float:right;font:inherit;margin:0 0 1rem 1rem\">Dismiss</button>"
        }
        out +=
            "<p style=\"margin:0 0 1rem;font:600 1.1rem system-ui,sans-serif;color:#ff8a80\">Docent: \(errors.count) error\(plural) — \(state)</p>"

        for diagnostic in errors.prefix(limit) {
            out += "<section style=\"margin:0 0 1.25rem\">"
            let place = diagnostic.location.map { escape($0.description) + ": " } ?? ""
            out +=
                "<div class=\"docent-diagnostic\"><strong style=\"color:#ffcc80\">\(place)</strong>\(escape(diagnostic.message)) <span style=\"opacity:.6\">[\(escape(diagnostic.id))]</span></div>"
            if let location = diagnostic.location, let line = sources.line(location) {
                let caret = String(repeating: " ", count: max(0, location.column - 1)) + "^"
                out +=
                    "<pre style=\"margin:.4rem 0;padding:.5rem;background:#000a;overflow:auto\">\(location.line) | \(escape(line))\n\(String(repeating: " ", count: String(location.line).count)) | \(caret)</pre>"
            }
            for call in diagnostic.includeChain.reversed() {
                out += "<div style=\"opacity:.8\">included from \(escape(call.description))</div>"
            }
            if let note = diagnostic.note { out += "<div style=\"opacity:.8\">note: \(escape(note))</div>" }
            if let fixIt = diagnostic.fixIt { out += "<div style=\"opacity:.8\">fix: \(escape(fixIt))</div>" }
            out += "</section>"
        }
        if errors.count > limit { out += "<p>… and \(errors.count - limit) more</p>" }
        out += "</div></div>"
        return out
    }

    static let style =
        "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;background:rgba(20,20,24,.94);color:#eee;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;white-space:normal"

    static func escape(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }

}
