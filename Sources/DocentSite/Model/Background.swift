import Dispatch

/// A value computed on another thread while the caller goes on with other work; `value` waits for it (once computed,
/// it is returned at once). For serial preparation that two stages can overlap on a machine's second core.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Value?

    init(_ compute: @escaping @Sendable () -> Value) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = compute()
            self.group.leave()
        }
    }

    var value: Value {
        group.wait()
        return result!
    }
}
