import DocentMarkdown
import WalkthroughContract

/// A simulation screen (the walkthrough contract's `WalkthroughScreen`, the same value the page's script draws
/// from its JSON) as HTML: the markup assets/js/walkthrough.js also produces for the live console, so one
/// stylesheet serves both. The highlighted control is the one `WalkthroughRule.addresses` picks, as in the page.
/// Every text is escaped; nothing from the screen is markup.
struct ScreenHTML {
    /// The control to mark with `docent-highlight`: the one the step names.
    var highlight: WalkthroughAction?

    func render(_ screen: WalkthroughScreen, into out: inout String) {
        out += "<div class=\"docent-screen\" data-screen-title=\"\(escape(screen.title))\">"
        if !screen.breadcrumbs.isEmpty {
            out += "<nav class=\"docent-screen-breadcrumbs\" aria-label=\"Console breadcrumbs\"><ol>"
            for crumb in screen.breadcrumbs { out += "<li>\(escape(crumb))</li>" }
            out += "</ol></nav>"
        }
        out += "<h3 class=\"docent-screen-title\">\(escape(screen.title))</h3>"
        if let banner = screen.banner { out += "<p class=\"docent-screen-banner\" role=\"note\">\(escape(banner))</p>" }
        if !screen.messages.isEmpty {
            out += "<ul class=\"docent-screen-messages\">"
            for message in screen.messages {
                out +=
                    "<li class=\"docent-message docent-message-\(message.kind.rawName)\">\(escape(message.text))</li>"
            }
            out += "</ul>"
        }
        for section in screen.sections {
            out += "<section class=\"docent-screen-section\"><h4>\(escape(section.title))</h4>"
            for line in section.lines { out += "<p>\(escape(line))</p>" }
            out += "</section>"
        }
        var placed = Set<Int>()
        for table in screen.tables { render(table, screen, placed: &placed, into: &out) }
        out += "<div class=\"docent-screen-controls\">"
        for (index, control) in screen.controls.enumerated() where !placed.contains(index) {
            render(control, screen, into: &out)
        }
        out += "</div>"
        for note in screen.notes { out += "<p class=\"docent-screen-note\">\(escape(note))</p>" }
        if let download = screen.download {
            out += "<p class=\"docent-screen-download\">Download ready: \(escape(download.filename))</p>"
        }
        out += "</div>"
    }

    private func render(
        _ table: WalkthroughScreen.Table, _ screen: WalkthroughScreen, placed: inout Set<Int>, into out: inout String
    ) {
        // Controls whose row is the first cell of one of this table's rows go in that row.
        let firstCells = Set(table.rows.compactMap(\.first))
        let rowControls = screen.controls.indices.filter { index in
            !placed.contains(index) && screen.controls[index].row.map(firstCells.contains) == true
        }
        out += "<table class=\"docent-screen-table\""
        if let section = table.section { out += " data-section=\"\(escape(section))\"" }
        out += "><caption>\(escape(table.title))</caption><thead><tr>"
        for column in table.columns { out += "<th scope=\"col\">\(escape(column))</th>" }
        if !rowControls.isEmpty { out += "<th scope=\"col\">Actions</th>" }
        out += "</tr></thead><tbody>"
        for row in table.rows {
            out += "<tr>"
            for cell in row { out += "<td>\(escape(cell))</td>" }
            if !rowControls.isEmpty {
                out += "<td class=\"docent-row-controls\">"
                for index in rowControls where screen.controls[index].row == row.first && !placed.contains(index) {
                    render(screen.controls[index], screen, into: &out)
                    placed.insert(index)
                }
                out += "</td>"
            }
            out += "</tr>"
        }
        out += "</tbody></table>"
    }

    private func render(_ control: WalkthroughControl, _ screen: WalkthroughScreen, into out: inout String) {
        let label = escape(control.label)
        var classes = "docent-control"
        switch control.kind {
        case .textField: classes += " docent-field"
        case .select: classes += " docent-select"
        case .toggle: classes += " docent-toggle"
        case .link: classes += " docent-link"
        case .button: classes += " docent-button"
        }
        if let highlight, WalkthroughRule.addresses(highlight, control, on: screen) { classes += " docent-highlight" }
        var attributes =
            "class=\"\(classes)\" data-kind=\"\(control.kind.rawName)\" data-label=\"\(label)\""
        if let row = control.row { attributes += " data-row=\"\(escape(row))\"" }
        if let section = control.section { attributes += " data-section=\"\(escape(section))\"" }
        let disabled = control.enabled ? "" : " disabled"
        switch control.kind {
        case .textField:
            out += "<label \(attributes)><span class=\"docent-field-label\">\(label)</span> "
            out += "<input type=\"text\" value=\"\(escape(control.value ?? ""))\"\(disabled)></label>"
        case .select:
            out += "<label \(attributes)><span class=\"docent-field-label\">\(label)</span> <select\(disabled)>"
            for option in control.options {
                let selected = option == control.value ? " selected" : ""
                out += "<option\(selected)>\(escape(option))</option>"
            }
            out += "</select></label>"
        case .toggle:
            let on = control.isOn ? "true" : "false"
            out +=
                "<button type=\"button\" role=\"switch\" aria-checked=\"\(on)\" \(attributes)\(disabled)>\(label)</button>"
        case .button, .link:
            out += "<button type=\"button\" \(attributes)\(disabled)>\(label)</button>"
        }
    }

    private func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
