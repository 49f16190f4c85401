import Foundation

/// Prints diagnostics three ways: for a terminal (with the source line and a caret), as JSON, and as GitHub
/// Actions annotations.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text, json, github
}

public struct DiagnosticFormatter: Sendable {
    public var format: DiagnosticFormat
    /// Reads a file's line for the snippet under a text diagnostic; nil when it is not available.
    public var sourceLine: @Sendable (SourceLocation) -> String?
    public var useColor: Bool

    public init(
        format: DiagnosticFormat, useColor: Bool = false,
        sourceLine: @escaping @Sendable (SourceLocation) -> String? = { _ in nil }
    ) {
        self.format = format
        self.useColor = useColor
        self.sourceLine = sourceLine
    }

    public func format(_ diagnostics: [Diagnostic]) -> String {
        switch format {
        case .text: return diagnostics.map(text).joined()
        case .github: return diagnostics.map(github).joined()
        case .json: return json(diagnostics)
        }
    }

    // MARK: - Text

    public func text(_ diagnostic: Diagnostic) -> String {
        var out = ""
        if let location = diagnostic.location { out += "\(location): " }
        let label = diagnostic.severity == .error ? "error" : "warning"
        out +=
            useColor
            ? (diagnostic.severity == .error ? "\u{1B}[1;31m\(label)\u{1B}[0m" : "\u{1B}[1;33m\(label)\u{1B}[0m")
            : label
        out += ": \(ControlCharacters.visible(diagnostic.message)) [\(diagnostic.id)]\n"
        if let location = diagnostic.location, let line = sourceLine(location) {
            let number = String(location.line)
            let gutter = String(repeating: " ", count: number.count)
            out += " \(number) | \(line)\n"
            out += " \(gutter) | \(caretPadding(line, column: location.column))^\n"
        }
        for call in diagnostic.includeChain.reversed() { out += "    included from \(call)\n" }
        if let note = diagnostic.note { out += "    note: \(ControlCharacters.visible(note))\n" }
        if let fixIt = diagnostic.fixIt { out += "    fix: \(ControlCharacters.visible(fixIt))\n" }
        return out
    }

    /// Spaces up to the column (a UTF-8 byte column), keeping tabs so the caret lines up.
    private func caretPadding(_ line: String, column: Int) -> String {
        var padding = ""
        var bytes = 1
        for character in line {
            if bytes >= column { break }
            padding += character == "\t" ? "\t" : " "
            bytes += character.utf8.count
        }
        return padding
    }

    // MARK: - GitHub Actions

    public func github(_ diagnostic: Diagnostic) -> String {
        let command = diagnostic.severity == .error ? "error" : "warning"
        var properties: [String] = []
        if let location = diagnostic.location {
            properties.append("file=\(escapeProperty(location.file))")
            properties.append("line=\(location.line)")
            properties.append("col=\(location.column)")
        }
        properties.append("title=\(escapeProperty(diagnostic.id))")
        var message = diagnostic.message
        if let note = diagnostic.note { message += "\n\(note)" }
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
    }

    private func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    // MARK: - JSON

    public func json(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { diagnostic -> [String: Any] in
            var item: [String: Any] = [
                "severity": diagnostic.severity.rawValue, "id": diagnostic.id, "message": diagnostic.message,
            ]
            if let location = diagnostic.location {
                item["file"] = location.file
                item["line"] = location.line
                item["column"] = location.column
            }
            if !diagnostic.includeChain.isEmpty { item["includedFrom"] = diagnostic.includeChain.map(\.description) }
            if let note = diagnostic.note { item["note"] = note }
            if let fixIt = diagnostic.fixIt { item["fixIt"] = fixIt }
            return item
        }
        let document: [String: Any] = [
            "diagnostics": items, "errors": diagnostics.errorCount, "warnings": diagnostics.warningCount,
        ]
        guard
            let data = try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys]),
            let text = String(data: data, encoding: .utf8)
        else { return "{}\n" }
        return text + "\n"
    }
}
