import Liquid
import Yams

/// The suite's test drops (see RUNNER-NOTES.md), built on the engine's drop interface.
enum TestDrops {
    static let known: Set<String> = [
        "BooleanDrop", "NumberDrop", "StringDrop", "IntegerDrop", "ValueDrop", "MethodDrop", "IndexDrop",
        "SequenceDrop", "NilDrop", "OpaqueDrop", "ErrorDrop", "NestedDrop", "LongString", "NumberLikeThing",
        "ToSDrop", "SecurityVictimDrop", "SecurityNestedDrop", "Range", "ToLiquidHashObject", "ToLiquidNilObject",
        "ToLiquidArrayObject", "ThingWithToLiquid", "SecurityEnumerableDrop", "SettingsDrop", "TestEnumerable",
        "TestDrop", "ThingWithValue",
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
        switch name.trimmingCharacters(in: [":"]) {
        case "Range":
            let bounds = (fields[""] as? [Int]) ?? []
            return .range(bounds.first ?? 0, bounds.last ?? 0)
        // Objects whose `to_liquid` is a plain value: the template sees that value.
        case "ToLiquidHashObject":
            return .drop(LiquidOrderedObject([("name", "from_to_liquid"), ("status", "ok")]))
        case "ToLiquidNilObject": return .nil_
        case "ToLiquidArrayObject": return .array([10, 20, 30])
        case "ThingWithToLiquid": return "foobar"
        case "SecurityEnumerableDrop":
            return .drop(PropertyDrop(className: "SecurityEnumerableDrop", ["title": "my list"]))
        case "SettingsDrop":
            // Its properties are the settings it was made with.
            let settings = (fields["settings"] as? [String: Any] ?? [:]).mapValues(SpecRunner.liquidValue)
            return .drop(PropertyDrop(className: "SettingsDrop", settings))
        case "TestDrop": return .drop(PropertyDrop(className: "TestDrop", ["value": value ?? .nil_]))
        case "ThingWithValue": return .drop(PropertyDrop(className: "ThingWithValue", ["value": 3]))
        case "TestEnumerable":
            let items: [LiquidValue] = [["foo": 1, "bar": 2], ["foo": 2, "bar": 1], ["foo": 3, "bar": 3]]
            return .drop(EnumerableDrop(className: "TestEnumerable", items))
        case "NumberLikeThing":
            return .drop(ValueDrop(fields["amount"].map(SpecRunner.liquidValue) ?? .int(0)))
        case "ToSDrop":
            // Ruby's `to_s` of the suite's ToSDrop: "woot: " and its counter, one past `foo`.
            return .drop(DisplayDrop("woot: \((fields["foo"] as? Int ?? 0) + 1)"))
        case "SecurityVictimDrop":
            return .drop(PropertyDrop(className: "SecurityVictimDrop", ["name": "Widget", "price": 42]))
        case "SecurityNestedDrop":
            let child = PropertyDrop(className: "SecurityChildDrop", ["name": "nested_child"])
            let items: [LiquidValue] = ["a", "b"].map {
                .drop(PropertyDrop(className: "SecurityChildDrop", ["name": .string($0)]))
            }
            return .drop(
                PropertyDrop(className: "SecurityNestedDrop", ["child": .drop(child), "items": .array(items)]))
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

/// An object that is not a drop and renders as its Ruby `to_s`; it has no properties.
final class DisplayDrop: LiquidDrop {
    let text: String
    init(_ text: String) { self.text = text }
    func liquidValue(forKey key: String) -> LiquidValue? { nil }
    var liquidDisplay: String? { text }
}

/// A `Liquid::Drop` subclass with the given methods: only those are invokable (`class`, `send`… are nil), and it
/// renders as its class name.
final class PropertyDrop: LiquidDrop {
    let className: String
    let properties: [String: LiquidValue]
    init(className: String, _ properties: [String: LiquidValue]) {
        self.className = className
        self.properties = properties
    }
    func liquidValue(forKey key: String) -> LiquidValue? { properties[key] }
    var liquidDisplay: String? { className }
}

/// A `Liquid::Drop` that includes `Enumerable`: iterated by `for` and array filters, rendered as its class name.
final class EnumerableDrop: LiquidDrop {
    let className: String
    let items: [LiquidValue]
    init(className: String, _ items: [LiquidValue]) {
        self.className = className
        self.items = items
    }
    func liquidValue(forKey key: String) -> LiquidValue? { nil }
    var liquidArray: [LiquidValue]? { items }
    var liquidDisplay: String? { className }
}
