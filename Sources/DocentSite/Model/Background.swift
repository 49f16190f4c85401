import Dispatch

/// A value computed on another thread while the caller goes on with other work; `value` waits for it (once computed,
/// it is returned at once): the build cache's records read while discovery walks the folders, the output folder
/// looked at while the build begins, `git log` run while the site is read (`GitDates`).
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
