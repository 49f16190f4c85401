import WalkthroughContract

/// Where each control of a screen is drawn, by the rules DocentEnterprise/walkthrough-runtime/js/screen.js
/// (`layoutOf`) follows too: a simulation control (even one with a row) in the Simulation drawer, outside the product's frame; a control
/// with a row goes in that row of the first table that has it (a menu item there, in the row's submenu);
/// a sidebar control in the sidebar; a menu item without a row in the menu of the control before it (its
/// trigger); a simulation control in the Simulation drawer; a control whose section is a text section's title or
/// a table's section with that section; any other in the screen's own controls. The step runner checks a
/// guide's spatial words against the same structure.
struct ScreenLayout {
    /// The text section drawn as the header's badge.
    static let badge = "Badge"

    /// Control index → the table and row it is drawn in.
    var rows: [Int: (table: Int, row: Int)] = [:]
    var sidebar: [Int] = []
    /// A menu trigger's index → the indexes of its menu items (empty while the menu is closed).
    var menus: [Int: [Int]] = [:]
    var simulation: [Int] = []
    /// A section's title → the indexes of its controls (not in rows).
    var sections: [String: [Int]] = [:]
    var loose: [Int] = []

    init(_ screen: WalkthroughScreen) {
        for (index, control) in screen.controls.enumerated() where control.section != WalkthroughScreen.simulation {
            guard let row = control.row else { continue }
            for (t, table) in screen.tables.enumerated() {
                if let r = table.rows.firstIndex(where: { $0.first == row }) {
                    rows[index] = (t, r)
                    break
                }
            }
        }
        let titles = Set(screen.sections.map(\.title)).union(screen.tables.compactMap(\.section))
        var trigger: Int?
        for (index, control) in screen.controls.enumerated() where rows[index] == nil {
            if control.role == .menuItem, let trigger {
                menus[trigger, default: []].append(index)
                continue
            }
            trigger = control.role == .menu ? index : nil
            if let trigger { menus[trigger] = [] }
            switch control.section {
            case WalkthroughScreen.sidebar?: sidebar.append(index)
            case WalkthroughScreen.simulation?: simulation.append(index)
            case let section? where titles.contains(section): sections[section, default: []].append(index)
            default: loose.append(index)
            }
        }
    }

    /// Where a control is drawn, in the words guides use for it.
    enum Place: Equatable {
        case sidebar, simulation, loose
        case section(String)
        /// In a menu: a trigger's dropdown, or a table row's submenu (`row` true).
        case menu(row: Bool)
        /// In a table row, outside its submenu.
        case row
    }

    func place(of index: Int, in screen: WalkthroughScreen) -> Place {
        if rows[index] != nil { return screen.controls[index].role == .menuItem ? .menu(row: true) : .row }
        if menus.values.contains(where: { $0.contains(index) }) { return .menu(row: false) }
        if sidebar.contains(index) { return .sidebar }
        if simulation.contains(index) { return .simulation }
        if let section = sections.first(where: { $0.value.contains(index) })?.key { return .section(section) }
        return .loose
    }
}
