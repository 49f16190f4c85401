import EnterpriseDomain
import WalkthroughContract

/// Small helpers the screen builders use to add controls in reading order.
extension Screen {
    @inline(never)
    mutating func button(
        _ label: String, row: String? = nil, section: String? = nil, enabled: Bool = true, value: String? = nil,
        role: Control.Role = .secondary, _ intent: Intent
    ) {
        add(Control(.button, label, value: value, enabled: enabled, row: row, section: section, role: role), intent)
    }

    @inline(never)

    mutating func link(_ label: String, row: String? = nil, section: String? = nil, _ intent: Intent) {
        add(Control(.link, label, row: row, section: section), intent)
    }

    @inline(never)

    mutating func field(_ label: String, value: String, section: String? = nil, _ key: String) {
        add(Control(.textField, label, value: value, section: section), .field(key))
    }

    @inline(never)

    mutating func toggle(
        _ label: String, on: Bool, section: String? = nil, enabled: Bool = true, role: Control.Role = .secondary,
        _ intent: Intent
    ) {
        add(Control(.toggle, label, value: on ? "on" : "off", enabled: enabled, section: section, role: role), intent)
    }

    @inline(never)

    mutating func select(
        _ label: String, options: [String], value: String?, row: String? = nil, section: String? = nil, _ intent: Intent
    ) {
        add(Control(.select, label, value: value, row: row, section: section, options: options), intent)
    }

    @inline(never)

    mutating func text(_ title: String, _ lines: [String]) { view.sections.append(Section(title: title, lines: lines)) }

    @inline(never)

    mutating func table(_ title: String, section: String? = nil, columns: [String], rows: [[String]]) {
        view.tables.append(Table(title: title, section: section, columns: columns, rows: rows))
    }

    /// A visible "Simulated:" note for an undocumented choice (rules tagged I).
    @inline(never)
    mutating func simulated(_ text: String) { notes.append("Simulated: " + text) }

    @inline(never)

    mutating func message(_ kind: Message.Kind, _ text: String) { messages.append(Message(kind: kind, text: text)) }
}

extension ConsoleSession {
    /// The row names of a list of organizations: the name, or "Cargo (org_7)" when the list has the name twice
    /// (ORG-4 allows duplicate names), so every row's controls stay addressable.
    @inline(never)
    static func rowNames(_ orgs: [Organization]) -> [String] {
        // Names shared by two or more organizations, found by sorting once (a table of many rows stays linear-ish).
        let positions = Array(orgs.indices)
        let byName = positions.sortedStably { Text.less(orgs[$0].name, orgs[$1].name) }
        var shared = [Bool](repeating: false, count: orgs.count)
        for (a, b) in zip(byName, byName.dropFirst()) where Text.equal(orgs[a].name, orgs[b].name) {
            shared[a] = true
            shared[b] = true
        }
        return positions.mapped { shared[$0] ? "\(orgs[$0].name) (\(orgs[$0].id))" : orgs[$0].name }
    }
}
