import Foundation

/// A gem-based Jekyll theme (`theme: minima`) as installed on this machine: its `_layouts`, `_includes` and
/// `assets` stand behind the site's own (a site file of the same name wins), and its `_sass` is last on the
/// stylesheets' import path, as in Jekyll. Found where RubyGems
/// installs gems: `GEM_HOME`/`GEM_PATH`, Debian's `/usr/share/rubygems-integration/all` (where
/// `jekyll-theme-minima` goes), `/var/lib/gems/*`, `/usr/lib/ruby/gems/*`, `/usr/local/lib/ruby/gems/*` and the
/// user's `~/.gem/ruby/*` and `~/.local/share/gem/ruby/*`. A theme's files are trusted as installed software:
/// they are read from outside the site, never written.
public struct JekyllTheme: Sendable {
    public let name: String
    /// The gem's folder (`…/gems/minima-2.5.1`).
    public let folder: URL

    public var layoutsFolder: URL { folder.appendingPathComponent("_layouts") }
    public var includesFolder: URL { folder.appendingPathComponent("_includes") }

    /// The installed theme of that gem name (the highest version), or nil.
    public static func locate(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> JekyllTheme?
    {
        guard !name.isEmpty, !name.contains("/"), !name.contains("..") else { return nil }
        var best: (version: [Int], folder: URL)?
        for base in gemFolders(environment) {
            let gems = base.appendingPathComponent("gems")
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: gems.path) else { continue }
            for entry in entries where entry.hasPrefix(name + "-") {
                let version = entry.dropFirst(name.count + 1).split(separator: ".").compactMap { Int($0) }
                guard !version.isEmpty else { continue }
                if best == nil || version.lexicographicallyPrecedes(best!.version) == false {
                    best = (version, gems.appendingPathComponent(entry))
                }
            }
        }
        return best.map { JekyllTheme(name: name, folder: $0.folder) }
    }

    static func gemFolders(_ environment: [String: String]) -> [URL] {
        var paths: [String] = []
        if let home = environment["GEM_HOME"] { paths.append(home) }
        if let list = environment["GEM_PATH"] { paths += list.split(separator: ":").map(String.init) }
        paths.append("/usr/share/rubygems-integration/all")
        let user = environment["HOME"] ?? NSHomeDirectory()
        for parent in [
            "/var/lib/gems", "/usr/lib/ruby/gems", "/usr/local/lib/ruby/gems", user + "/.gem/ruby",
            user + "/.local/share/gem/ruby",
        ] {
            let versions = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
            paths += versions.sorted().map { parent + "/" + $0 }
        }
        return paths.map { URL(fileURLWithPath: $0) }
    }
}
