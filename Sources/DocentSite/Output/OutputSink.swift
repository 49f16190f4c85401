import Foundation

/// Where a build's files go. Every sink passes each path through `OutputPath(confining:)`, so nothing is written
/// outside its output whatever a page asks for. The pipeline never writes files itself: `build` writes a directory, `serve` keeps
/// the site in memory, `check` writes nothing.
public protocol OutputSink: Sendable {
    /// Writes a file at a path relative to the site's output root ("guides/sso/index.html").
    func write(_ bytes: [UInt8], to path: String) throws
    /// Writes bytes from a buffer. A requirement (not only an extension method) so that a sink that can write
    /// without first copying into an array is called even through `any OutputSink`.
    func write(_ buffer: UnsafeRawBufferPointer, to path: String) throws
    /// Writes a file made of pieces, in order (the search index of a big site is tens of megabytes of entries).
    func write(pieces: [String], to path: String) throws
    /// Copies a source file as it is.
    func copy(from source: URL, to path: String) throws
    /// True when nothing written shows until the build commits (a staging folder): the build can then write each
    /// page as soon as it is rendered and forget its HTML, instead of holding the whole site until the end.
    var isStaged: Bool { get }
    /// The identity (`SourceIdentities.outputIdentity`) of a file this build wrote, or nil.
    func identity(of path: String) -> String?
    /// Puts the previous site's file at `path` into this one, without copying its bytes, when it is still the file
    /// of that `identity` (one an earlier build wrote, unchanged since) or, its identity moved, still has the bytes
    /// of that `checksum` (`CacheFile.checksum`); the new file's identity, or nil when it could not (the caller then
    /// writes the file).
    func reusePrevious(_ path: String, identity: String, checksum: UInt64) -> String?
}

extension OutputSink {
    public var isStaged: Bool { false }
    public func identity(of path: String) -> String? { nil }
    public func reusePrevious(_ path: String, identity: String, checksum: UInt64) -> String? { nil }

    func write(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { buffer in try write(UnsafeRawBufferPointer(buffer), to: path) }
    }

    public func write(_ buffer: UnsafeRawBufferPointer, to path: String) throws {
        try write(Array(buffer), to: path)
    }

    public func write(pieces: [String], to path: String) throws {
        try write(pieces.joined(), to: path)
    }
}

/// Keeps the site in memory (for `serve` and tests).
public final class MemoryOutput: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: [UInt8]] = [:]

    public init() {}

    public func write(_ bytes: [UInt8], to path: String) throws {
        let path = try OutputPath(confining: path).path
        lock.withLock { storage[path] = bytes }
    }

    public func copy(from source: URL, to path: String) throws {
        let path = try OutputPath(confining: path).path
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
    public func write(_ buffer: UnsafeRawBufferPointer, to path: String) throws {}
    public func write(pieces: [String], to path: String) throws {}
    public func copy(from source: URL, to path: String) throws {}
}
