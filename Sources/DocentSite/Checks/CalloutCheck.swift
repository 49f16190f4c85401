import Foundation

/// kramdown callouts (`{:.warning}` on the line before or after a blockquote) whose class the site does not
/// style (`callout.unknown-class`): a typo renders as a plain quote. Known classes: the schema's `callouts:` list,
/// else every `blockquote.<class>` selector in the site's CSS (else a common set) and the README's own.
struct CalloutCheck: SiteCheck {
    let id = "callout"

    static let commonClasses = ["caution", "danger", "important", "info", "note", "success", "tip", "warning"]
    /// The callouts the README documents: accepted on every site that does not declare its own list.
    static let documentedClasses: Set<String> = ["info", "warning", "danger", "note", "decorative"]

    func run(_ context: CheckContext) -> [Diagnostic] {
        let known = Self.knownClasses(context)
        let sortedKnown = known.sorted()
        var diagnostics = context.eachPage { rendered in
            guard rendered.page.isMarkdown, rendered.page.body.containsBytes("{:") else { return [] }
            return Self.check(
                rendered.page.body, file: rendered.page.sitePath, lineOffset: rendered.page.bodyLineOffset,
                known: known, sortedKnown: sortedKnown)
        }
        let folder = context.model.config.includesFolder
        for (path, text) in IncludeFiles.read(root: context.root, folder: folder) where path.hasSuffix(".md") {
            diagnostics += Self.check(text, file: path, lineOffset: 0, known: known, sortedKnown: sortedKnown)
        }
        return diagnostics
    }

    static func knownClasses(_ context: CheckContext) -> Set<String> {
        if let callouts = context.model.config.schema?.callouts { return Set(callouts) }
        var classes = Set<String>()
        for file in context.model.staticFiles where file.relativePath.hasSuffix(".css") {
            guard
                let data = FileManager.default.contents(atPath: context.root.appendingPathComponent(file.sitePath).path)
            else { continue }
            let css = String(decoding: data, as: UTF8.self)
            var rest = Substring(css)
            while let range = rest.range(of: "blockquote.") {
                let name = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                if !name.isEmpty { classes.insert(String(name)) }
                rest = rest[range.upperBound...]
            }
        }
        return (classes.isEmpty ? Set(commonClasses) : classes).union(documentedClasses)
    }

    static func check(_ text: String, file: String, lineOffset: Int, known: Set<String>, sortedKnown: [String])
        -> [Diagnostic]
    {
        // Split as bytes: splitting a String by Character walks grapheme clusters, ten times slower.
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        var diagnostics: [Diagnostic] = []
        var fence: Substring?
        func isQuote(_ index: Int) -> Bool {
            index >= 0 && index < lines.count && lines[index].first { $0 != 0x20 } == UInt8(ascii: ">")
        }
        for (index, bytes) in lines.enumerated() {
            // Most lines start with neither a fence nor `{:`: skip them without building a string.
            guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 }),
                first == UInt8(ascii: "`") || first == UInt8(ascii: "~") || first == UInt8(ascii: "{")
            else { continue }
            let line = Substring(bytes)
            let trimmed = line.trimmedSpaces
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                continue
            }
            guard trimmed.hasPrefix("{:"), trimmed.hasSuffix("}"), isQuote(index + 1) || isQuote(index - 1) else {
                continue
            }
            for token in trimmed.dropFirst(2).dropLast().split(separator: " ") where token.hasPrefix(".") {
                for name in token.split(separator: ".") where !known.contains(String(name)) {
                    let column = PageSource.column(of: "." + name, in: line) ?? 1
                    let suggestion = Suggestions.closest(to: String(name), in: sortedKnown)
                    diagnostics.append(
                        .error(
                            "callout.unknown-class", "unknown callout class `\(name)`",
                            at: SourceLocation(file: file, line: index + 1 + lineOffset, column: column),
                            note: "known classes: \(sortedKnown.joined(separator: ", "))",
                            fixIt: suggestion.map { "use `{:.\($0)}`" }))
                }
            }
        }
        return diagnostics
    }
}
