/// A screen's JSON, with a fixed key order: what the page's script draws and what `WalkthroughScreen(json:)`
/// reads back (a simulation plugged into Docent hands its screens over as this JSON).
extension WalkthroughScreen {
    public var json: JSON {
        var sectionValues: [JSON] = []
        for section in sections { sectionValues.append(section.json) }
        var tableValues: [JSON] = []
        for table in tables { tableValues.append(table.json) }
        var controlValues: [JSON] = []
        for control in controls { controlValues.append(control.json) }
        var messageValues: [JSON] = []
        for message in messages { messageValues.append(message.json) }
        return .object([
            ("title", .string(title)),
            ("breadcrumbs", .strings(breadcrumbs)),
            ("banner", .optional(banner)),
            ("notes", .strings(notes)),
            ("messages", .array(messageValues)),
            ("sections", .array(sectionValues)),
            ("tables", .array(tableValues)),
            ("controls", .array(controlValues)),
            ("download", download?.json ?? .null),
        ])
    }

    public var jsonText: String { json.text }

    /// Reads a screen back from its JSON; nil when it has no title. Missing lists are empty.
    public init?(json: JSON) {
        guard let title = json["title"]?.stringValue else { return nil }
        self.init(title: title, breadcrumbs: json["breadcrumbs"]?.stringsValue ?? [])
        banner = json["banner"]?.stringValue
        notes = json["notes"]?.stringsValue ?? []
        for value in json["messages"]?.arrayValue ?? [] {
            if let text = value["text"]?.stringValue {
                messages.append(
                    Message(kind: value["kind"]?.stringValue.flatMap { Message.Kind(rawName: $0) } ?? .info, text: text)
                )
            }
        }
        for value in json["sections"]?.arrayValue ?? [] {
            sections.append(
                Section(title: value["title"]?.stringValue ?? "", lines: value["lines"]?.stringsValue ?? []))
        }
        for value in json["tables"]?.arrayValue ?? [] {
            var rows: [[String]] = []
            for row in value["rows"]?.arrayValue ?? [] { rows.append(row.stringsValue ?? []) }
            tables.append(
                Table(
                    title: value["title"]?.stringValue ?? "", section: value["section"]?.stringValue,
                    columns: value["columns"]?.stringsValue ?? [], rows: rows))
        }
        for value in json["controls"]?.arrayValue ?? [] {
            guard let label = value["label"]?.stringValue else { continue }
            controls.append(
                WalkthroughControl(
                    value["kind"]?.stringValue.flatMap { WalkthroughControl.Kind(rawName: $0) } ?? .button, label,
                    value: value["value"]?.stringValue, enabled: value["enabled"]?.boolValue ?? true,
                    row: value["row"]?.stringValue, section: value["section"]?.stringValue,
                    options: value["options"]?.stringsValue ?? [],
                    role: value["role"]?.stringValue.flatMap { WalkthroughControl.Role(rawName: $0) } ?? .secondary))
        }
        if let file = json["download"], let filename = file["filename"]?.stringValue {
            download = Download(
                filename: filename, mediaType: file["mediaType"]?.stringValue ?? "",
                content: file["content"]?.stringValue ?? "")
        }
    }

    /// Reads a screen from JSON text; nil when the text is not a screen.
    public init?(jsonText: String) {
        guard let json = try? JSON.parse(jsonText) else { return nil }
        self.init(json: json)
    }
}

extension WalkthroughScreen.Section {
    public var json: JSON { .object([("title", .string(title)), ("lines", .strings(lines))]) }
}

extension WalkthroughScreen.Table {
    public var json: JSON {
        var rowValues: [JSON] = []
        for row in rows { rowValues.append(.strings(row)) }
        return .object([
            ("title", .string(title)), ("section", .optional(section)), ("columns", .strings(columns)),
            ("rows", .array(rowValues)),
        ])
    }
}

extension WalkthroughScreen.Message {
    public var json: JSON { .object([("kind", .string(kind.rawName)), ("text", .string(text))]) }
}

extension WalkthroughScreen.Download {
    public var json: JSON {
        .object([("filename", .string(filename)), ("mediaType", .string(mediaType)), ("content", .string(content))])
    }
}

extension WalkthroughControl {
    public var json: JSON {
        var pairs: [(String, JSON)] = [
            ("kind", .string(kind.rawName)), ("label", .string(label)), ("value", .optional(value)),
            ("enabled", .bool(enabled)), ("row", .optional(row)), ("section", .optional(section)),
        ]
        if kind == .select { pairs.append(("options", .strings(options))) }
        if role != .secondary { pairs.append(("role", .string(role.rawName))) }
        return .object(pairs)
    }
}
