import Foundation

/// `{% include name.html key=value %}` calls give every parameter the include needs
/// (`include.missing-parameter`). An include needs `include.x` when it prints or uses it without a fallback:
/// a parameter that is tested (`{% if include.x %}`, `unless`, `case`) or given a `| default:` is optional.
/// Missing includes, unknown tags, missing layouts and layout cycles are reported while rendering
/// (`liquid.missing-partial`, `liquid.unknown-tag`, `layout.missing`, `layout.cycle`); include cycles by
/// `IncludeCycleCheck`.
struct IncludeParameterCheck: SiteCheck {
    let id = "include"

    func run(_ context: CheckContext) -> [Diagnostic] {
        let config = context.model.config
        let includes = IncludeFiles.read(root: context.root, folder: config.includesFolder)
        var requiredByName: [String: [String]] = [:]
        for (path, text) in includes {
            let needed = Self.requiredParameters(text)
            if !needed.isEmpty { requiredByName[String(path.dropFirst(config.includesFolder.count + 1))] = needed }
        }
        let required = requiredByName
        guard !required.isEmpty else { return [] }
        var diagnostics = context.eachPage { rendered in
            let page = rendered.page
            guard page.body.containsBytes("include") else { return [] }
            return Self.check(page.body, file: page.sitePath, lineOffset: page.bodyLineOffset, required: required)
        }
        for (path, text) in includes + IncludeFiles.read(root: context.root, folder: config.layoutsFolder) {
            diagnostics += Self.check(text, file: path, lineOffset: 0, required: required)
        }
        return diagnostics
    }

    /// The `include.x` names a template needs, in order of first use.
    static func requiredParameters(_ text: String) -> [String] {
        var used: [String] = []
        var optional = Set<String>()
        var rest = Substring(text)
        while let range = rest.range(of: "include.") {
            defer { rest = rest[range.upperBound...] }
            let name = String(
                rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
            guard !name.isEmpty,
                range.lowerBound == rest.startIndex || !Self.isWordCharacter(rest[rest.index(before: range.lowerBound)])
            else { continue }
            // The tag around this use: from the last `{{` or `{%` before it to the next `}}` or `%}`.
            let before = text[..<range.lowerBound]
            let open = [before.range(of: "{%", options: .backwards), before.range(of: "{{", options: .backwards)]
                .compactMap { $0 }.max { $0.lowerBound < $1.lowerBound }
            let after = text[range.upperBound...]
            let close = [after.range(of: "%}"), after.range(of: "}}")].compactMap { $0 }.min {
                $0.lowerBound < $1.lowerBound
            }
            guard let open, let close else { continue }
            let tag = text[open.lowerBound..<close.upperBound]
            let words = tag.dropFirst(2).drop { $0 == "-" || $0 == " " }.prefix { $0.isLetter }
            if tag.hasPrefix("{%"), ["if", "elsif", "unless", "case", "when"].contains(String(words)) {
                optional.insert(name)
            } else if tag[range.upperBound...].contains("default") {
                optional.insert(name)
            }
            if !used.contains(name) { used.append(name) }
        }
        return used.filter { !optional.contains($0) }
    }

    static func check(_ text: String, file: String, lineOffset: Int, required: [String: [String]]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.containsBytes("include") {
            var rest = line[...]
            while let open = rest.range(of: "{%") {
                guard let close = rest[open.upperBound...].range(of: "%}") else { break }
                defer { rest = rest[close.upperBound...] }
                let words = rest[open.upperBound..<close.lowerBound].trimmingCharacters(
                    in: CharacterSet(charactersIn: "- ")
                )
                .split(separator: " ", omittingEmptySubsequences: true)
                guard words.first == "include", words.count >= 2, !words[1].contains("{") else { continue }
                let name = String(words[1])
                guard let needed = required[name] else { continue }
                let given = Self.parameterNames(words.dropFirst(2).joined(separator: " "))
                for parameter in needed where !given.contains(parameter) {
                    let column = line.utf8.distance(from: line.startIndex, to: open.lowerBound) + 1
                    diagnostics.append(
                        .error(
                            "include.missing-parameter",
                            "include `\(name)` uses `include.\(parameter)`, but this call does not give `\(parameter)`",
                            at: SourceLocation(file: file, line: lineIndex + 1 + lineOffset, column: column),
                            fixIt: "add `\(parameter)=\"…\"` to the include"))
                }
            }
        }
        return diagnostics
    }

    /// The names before each `=` of an include's arguments (`id="a b" variant = header` → id, variant).
    static func parameterNames(_ arguments: String) -> Set<String> {
        var names = Set<String>()
        var quote: Character?
        var word = ""
        var lastWord = ""
        for character in arguments {
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            if character == "\"" || character == "'" {
                quote = character
            } else if character == "=" {
                if !(word.isEmpty ? lastWord : word).isEmpty { names.insert(word.isEmpty ? lastWord : word) }
                word = ""
                lastWord = ""
            } else if isWordCharacter(character) || character == "-" {
                word.append(character)
            } else if !word.isEmpty {
                lastWord = word
                word = ""
            }
        }
        return names
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }
}
