import Foundation

/// A one-line progress bar on standard error, shown only on a terminal and only for long builds.
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var shown = false
    private let start = Date()

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(stage: String, done: Int, total: Int) {
        guard enabled, total >= 500, Date().timeIntervalSince(start) > 0.3 else { return }
        lock.withLock {
            let width = 30
            let filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(Data("\r\(stage) \(bar) \(done)/\(total)".utf8))
            shown = true
        }
    }

    func finish() {
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        }
    }
}
