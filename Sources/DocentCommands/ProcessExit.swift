import Foundation

/// What a command built (every page, its values and outline) is left for the process's exit to return to the
/// system at once, instead of being freed object by object when the command returns: at 10,000 pages that freeing
/// was 5% of a build's time, spent after its work was done. Only the `docent` executable turns this on, since it
/// exits right after the command; a process that runs commands in-process (the tests) frees as usual.
public enum ProcessExit {
    /// Set by the executable before it runs a command.
    nonisolated(unsafe) public static var leavesMemoryToTheSystem = false

    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    /// Holds `value` until the process exits, when the executable has asked for it.
    static func keep(_ value: Any) {
        guard leavesMemoryToTheSystem else { return }
        lock.withLock { kept.append(value) }
    }
}
