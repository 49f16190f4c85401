/// A hash that remembers the order of its keys (YAML front matter, data files): `for` walks its pairs in that
/// order and it renders in that order; everything else treats it as `.object`.
public final class LiquidOrderedObject: LiquidDrop {
    public let keys: [String]
    public let values: [String: LiquidValue]

    public init(_ pairs: [(String, LiquidValue)]) {
        var keys: [String] = []
        var values: [String: LiquidValue] = [:]
        for (key, value) in pairs {
            if values.updateValue(value, forKey: key) == nil { keys.append(key) }
        }
        self.keys = keys
        self.values = values
    }

    public func liquidValue(forKey key: String) -> LiquidValue? { values[key] }

    public var liquidArray: [LiquidValue]? { keys.map { .array([.string($0), values[$0]!]) } }

    public var liquidMaterialized: LiquidValue? { .object(values) }

    public var liquidDisplay: String? {
        if keys.isEmpty { return "{}" }
        return "{" + keys.map { "\(rubyInspectString($0))=>\(values[$0]!.inspect)" }.joined(separator: ", ") + "}"
    }

    var json: String {
        "{" + keys.map { jsonString($0) + ":" + Liquid.json(values[$0]!) }.joined(separator: ",") + "}"
    }
}
