import Foundation

/// Includes that include themselves, directly or through others (`include.cycle`), found from the include files
/// alone, so the cycle is reported once at the call that closes it even when no page renders it (rendering only
/// stops at Liquid's depth limit, `liquid.include-depth`). Calls whose name is computed (`{% include {{ x }} %}`)
/// are not followed.
struct IncludeCycleCheck: SiteCheck {
    let id = "include"

    func run(_ context: CheckContext) -> [Diagnostic] {
        let folder = context.model.config.includesFolder
        var calls: [String: [(name: String, location: SourceLocation)]] = [:]
        for (path, text) in IncludeFiles.read(root: context.root, folder: folder) {
            calls[String(path.dropFirst(folder.count + 1))] = Self.includeCalls(in: text, file: path)
        }
        var diagnostics: [Diagnostic] = []
        var reported = Set<String>()
        for start in calls.keys.sorted() {
            // Depth-first from each include, following the path; a call back into the path closes a cycle.
            var path: [String] = [start]
            var stack: [(name: String, next: Int)] = [(start, 0)]
            while var top = stack.popLast() {
                let outgoing = calls[top.name] ?? []
                guard top.next < outgoing.count else {
                    path.removeLast()
                    continue
                }
                let call = outgoing[top.next]
                top.next += 1
                stack.append(top)
                if let index = path.firstIndex(of: call.name) {
                    let cycle = Array(path[index...])
                    if reported.insert(cycle.sorted().joined(separator: "|")).inserted {
                        diagnostics.append(
                            .error(
                                "include.cycle",
                                "include `\(call.name)` includes itself: \((cycle + [call.name]).joined(separator: " → "))",
                                at: call.location, note: "rendering would stop at Liquid's include depth limit"))
                    }
                } else if calls[call.name] != nil, path.count < 64 {
                    path.append(call.name)
                    stack.append((call.name, 0))
                }
            }
        }
        return diagnostics
    }

    /// The `{% include name … %}` calls of a template with a fixed name, at their lines.
    static func includeCalls(in text: String, file: String) -> [(name: String, location: SourceLocation)] {
        var result: [(String, SourceLocation)] = []
        for (lineIndex, bytes) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = Substring(bytes)
            guard line.containsBytes("include") else { continue }
            var rest = line[...]
            while let open = rest.range(of: "{%") {
                guard let close = rest[open.upperBound...].range(of: "%}") else { break }
                defer { rest = rest[close.upperBound...] }
                let words = rest[open.upperBound..<close.lowerBound].split(separator: " ").filter { $0 != "-" }
                let first = words.first.map { $0.hasPrefix("-") ? $0.dropFirst() : $0 }
                guard first == "include", words.count >= 2, !words[1].contains("{") else { continue }
                let column = line.utf8.distance(from: line.startIndex, to: open.lowerBound) + 1
                result.append((String(words[1]), SourceLocation(file: file, line: lineIndex + 1, column: column)))
            }
        }
        return result
    }
}
