import Liquid

/// The built-in tabs, in every site: `{% tabs group="os" %}{% tab "macOS" %}…{% endtab %}{% endtabs %}`.
///
/// The four are plain tags, not blocks: each writes its own lines of `TabMarkup` and the bodies stay template text,
/// so the Markdown inside a tab maps line for line to the page (a step's diagnostic lands on its line) and a tab
/// set nests without Liquid recursing. `TabBodies` then takes the common indentation off each body, and
/// `TabsCheck` reports what is malformed (a tab outside a set, an empty tab, a duplicate title, a missing end).
/// A site's own `tabs` or `tab` tag (`templates/tags/`) replaces these.
enum TabsTag {
    static let names: Set<String> = ["tabs", "endtabs", "tab", "endtab"]

    static func register(in configuration: inout LiquidConfiguration) {
        configuration.registerTag("tabs") { call throws(LiquidError) -> String in
            TabMarkup.openSet(group: text(call.parameters["group"]))
        }
        configuration.registerTag("endtabs") { _ throws(LiquidError) -> String in TabMarkup.closeSet() }
        configuration.registerTag("tab") { call throws(LiquidError) -> String in
            TabMarkup.openTab(title: text(call.positional.first) ?? text(call.parameters["title"]) ?? "")
        }
        configuration.registerTag("endtab") { _ throws(LiquidError) -> String in TabMarkup.closeTab() }
    }

    /// A title or group as text; nil when absent or empty.
    private static func text(_ value: LiquidValue?) -> String? {
        guard let value, !value.isNil else { return nil }
        let text = value.liquidString.trimmingSpaces
        return text.isEmpty ? nil : text
    }
}
