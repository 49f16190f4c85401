import Liquid

/// A page's front matter values and the page as `site.pages` shows it, held once. The list's view is the values
/// with a few keys set over them (`url`, `path`, `name`, `dir`, `title`, `description`, `collection`); a page keeps
/// that view, and of its own values only where they differ from it, so a site of 100,000 pages does not hold two
/// dictionaries per page (some 100 MB).
struct PageValues: Sendable {
    /// The keys the list's view sets, in a fixed order (bit `i` of `absent` is `keys[i]`).
    static let keys = ["title", "url", "path", "name", "dir", "description", "collection"]

    /// The page as the lists show it.
    private(set) var list: LiquidValue
    /// The list's keys the values do not have.
    private var absent: UInt8 = 0
    /// The list's keys the values have with another value, with the values' one (rare: a `title: ""`, a
    /// `description` that is not text, an `url` written in the front matter).
    private var replaced: [(key: String, value: LiquidValue)] = []

    /// `values` with `fields` (keys of `keys`) set over them; the values each replaces are remembered as they are
    /// replaced (no second look at either dictionary).
    init(values: [String: LiquidValue], setting fields: [(key: String, value: LiquidValue)]) {
        var list = values
        list.reserveCapacity(values.count + fields.count)
        for (key, value) in fields {
            let own = list.updateValue(value, forKey: key)
            guard let index = Self.keys.firstIndex(of: key) else { continue }
            if let own {
                if own != value { replaced.append((key, own)) }
            } else {
                absent |= 1 << index
            }
        }
        self.list = .object(list)
    }

    /// One front matter value, as `values[key]` gives it, without making the whole dictionary.
    func value(forKey key: String) -> LiquidValue? {
        if let index = Self.keys.firstIndex(of: key) {
            if absent & 1 << index != 0 { return nil }
            if let own = replaced.first(where: { $0.key == key }) { return own.value }
        }
        guard case .object(let fields) = list else { return nil }
        return fields[key]
    }

    /// The front matter values, with the config's defaults.
    var values: [String: LiquidValue] {
        guard case .object(var values) = list else { return [:] }
        for (index, key) in Self.keys.enumerated() where absent & 1 << index != 0 { values[key] = nil }
        for (key, value) in replaced { values[key] = value }
        return values
    }
}
