import Synchronization

/// A value computed the first time it is read (once, by whichever thread reads it first; the others wait for it), and
/// never when nothing reads it: the site's lists of pages, which a rebuild that renders one page may not need, and
/// the front matter of a page made from the build cache's record (`PageDetails`).
final class OnDemand<Value: Sendable>: Sendable {
    private let computed = Mutex<Value?>(nil)
    private let compute: @Sendable () -> Value

    init(_ compute: @escaping @Sendable () -> Value) {
        self.compute = compute
    }

    var value: Value {
        computed.withLock { found in
            if let found { return found }
            let value = compute()
            found = value
            return value
        }
    }

    var isMade: Bool { computed.withLock { $0 != nil } }
}
