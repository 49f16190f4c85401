import Liquid

/// `{% include name.html key=value %}` calls give every parameter the include needs
/// (`include.missing-parameter`). An include needs `include.x` when it prints or uses it without a fallback:
/// a parameter that is tested (`{% if include.x %}`, `unless`, `case`, `when`) or given a `| default:` is optional.
/// Both sides are read from the parsed templates: the include's variables and each call's `key=value` names.
/// Missing includes, unknown tags, missing layouts and layout cycles are reported while rendering
/// (`liquid.missing-partial`, `liquid.unknown-tag`, `layout.missing`, `layout.cycle`), and so is an include loop
/// that does not end (`liquid.include-depth`, told as its turn by `IncludeRecursion`).
struct IncludeParameterCheck: SiteCheck {
    let id = "include"

    func run(_ context: CheckContext) -> [Diagnostic] {
        let templates = context.templates
        var requiredByName: [String: [String]] = [:]
        for include in templates.includes {
            let needed = include.references.map(Self.requiredParameters) ?? []
            if !needed.isEmpty { requiredByName[include.name] = needed }
        }
        let required = requiredByName
        guard !required.isEmpty else { return [] }
        // A body that does not parse has no references, and reported why while rendering.
        var diagnostics = context.eachPage { rendered in
            rendered.bodyReferences.map { Self.check($0, required: required) } ?? []
        }
        var checked: [LiquidReferences] = templates.includes.compactMap(\.references)
        checked += templates.layouts.values.sorted { $0.sitePath < $1.sitePath }.map(\.template.references)
        for references in checked { diagnostics += Self.check(references, required: required) }
        return diagnostics
    }

    /// The `include.x` names a template needs, in order of first use.
    static func requiredParameters(_ references: LiquidReferences) -> [String] {
        var used: [String] = []
        var optional = Set<String>()
        for variable in references.variables where variable.path.count > 1 && variable.path[0] == "include" {
            let name = variable.path[1]
            if variable.inCondition || variable.hasDefault { optional.insert(name) }
            if !used.contains(name) { used.append(name) }
        }
        return used.filter { !optional.contains($0) }
    }

    /// A diagnostic at each include call that leaves out a parameter the include needs.
    static func check(_ references: LiquidReferences, required: [String: [String]]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for call in references.partials where call.kind == .include {
            guard let name = call.name, let needed = required[name] else { continue }
            for parameter in needed where !call.parameters.contains(parameter) {
                diagnostics.append(
                    .error(
                        "include.missing-parameter",
                        "include `\(name)` uses `include.\(parameter)`, but this call does not give `\(parameter)`",
                        at: SourceLocation(call.location), fixIt: "add `\(parameter)=\"…\"` to the include"))
            }
        }
        return diagnostics
    }
}
