/// A small map from strings to strings, for the few keyed values the simulation keeps (environment variables,
/// form drafts). Used like a `[String: String]` (subscript, `keys`, `[:]`, `==` ignoring order), but searched
/// linearly: it holds a handful of entries, and it keeps Dictionary's hashing out of the WebAssembly build.
public struct StringMap: Equatable, Sendable, ExpressibleByDictionaryLiteral {
    var entries: [(key: String, value: String)] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        for (key, value) in elements { self[key] = value }
    }

    /// The keys, in the order they were first set.
    public var keys: [String] { entries.mapped { $0.key } }

    public var isEmpty: Bool { entries.isEmpty }

    public subscript(key: String) -> String? {
        get { entries.firstWhere { Text.equal($0.key, key) }?.value }
        set {
            let index = entries.indexWhere { Text.equal($0.key, key) }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append((key, value))
            case (nil, nil): break
            }
        }
    }

    /// The same keys with the same values, in any order.
    public static func == (lhs: StringMap, rhs: StringMap) -> Bool {
        lhs.entries.count == rhs.entries.count && !lhs.entries.containsWhere { !Text.equal(rhs[$0.key], $0.value) }
    }
}
