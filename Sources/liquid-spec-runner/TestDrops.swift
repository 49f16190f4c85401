import Liquid
import Yams

/// The suite's test drops (see RUNNER-NOTES.md), built on the engine's drop interface.
enum TestDrops {
    static let known: Set<String> = [
        "BooleanDrop", "NumberDrop", "StringDrop", "IntegerDrop", "ValueDrop", "MethodDrop", "IndexDrop",
        "SequenceDrop", "NilDrop", "OpaqueDrop", "ErrorDrop", "NestedDrop", "LongString",
    ]

    /// Why a spec cannot run: the first Ruby class it instantiates that the runner does not model.
    static func missing(in node: Node) -> String? {
        var pending: [Node] = [node]
        while let next = pending.popLast() {
            switch next {
            case .scalar:
                if let text = next.string, text.hasPrefix("instantiate:") {
                    let name = String(text.dropFirst("instantiate:".count)).trimmingCharacters(in: [":"])
                    if !known.contains(name) { return "needs the Ruby test class \(name)" }
                }
            case .mapping(let mapping):
                for (key, value) in mapping { pending += [key, value] }
            case .sequence(let sequence): pending += sequence
            case .alias: break
            }
        }
        return nil
    }

    static func make(_ name: String, _ fields: [String: Any]) -> LiquidValue {
        let value = fields["value"].map(SpecRunner.liquidValue)
        switch name {
        case "BooleanDrop", "NumberDrop", "StringDrop", "IntegerDrop", "ValueDrop":
            let fallback: LiquidValue =
                name == "IntegerDrop" ? .int(0) : name == "ValueDrop" ? .object([:]) : .nil_
            return .drop(ValueDrop(value ?? fallback))
        case "MethodDrop": return .drop(MethodDrop())
        case "IndexDrop": return .drop(IndexDrop())
        case "SequenceDrop": return .drop(SequenceDrop())
        case "NilDrop": return .drop(ValueDrop(.nil_))
        case "OpaqueDrop": return .drop(OpaqueDrop())
        case "ErrorDrop": return .drop(ErrorDrop())
        case "NestedDrop":
            if case .int(let i) = value ?? .int(3) { return .drop(NestedDrop(i)) }
            return .drop(NestedDrop(3))
        case "LongString":
            return .string(String(repeating: "a", count: fields["length"] as? Int ?? 0))
        default:
            return .drop(OpaqueDrop())
        }
    }
}

final class ValueDrop: LiquidDrop {
    let value: LiquidValue
    init(_ value: LiquidValue) { self.value = value }
    func liquidValue(forKey key: String) -> LiquidValue? { nil }
    var liquidMaterialized: LiquidValue? { value }
}

final class MethodDrop: LiquidDrop {
    func liquidValue(forKey key: String) -> LiquidValue? {
        guard let underscore = key.lastIndex(of: "_"), let n = Int(key[key.index(after: underscore)...]) else {
            return nil
        }
        switch key[..<underscore] {
        case "echo": return .string(String(n))
        case "square": return .string(String(n * n))
        case "double": return .string(String(n * 2))
        default: return nil
        }
    }
}

final class IndexDrop: LiquidDrop {
    func liquidValue(forKey key: String) -> LiquidValue? {
        switch key {
        case "0": return "zero"
        case "1": return "one"
        case "2": return "two"
        default: return .string(key)
        }
    }
}

final class SequenceDrop: LiquidDrop {
    func liquidValue(forKey key: String) -> LiquidValue? { nil }
    var liquidArray: [LiquidValue]? { ["first", "second", "third"] }
}

final class OpaqueDrop: LiquidDrop {
    func liquidValue(forKey key: String) -> LiquidValue? { nil }
    var liquidDisplay: String? { "opaque" }
}

final class ErrorDrop: LiquidDrop {
    func liquidValue(forKey key: String) -> LiquidValue? { nil }
    func liquidLookup(_ key: String) throws(LiquidError) -> LiquidValue? {
        throw LiquidError(message: "ErrorDrop: cannot read '\(key)'")
    }
}

final class NestedDrop: LiquidDrop {
    let value: Int
    init(_ value: Int) { self.value = value }
    func liquidValue(forKey key: String) -> LiquidValue? {
        switch key {
        case "nested": return .drop(self)
        case "square": return .drop(NestedDrop(value * value))
        case "value": return .int(value)
        default: return nil
        }
    }
    var liquidMaterialized: LiquidValue? { .int(value) }
}
