import EnterpriseDomain

/// Hand-written JSON for screens, with a fixed key order.
extension Screen {
    public var json: JSON {
        .object([
            ("title", .string(title)),
            ("breadcrumbs", .strings(breadcrumbs)),
            ("banner", .optional(banner)),
            ("notes", .strings(notes)),
            ("messages", .array(messages.mapped { $0.json })),
            ("sections", .array(sections.mapped { $0.json })),
            ("tables", .array(tables.mapped { $0.json })),
            ("controls", .array(controls.mapped { $0.json })),
            ("download", download.map { $0.json } ?? .null),
        ])
    }

    public var jsonText: String { json.text }
}

extension Section {
    public var json: JSON { .object([("title", .string(title)), ("lines", .strings(lines))]) }
}

extension Table {
    public var json: JSON {
        .object([
            ("title", .string(title)), ("section", .optional(section)), ("columns", .strings(columns)),
            ("rows", .array(rows.mapped { .strings($0) })),
        ])
    }
}

extension Message {
    public var json: JSON { .object([("kind", .string(kind.rawName)), ("text", .string(text))]) }
}

extension Download {
    public var json: JSON {
        .object([("filename", .string(filename)), ("mediaType", .string(mediaType)), ("content", .string(content))])
    }
}

extension Control {
    public var json: JSON {
        var pairs: [(String, JSON)] = [
            ("kind", .string(kind.rawName)), ("label", .string(label)), ("value", .optional(value)),
            ("enabled", .bool(enabled)), ("row", .optional(row)), ("section", .optional(section)),
        ]
        if kind == .select { pairs.append(("options", .strings(options))) }
        return .object(pairs)
    }
}
