/// The collection algorithms the simulation uses, as `@inline(never)` methods.
///
/// The standard library's `first(where:)`, `filter`, `map`, `removeAll(where:)`… are inlined into every caller,
/// closure included: in the WebAssembly build (scripts/wasm/build.sh) each use costs hundreds of bytes. These
/// compile to one copy per element type, shared by every call, and behave exactly like their namesakes.
extension Array {
    /// `first(where:)`.
    @inline(never)
    public func firstWhere(_ predicate: (Element) -> Bool) -> Element? {
        for element in self where predicate(element) { return element }
        return nil
    }

    /// `firstIndex(where:)`.
    @inline(never)
    public func indexWhere(_ predicate: (Element) -> Bool) -> Int? {
        for index in indices where predicate(self[index]) { return index }
        return nil
    }

    /// `contains(where:)`.
    @inline(never)
    public func containsWhere(_ predicate: (Element) -> Bool) -> Bool {
        for element in self where predicate(element) { return true }
        return false
    }

    /// `filter(_:)`.
    @inline(never)
    public func filtered(_ isIncluded: (Element) -> Bool) -> [Element] {
        var result: [Element] = []
        for element in self where isIncluded(element) { result.append(element) }
        return result
    }

    /// `map(_:)`, writing each result straight into place (smaller than growing the array with `append`).
    @inline(never)
    public func mapped<T>(_ transform: (Element) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            for index in indices { (buffer.baseAddress! + index).initialize(to: transform(self[index])) }
            initializedCount = count
        }
    }

    /// `compactMap(_:)`.
    @inline(never)
    public func compactMapped<T>(_ transform: (Element) -> T?) -> [T] {
        var result: [T] = []
        for element in self {
            if let value = transform(element) { result.append(value) }
        }
        return result
    }

    /// `removeAll(where:)`, keeping the order of the rest.
    @inline(never)
    public mutating func removeWhere(_ shouldBeRemoved: (Element) -> Bool) {
        self = filtered { !shouldBeRemoved($0) }
    }
}
