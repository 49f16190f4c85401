import DocentSite
import Foundation

/// A site written inline as text files into a fresh temporary folder: what every whole-site test builds on.
/// Test targets add what they need (a check, a server, a simulation) in extensions.
public struct TemporarySite: Sendable {
    public let root: URL

    public init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("docent-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    /// This repository's folder (for its own site and the seeds' golden files).
    public static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// A copy of this repository's own docs site (config, content, templates, assets).
    public static func repositorySite() throws -> TemporarySite {
        let site = try TemporarySite([:])
        for name in ["docent.yml", "content", "templates", "assets"] {
            try FileManager.default.copyItem(
                at: repository.appendingPathComponent(name), to: site.root.appendingPathComponent(name))
        }
        return site
    }

    public func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    public func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    public func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    public func delete(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    public func move(_ from: String, to: String) throws {
        try FileManager.default.moveItem(at: root.appendingPathComponent(from), to: root.appendingPathComponent(to))
    }

    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    public var options: BuildOptions { BuildOptions(source: root) }

    /// Builds in memory (`checks`: every rule of `docent check` too).
    public func build(drafts: Bool = false, checks: Bool = false) -> (result: BuildResult, output: MemoryOutput) {
        var options = BuildOptions(source: root, includeDrafts: drafts)
        options.runChecks = checks
        let output = MemoryOutput()
        return (SiteBuilder(options: options).build(into: output), output)
    }

    /// Every file of a clean build, in memory.
    public func cleanBuild() -> (files: [String: [UInt8]], diagnostics: [Diagnostic]) {
        let (result, output) = build()
        return (output.files, result.diagnostics)
    }
}

extension BuildResult {
    /// "file:line:col: id: message" per diagnostic, for readable expectations.
    public var messages: [String] {
        diagnostics.map { "\($0.location.map(\.description) ?? "-"): \($0.id): \($0.message)" }
    }
}
