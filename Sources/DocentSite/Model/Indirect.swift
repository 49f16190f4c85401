/// A value kept out of line, in a box its copies share until one of them changes it (copy on write): for a large
/// field of a struct a site holds once per page, when most pages leave it at its default. The struct then carries a
/// pointer, not the value's bytes (a `PageMeta` inline made every `Page` 208 bytes larger, and every `RenderedPage`
/// with it; at 100,000 pages that is tens of megabytes).
@propertyWrapper
public struct Indirect<Value: Sendable>: @unchecked Sendable {
    private var box: IndirectBox<Value>

    public init(wrappedValue: Value) { box = IndirectBox(wrappedValue) }

    public var wrappedValue: Value {
        get { box.value }
        set {
            if isKnownUniquelyReferenced(&box) { box.value = newValue } else { box = IndirectBox(newValue) }
        }
    }
}

/// An optional value kept out of line (see `Indirect`), with no box while it is nil: for a field most pages
/// never set (a walkthrough run, a search document taken by the index).
@propertyWrapper
public struct IndirectOptional<Wrapped: Sendable>: @unchecked Sendable {
    private var box: IndirectBox<Wrapped>?

    public init(wrappedValue: Wrapped?) { box = wrappedValue.map(IndirectBox.init) }

    public var wrappedValue: Wrapped? {
        get { box?.value }
        set {
            guard let newValue else {
                box = nil
                return
            }
            if box != nil, isKnownUniquelyReferenced(&box!) {
                box!.value = newValue
            } else {
                box = IndirectBox(newValue)
            }
        }
    }
}

/// The box of `Indirect` and `IndirectOptional`: changed only through a struct that holds the one reference to it,
/// so threads that share it only read it.
private final class IndirectBox<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
