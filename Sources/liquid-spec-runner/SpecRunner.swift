import Foundation
import Liquid
import Yams

struct SpecFailure {
    var name: String
    var file: String
    var complexity: Int
    var hint: String
    var template: String
    var expected: String
    var actual: String

    var report: String {
        """
        FAIL [\(complexity)] \(name) (\(file))
          template: \(template.debugDescription)
          expected: \(expected)
          actual:   \(actual.debugDescription)
        """
    }
}

struct SpecResult {
    var passed = 0
    var failures: [SpecFailure] = []
    /// Why each skipped spec was not run, with how many.
    var skipReasons: [String: Int] = [:]
    var unreadableFiles: [String] = []

    var skipped: Int { skipReasons.values.reduce(0, +) }
    var total: Int { passed + failures.count + skipped }
}

enum SpecRunner {
    /// Features whose specs observe what only Ruby has, with the reason printed when they are skipped.
    static let skippedFeatures: [String: String] = [
        "binary_data": "needs Ruby binary (non-UTF-8) strings"
    ]
    /// The instant the suite freezes time at.
    static let frozenNow = Date(timeIntervalSince1970: 1_704_067_318)

    static func run(directories: [String], nameFilter: String?) -> SpecResult {
        var result = SpecResult()
        var generator = SeededGenerator(seed: 42)
        for directory in directories {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
            var suiteDefaults: [String: Any] = [:]
            if let text = try? String(contentsOfFile: directory + "/suite.yml", encoding: .utf8),
                let root = try? SpecYAML.compose(text), let suite = SpecYAML.plain(root) as? [String: Any]
            {
                suiteDefaults = suite["defaults"] as? [String: Any] ?? [:]
            }
            for file in files where file.hasSuffix(".yml") && file != "suite.yml" {
                let root: Node?
                do {
                    root = try SpecYAML.compose(String(contentsOfFile: directory + "/" + file, encoding: .utf8))
                } catch {
                    result.unreadableFiles.append("\(directory)/\(file): \(error)")
                    continue
                }
                // A file is either `{_metadata, specs}` or a bare list of specs.
                var specNodes: [Node] = []
                var metadata: [String: Any] = [:]
                switch root {
                case .sequence(let sequence)?: specNodes = Array(sequence)
                case .mapping(let mapping)?:
                    if case .sequence(let sequence)? = mapping["specs"] { specNodes = Array(sequence) }
                    if let node = mapping["_metadata"] { metadata = SpecYAML.plain(node) as? [String: Any] ?? [:] }
                default: break
                }
                if specNodes.isEmpty {
                    result.unreadableFiles.append("\(directory)/\(file): no specs")
                    continue
                }
                for node in specNodes {
                    guard case .mapping(let fields) = node, var spec = SpecYAML.plain(node) as? [String: Any] else {
                        result.unreadableFiles.append("\(directory)/\(file): a spec that is not a mapping")
                        continue
                    }
                    spec["environment"] = fields["environment"].map(SpecYAML.environmentValue)
                    let name = spec["name"] as? String ?? "?"
                    if let nameFilter, !name.contains(nameFilter) { continue }
                    let features = (spec["features"] as? [String] ?? []) + (metadata["features"] as? [String] ?? [])
                    if let reason = features.compactMap({ skippedFeatures[$0] }).first ?? TestDrops.missing(in: node) {
                        result.skipReasons[reason, default: 0] += 1
                        continue
                    }
                    if let failure = runSpec(
                        spec, file: file, metadata: metadata, defaults: suiteDefaults, generator: &generator)
                    {
                        result.failures.append(failure)
                    } else {
                        result.passed += 1
                    }
                }
            }
        }
        result.failures.sort { ($0.complexity, $0.name) < ($1.complexity, $1.name) }
        return result
    }

    static func runSpec(
        _ spec: [String: Any], file: String, metadata: [String: Any], defaults: [String: Any],
        generator: inout SeededGenerator
    ) -> SpecFailure? {
        var template = text(spec["template"])
        var expected: String? = spec["expected"].map(text)
        if let generate = spec["generate"] as? [String: Any] {
            for (variable, rule) in generate {
                let rule = rule as? [String: Any] ?? [:]
                let low = rule["min"] as? Int ?? 1
                let high = rule["max"] as? Int ?? 100
                let value = Int.random(in: low...high, using: &generator)
                template = template.replacingOccurrences(of: "#{\(variable)}", with: String(value))
                expected = expected.map { substituteExpressions($0, variable: variable, value: value) }
            }
        }
        let renderErrors =
            spec["render_errors"] as? Bool ?? metadata["render_errors"] as? Bool ?? defaults["render_errors"] as? Bool
            ?? false
        var configuration = LiquidConfiguration()
        configuration.strictFilters = false
        configuration.renderErrorsInline = renderErrors
        configuration.errorMode = errorMode(
            spec["error_mode"] ?? metadata["error_mode"] ?? defaults["error_mode"],
            features: spec["features"] as? [String] ?? [])
        configuration.now = { SpecRunner.frozenNow }
        if let limits = spec["resource_limits"] as? [String: Any] {
            let perTemplate = limits["render_score_limit"] as? Int ?? Int.max
            let cumulative = limits["cumulative_render_score_limit"] as? Int ?? Int.max
            configuration.maxLoopIterations = min(perTemplate, cumulative)
        }
        if let files = spec["filesystem"] as? [String: Any] {
            configuration.fileSystem = SpecFileSystem(files.mapValues { text($0) })
        }
        var environment: [String: LiquidValue] = [:]
        if case .drop(let hash as RubyHash)? = spec["environment"] as? LiquidValue {
            for (key, value) in hash.pairs { if let name = key.name { environment[name] = value } }
        }
        let engine = LiquidEngine(configuration)
        let errors = spec["errors"] as? [String: Any] ?? [:]
        let complexity = spec["complexity"] as? Int ?? metadata["minimum_complexity"] as? Int ?? 1000
        var failure = SpecFailure(
            name: spec["name"] as? String ?? "?", file: file, complexity: complexity,
            hint: text(spec["hint"] ?? metadata["hint"] ?? ""), template: template, expected: "", actual: "")

        var parsed: LiquidTemplate?
        var parseError: LiquidError?
        do {
            parsed = try engine.parse(template, file: "")
        } catch {
            parseError = error
        }
        var output: String?
        var renderError: LiquidError?
        if let parsed {
            do {
                output = try engine.render(parsed, environment)
            } catch {
                renderError = error
            }
        }
        func describe() -> String {
            if let parseError { return "parse error: \(parseError.rubyStyleMessage)" }
            if let renderError { return "render error: \(renderError.rubyStyleMessage)" }
            return output ?? ""
        }
        func contains(_ haystack: String, _ needles: Any?) -> Bool {
            let list = (needles as? [Any] ?? []).map(text)
            return list.allSatisfy { haystack.lowercased().contains($0.lowercased()) }
        }
        if let needles = errors["parse_error"] {
            failure.expected = "parse error containing \(needles)"
            if let parseError, contains(parseError.rubyStyleMessage, needles) { return nil }
            failure.actual = describe()
            return failure
        }
        if let needles = errors["render_error"] {
            failure.expected = "render error containing \(needles)"
            if let renderError, contains(renderError.rubyStyleMessage, needles) { return nil }
            failure.actual = describe()
            return failure
        }
        if let needles = errors["output"] {
            failure.expected = "output containing \(needles)"
            if let output, contains(output, needles) { return nil }
            failure.actual = describe()
            return failure
        }
        if let pattern = spec["expected_pattern"] as? String {
            failure.expected = "output matching /\(pattern)/"
            if let output,
                let regex = try? NSRegularExpression(pattern: pattern.replacingOccurrences(of: "(?m)", with: "(?s)")),
                regex.firstMatch(in: output, range: NSRange(output.startIndex..., in: output)) != nil
            {
                return nil
            }
            failure.actual = describe()
            return failure
        }
        failure.expected = (expected ?? "").debugDescription
        if let output, output == (expected ?? "") { return nil }
        failure.actual = describe()
        return failure
    }

    /// A spec's `error_mode` (`lax`, `:strict`, or a list of modes the spec holds in); Ruby Liquid's default is lax.
    /// From a list, strict2 is chosen only for a spec that needs a `strict2_…` feature, otherwise the first other.
    static func errorMode(_ value: Any?, features: [String]) -> LiquidErrorMode {
        var name = value.map(text) ?? "lax"
        if let list = (value as? [Any])?.map(text).map({ $0.trimmingCharacters(in: [":"]) }) {
            let wantsStrict2 = features.contains { $0.hasPrefix("strict2") }
            name = wantsStrict2 && list.contains("strict2") ? "strict2" : list.first { $0 != "strict2" } ?? "strict2"
        }
        switch name.trimmingCharacters(in: [":"]) {
        case "strict": return .strict
        case "strict2": return .strict2
        case "warn": return .warn
        default: return .lax
        }
    }

    /// `#{n * n}` → the value, for the `generate:` specs.
    static func substituteExpressions(_ text: String, variable: String, value: Int) -> String {
        var result = text
        while let start = result.range(of: "#{"),
            let end = result.range(of: "}", range: start.upperBound..<result.endIndex)
        {
            let expression = result[start.upperBound..<end.lowerBound].replacingOccurrences(of: " ", with: "")
            var computed = value
            if expression == "\(variable)*\(variable)" { computed = value * value }
            if expression == "\(variable)*2" || expression == "2*\(variable)" { computed = value * 2 }
            result.replaceSubrange(start.lowerBound..<end.upperBound, with: String(computed))
        }
        return result
    }

    static func text(_ value: Any?) -> String {
        switch value {
        case nil: return ""
        case let s as String: return s
        case let i as Int: return String(i)
        case let d as Double: return String(d)
        case let b as Bool: return b ? "true" : "false"
        default: return "\(value!)"
        }
    }

    static func liquidValue(_ value: Any) -> LiquidValue {
        switch value {
        case let s as String:
            if s.hasPrefix("instantiate:") { return TestDrops.make(String(s.dropFirst("instantiate:".count)), [:]) }
            return .string(s)
        case let b as Bool: return .bool(b)
        case let i as Int: return .int(i)
        case let d as Double: return .double(d)
        case let date as Date:
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate]
            return .string(formatter.string(from: date))
        case let array as [Any]: return .array(array.map(liquidValue))
        case let object as [String: Any]:
            if object.count == 1, let key = object.keys.first, key.hasPrefix("instantiate:") {
                return TestDrops.make(
                    String(key.dropFirst("instantiate:".count)), object[key] as? [String: Any] ?? [:])
            }
            return .object(object.mapValues(liquidValue))
        case let object as [AnyHashable: Any]:
            var converted: [String: LiquidValue] = [:]
            for (key, v) in object { converted["\(key)"] = liquidValue(v) }
            return .object(converted)
        default:
            return .nil_
        }
    }
}

/// A small deterministic generator (SplitMix64) so `generate:` specs repeat.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
