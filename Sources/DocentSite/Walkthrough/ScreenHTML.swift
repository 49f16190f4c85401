import DocentMarkdown
import WalkthroughContract

/// A simulation screen (the walkthrough contract's `WalkthroughScreen`, the same value the page's script draws
/// from its JSON) as HTML: the markup DocentEnterprise/walkthrough-runtime/js/screen.js also produces for the live
/// console, so one stylesheet serves both. The highlighted control is the one `WalkthroughRule.addresses` picks, as in the page.
/// Every text is escaped; nothing from the screen is markup.
///
/// The screen is drawn as an admin app (`ScreenLayout` says where each control goes): a sidebar, a header
/// (breadcrumbs, title, badge), sections holding their tables and controls, row actions named with their row (a
/// row's submenu), then the separate Simulation drawer.
struct ScreenHTML {
    /// The control to mark with `docent-highlight`: the one the step names.
    var highlight: WalkthroughAction?
    /// False for a picture of the product: the Simulation drawer (its controls and notes) is left out.
    var drawsSimulation = true

    func render(_ screen: WalkthroughScreen, into out: inout String) {
        let layout = ScreenLayout(screen)
        let highlighted = Set(
            screen.controls.indices.filter { index in
                highlight.map { WalkthroughRule.addresses($0, screen.controls[index], on: screen) } ?? false
            })
        let drawer = Drawer(screen: screen, layout: layout, highlighted: highlighted)
        out += "<div class=\"docent-screen\" data-screen-title=\"\(escape(screen.title))\"><div class=\"docent-app\">"
        if !layout.sidebar.isEmpty {
            out += "<nav class=\"docent-app-sidebar\" aria-label=\"Console navigation\">"
            for index in layout.sidebar { drawer.control(index, into: &out) }
            out += "</nav>"
        }
        out += "<div class=\"docent-app-main\"><header class=\"docent-app-header\">"
        if !screen.breadcrumbs.isEmpty {
            out += "<nav class=\"docent-screen-breadcrumbs\" aria-label=\"Console breadcrumbs\"><ol>"
            for crumb in screen.breadcrumbs { out += "<li>\(escape(crumb))</li>" }
            out += "</ol></nav>"
        }
        out += "<h3 class=\"docent-screen-title\">\(escape(screen.title))</h3>"
        for section in screen.sections where section.title == ScreenLayout.badge {
            for line in section.lines { out += "<span class=\"docent-app-badge\">\(escape(line))</span>" }
        }
        out += "</header>"
        if let banner = screen.banner { out += "<p class=\"docent-screen-banner\" role=\"note\">\(escape(banner))</p>" }
        if !screen.messages.isEmpty {
            out += "<ul class=\"docent-screen-messages\">"
            for message in screen.messages {
                out +=
                    "<li class=\"docent-message docent-message-\(message.kind.rawName)\">\(escape(message.text))</li>"
            }
            out += "</ul>"
        }
        var drawn = Set<Int>()
        var sectionControls = layout.sections
        for section in screen.sections where section.title != ScreenLayout.badge {
            out += "<section class=\"docent-screen-section\"><h4>\(escape(section.title))</h4>"
            for line in section.lines { out += "<p>\(escape(line))</p>" }
            for (index, table) in screen.tables.enumerated()
            where table.section == section.title && !drawn.contains(index) {
                drawn.insert(index)
                drawer.table(index, into: &out)
            }
            drawer.group(sectionControls.removeValue(forKey: section.title) ?? [], section.title, into: &out)
            out += "</section>"
        }
        for (index, table) in screen.tables.enumerated() where !drawn.contains(index) {
            drawer.table(index, into: &out)
            if let section = table.section {
                drawer.group(sectionControls.removeValue(forKey: section) ?? [], section, into: &out)
            }
        }
        out += "<div class=\"docent-screen-controls\">"
        for index in layout.loose { drawer.control(index, into: &out) }
        out += "</div>"
        if let download = screen.download {
            out += "<p class=\"docent-screen-download\">Download ready: \(escape(download.filename))</p>"
        }
        out += "</div></div>"
        if drawsSimulation, !screen.notes.isEmpty || !layout.simulation.isEmpty {
            // Open when the step names one of its controls, as in the page.
            let open = layout.simulation.contains(where: highlighted.contains) ? " open" : ""
            out += "<details class=\"docent-simulation\"\(open)><summary>Simulation</summary>"
            for note in screen.notes { out += "<p class=\"docent-screen-note\">\(escape(note))</p>" }
            drawer.group(layout.simulation, WalkthroughScreen.simulation, into: &out)
            out += "</details>"
        }
        out += "</div>"
    }

    private func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}

/// Draws the parts of one screen: controls (a menu trigger with its open menu), groups, tables with row actions.
private struct Drawer {
    let screen: WalkthroughScreen
    let layout: ScreenLayout
    let highlighted: Set<Int>

    func group(_ indexes: [Int], _ section: String, into out: inout String) {
        guard !indexes.isEmpty else { return }
        out += "<div class=\"docent-screen-controls\" data-section=\"\(escape(section))\">"
        for index in indexes { control(index, into: &out) }
        out += "</div>"
    }

    func control(_ index: Int, into out: inout String) {
        guard let items = layout.menus[index] else {
            render(index, menu: nil, into: &out)
            return
        }
        out += "<div class=\"docent-menu-host\">"
        render(index, menu: !items.isEmpty, into: &out)
        if !items.isEmpty {
            out += "<div class=\"docent-menu\" role=\"menu\" aria-label=\"\(escape(screen.controls[index].label))\">"
            for item in items { control(item, into: &out) }
            out += "</div>"
        }
        out += "</div>"
    }

    func table(_ position: Int, into out: inout String) {
        let table = screen.tables[position]
        let here = layout.rows.filter { $0.value.table == position }
        out += "<table class=\"docent-screen-table\""
        if let section = table.section { out += " data-section=\"\(escape(section))\"" }
        out += "><caption>\(escape(table.title))</caption><thead><tr>"
        for column in table.columns { out += "<th scope=\"col\">\(escape(column))</th>" }
        if !here.isEmpty { out += "<th scope=\"col\">Actions</th>" }
        out += "</tr></thead><tbody>"
        for (r, row) in table.rows.enumerated() {
            out += "<tr>"
            for cell in row { out += "<td>\(escape(cell))</td>" }
            if !here.isEmpty {
                out += "<td class=\"docent-row-controls\">"
                let mine = here.filter { $0.value.row == r }.map(\.key).sorted()
                for index in mine where screen.controls[index].role != .menuItem { control(index, into: &out) }
                let menu = mine.filter { screen.controls[$0].role == .menuItem }
                if !menu.isEmpty {
                    let open = menu.contains(where: highlighted.contains)
                    let name = escape("Actions for " + (row.first ?? ""))
                    out += "<div class=\"docent-row-menu\"><button type=\"button\" class=\"docent-menu-button\""
                    out += " aria-haspopup=\"menu\" aria-expanded=\"\(open)\" aria-label=\"\(name)\">⋯</button>"
                    out += "<div class=\"docent-menu\" role=\"menu\" aria-label=\"\(name)\"\(open ? "" : " hidden")>"
                    for index in menu { control(index, into: &out) }
                    out += "</div></div>"
                }
                out += "</td>"
            }
            out += "</tr>"
        }
        out += "</tbody></table>"
    }

    /// One control; `menu` is whether the menu it opens is open (nil: it opens none).
    private func render(_ index: Int, menu: Bool?, into out: inout String) {
        let control = screen.controls[index]
        let label = escape(control.label)
        var classes = "docent-control"
        switch control.kind {
        case .textField: classes += " docent-field"
        case .select: classes += " docent-select"
        case .toggle: classes += control.role == .checkbox ? " docent-toggle docent-checkbox" : " docent-toggle"
        case .link: classes += " docent-link"
        case .button: classes += " docent-button"
        }
        if highlighted.contains(index) { classes += " docent-highlight" }
        if control.kind == .button, control.role != .menuItem { classes += " docent-role-\(control.role.rawName)" }
        var attributes = "class=\"\(classes)\" data-kind=\"\(control.kind.rawName)\" data-label=\"\(label)\""
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
            let role = control.role == .checkbox ? "checkbox" : "switch"
            out +=
                "<button type=\"button\" role=\"\(role)\" aria-checked=\"\(on)\" \(attributes)\(disabled)>\(label)</button>"
        case .button, .link:
            var extra = control.role == .menuItem ? " role=\"menuitem\"" : ""
            var text = label
            if let row = control.row, control.section == WalkthroughScreen.simulation {
                // In the Simulation drawer, away from its row: the row is in its text ("Accept invitation (dan@kong.com)").
                text += " (\(escape(row)))"
            } else if let row = control.row, row != control.label {
                // A row's action is announced with its row ("Manage Organization Cargo"); a link naming its row is enough.
                extra += " aria-label=\"\(label) \(escape(row))\""
            }
            if let menu { extra += " aria-haspopup=\"menu\" aria-expanded=\"\(menu)\"" }
            out += "<button type=\"button\"\(extra) \(attributes)\(disabled)>\(text)</button>"
        }
    }

    private func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
