import Foundation

/// A simulation's screen, decoded from its JSON: what the step runner resolves labels against and what the
/// static (no-JavaScript) rendering shows.
public struct SimulationScreen: Sendable, Equatable, Decodable {
    public struct Section: Sendable, Equatable, Decodable {
        public var title: String
        public var lines: [String]
    }

    public struct Table: Sendable, Equatable, Decodable {
        public var title: String
        public var section: String?
        public var columns: [String]
        public var rows: [[String]]
    }

    public struct Message: Sendable, Equatable, Decodable {
        public var kind: String
        public var text: String
    }

    public struct Control: Sendable, Equatable, Decodable {
        /// button, link, textField, toggle or select.
        public var kind: String
        public var label: String
        public var value: String?
        public var enabled: Bool
        public var row: String?
        public var section: String?
        public var options: [String]?
    }

    public struct Download: Sendable, Equatable, Decodable {
        public var filename: String
    }

    public var title: String
    public var breadcrumbs: [String]
    public var banner: String?
    public var notes: [String]
    public var messages: [Message]
    public var sections: [Section]
    public var tables: [Table]
    public var controls: [Control]
    public var download: Download?

    public static func decode(_ json: String) -> SimulationScreen? {
        try? JSONDecoder().decode(SimulationScreen.self, from: Data(json.utf8))
    }

    /// Every control label, in screen order, without repeats.
    public var labels: [String] {
        var seen: Set<String> = []
        return controls.map(\.label).filter { seen.insert($0).inserted }
    }

    public func controls(kind: String) -> [Control] { controls.filter { $0.kind == kind } }

    /// True when `text` is a table cell or a control label of this screen (case-insensitively).
    public func lists(_ text: String) -> Bool {
        let key = StepText.normalized(text)
        return tables.contains { $0.rows.contains { $0.contains { StepText.normalized($0) == key } } }
            || controls.contains { StepText.normalized($0.label) == key }
    }
}
