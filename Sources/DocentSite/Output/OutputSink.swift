import Foundation

/// Where a build's files go. The pipeline never writes files itself: `build` writes a directory, `serve` keeps
/// the site in memory, `check` writes nothing.
public protocol OutputSink: Sendable {
    /// Writes a file at a path relative to the site's output root ("insomnia/sso/index.html").
    func write(_ bytes: [UInt8], to path: String) throws
    /// Copies a source file as it is.
    func copy(from source: URL, to path: String) throws
}

extension OutputSink {
    func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }
}

/// Keeps the site in memory (for `serve` and tests).
public final class MemoryOutput: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: [UInt8]] = [:]

    public init() {}

    public func write(_ bytes: [UInt8], to path: String) throws {
        lock.withLock { storage[path] = bytes }
    }

    public func copy(from source: URL, to path: String) throws {
        let data = try Data(contentsOf: source)
        lock.withLock { storage[path] = [UInt8](data) }
    }

    public var files: [String: [UInt8]] { lock.withLock { storage } }

    public func text(_ path: String) -> String? {
        lock.withLock { storage[path].map { String(decoding: $0, as: UTF8.self) } }
    }
}

/// Discards everything (for `check`).
public struct NullOutput: OutputSink {
    public init() {}
    public func write(_ bytes: [UInt8], to path: String) throws {}
    public func copy(from source: URL, to path: String) throws {}
}
