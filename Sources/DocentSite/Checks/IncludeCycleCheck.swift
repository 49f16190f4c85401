import Liquid

/// Includes that include themselves, directly or through others (`include.cycle`), found from the parsed include
/// files alone, so the cycle is reported once at the call that closes it even when no page renders it (rendering only
/// stops at Liquid's depth limit, `liquid.include-depth`). Calls whose name is computed (`{% include {{ x }} %}`)
/// are not followed, nor are include files that do not parse (rendering reports those).
struct IncludeCycleCheck: SiteCheck {
    let id = "include"

    func run(_ context: CheckContext) -> [Diagnostic] {
        var calls: [String: [(name: String, location: SourceLocation)]] = [:]
        for include in context.templates.includes {
            calls[include.name] = include.references.map(Self.includeCalls) ?? []
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

    /// The `{% include name … %}` calls of a template with a fixed name, at their tags.
    static func includeCalls(_ references: LiquidReferences) -> [(name: String, location: SourceLocation)] {
        references.partials.compactMap { call in
            guard call.kind == .include, let name = call.name else { return nil }
            return (name, SourceLocation(call.location))
        }
    }
}
