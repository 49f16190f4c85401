import Foundation

/// "Last updated" for every file of a site, from one `git log` over the site's folder (never a process per
/// page): the time of the newest commit that touched each file. It runs while the site is read and rendered;
/// the first page that asks waits for it. Nothing when the site is not in Git, git is not installed, or the
/// config says `last_updated: false`. A file changed since its last commit shows that commit's time.
public final class GitDates: @unchecked Sendable {
    private let times: Background<[String: Int]>
    /// One formatter for every page (making one costs more than the page's lookup), used under `formatLock`.
    private let formatter = GitDates.formatter()
    private let formatLock = NSLock()

    /// Starts `git log` in the background for the site at `root`.
    init(root: URL) {
        times = Background { Self.read(root: root) }
    }

    /// The last commit time of `path` (relative to the site's folder), as `text` writes it, when it has one.
    func lastCommit(of path: String) -> String? {
        guard let time = times.value[path] else { return nil }
        return formatLock.withLock { Self.text(time, formatter: formatter) }
    }

    /// `2026-12-07 05:00:00 +0000`, as Ruby writes a time (Liquid's `date` filter reads it).
    static func text(_ time: Int, formatter: DateFormatter = formatter()) -> String {
        formatter.string(from: Date(timeIntervalSince1970: TimeInterval(time)))
    }

    private static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss Z"
        return formatter
    }

    private static func read(root: URL) -> [String: Int] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Paths relative to the site's folder, limited to it; names unquoted; one line per file.
        process.arguments = [
            "git", "-c", "core.quotePath=false", "-C", root.path, "log", "--no-renames", "--relative",
            "--name-only", "--format=%x01%ct",
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return [:] }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return [:] }
        return parse(String(decoding: data, as: UTF8.self))
    }

    /// `git log`'s output, newest commit first: each file keeps the first (newest) time it appears under.
    static func parse(_ log: String) -> [String: Int] {
        var times: [String: Int] = [:]
        var current: Int?
        for line in log.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.first == "\u{01}" {
                current = Int(line.dropFirst())
            } else if let current, times[String(line)] == nil {
                times[String(line)] = current
            }
        }
        return times
    }
}
