import DocentSass
import Foundation

/// Where a stylesheet's `@import "x"` is looked for, and the only way Sass reads a file: first beside the
/// importing file, then the config's `load_paths` and `sass_dir`, then the gem theme's `_sass`. In each folder the
/// names libsass tries, in its order: `x`, `_x`, `_x.scss`, `_x.sass`, `_x.css`, `x.scss`, `x.sass`, `x.css`,
/// then `x/_index.scss`… `x/index.css`; two matches in one folder are ambiguous, as in libsass.
/// Site files are read through the site's confined view (a link out of the site, a FIFO or a path climbing above
/// the root is refused); the theme's files by absolute path, inside the theme's `_sass` folder only.
struct SassImportPath: Sendable {
    let view: SiteFileView
    /// The site folders searched after the importing file's own (site paths).
    let folders: [String]
    /// The gem theme's `_sass` folder, searched last.
    let themeFolder: String?

    init(view: SiteFileView, settings: SassSettings, theme: JekyllTheme?) {
        self.view = view
        folders = settings.importFolders
        themeFolder = theme.map { $0.folder.appendingPathComponent("_sass").standardizedFileURL.path }
    }

    /// The absolute path libsass knows a site file by ("" is the root).
    func absolutePath(ofSitePath sitePath: String) -> String {
        sitePath.isEmpty ? view.root.path : view.root.path + "/" + sitePath
    }

    /// The site path of an absolute path libsass reports, or nil for a theme file.
    func sitePath(ofAbsolutePath path: String) -> String? {
        let prefix = view.root.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }

    /// The answer to `@import "url"` written in the file at absolute path `previous`; `lookedAt` is told each site
    /// path tried (so `serve` compiles again when one of them is created or changed).
    func answer(_ url: String, from previous: String, lookedAt: (String) -> Void = { _ in }) -> SassImportAnswer {
        guard !url.hasPrefix("/"), !url.hasPrefix("file:") else {
            return .refused(.init(kind: .outside, message: "\(url) is outside the site: Sass imports only from it"))
        }
        var searched: [Location] = []
        if let sitePath = sitePath(ofAbsolutePath: previous) {
            searched.append(.site(Self.folder(of: sitePath)))
        } else if let themeFolder, previous.hasPrefix(themeFolder + "/") {
            searched.append(.theme(Self.folder(of: previous)))
        }
        searched += folders.map { .site($0) }
        if let themeFolder { searched.append(.theme(themeFolder)) }
        var climbedOut = false
        for location in searched {
            switch find(url, in: location, lookedAt: lookedAt) {
            case .none: continue
            case .outside: climbedOut = true
            case .refused(let refusal): return .refused(refusal)
            case .found(let matches):
                guard matches.count == 1 else {
                    let names = matches.map { ($0.path as NSString).lastPathComponent }.joined(separator: ", ")
                    return .refused(
                        .init(kind: .ambiguous, message: "it is not clear which file to import for \(url): \(names)"))
                }
                return .file(path: matches[0].path, text: matches[0].text)
            }
        }
        if climbedOut {
            return .refused(.init(kind: .outside, message: "\(url) is outside the site: Sass imports only from it"))
        }
        let places = folders.map { $0 + "/" } + (themeFolder == nil ? [] : ["the theme's _sass/"])
        return .refused(
            .init(
                kind: .missing,
                message:
                    "no file to import for \(url) (looked beside the importing file and in \(places.joined(separator: ", ")))"
            ))
    }

    // MARK: - Helpers

    private enum Location {
        /// A site folder ("" is the root).
        case site(String)
        /// An absolute folder inside the theme's `_sass`.
        case theme(String)
    }

    private enum Search {
        case none
        /// The URL climbs out of the site (or the theme's `_sass`) from this folder.
        case outside
        case refused(SassImportRefusal)
        case found([(path: String, text: String)])
    }

    private static let extensions = [".scss", ".sass", ".css"]

    /// The names libsass tries for `url` (relative to a folder), in its order; the index files only when none of
    /// the others is there.
    private static func names(for url: String) -> (direct: [String], index: [String]) {
        let folder = url.contains("/") ? String(url[..<url.lastIndex(of: "/")!]) + "/" : ""
        let name = (url as NSString).lastPathComponent
        let direct =
            [folder + name, folder + "_" + name] + extensions.map { folder + "_" + name + $0 }
            + extensions.map { folder + name + $0 }
        let index =
            extensions.contains { name.hasSuffix($0) }
            ? [] : extensions.map { url + "/_index" + $0 } + extensions.map { url + "/index" + $0 }
        return (direct, index)
    }

    private func find(_ url: String, in location: Location, lookedAt: (String) -> Void) -> Search {
        let (direct, index) = Self.names(for: url)
        for names in [direct, index] {
            var matches: [(path: String, text: String)] = []
            for name in names {
                switch location {
                case .site(let folder):
                    guard let sitePath = Self.normalized(folder.isEmpty ? name : folder + "/" + name) else {
                        return .outside
                    }
                    lookedAt(sitePath)
                    switch view.contents(sitePath) {
                    case .success(let data):
                        guard let text = String(validating: data, as: UTF8.self) else {
                            return .refused(.init(kind: .unreadable, message: "\(sitePath) is not UTF-8 text"))
                        }
                        matches.append((absolutePath(ofSitePath: sitePath), text))
                    case .failure(.missing): continue
                    case .failure(.outside(_, let target)):
                        return .refused(
                            .init(
                                kind: .outside, message: "\(sitePath) is a symbolic link to \(target), outside the site"
                            ))
                    case .failure(.special): continue  // a folder of that name, as libsass skips it
                    case .failure(.unreadable(_, let reason)):
                        return .refused(.init(kind: .unreadable, message: "cannot read \(sitePath): \(reason)"))
                    }
                case .theme(let folder):
                    guard let themeFolder, let path = Self.normalized(folder + "/" + name, under: themeFolder) else {
                        return .outside
                    }
                    var isFolder: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue
                    else { continue }
                    // The theme is installed software, trusted as such; still, a link in it leads nowhere else.
                    let realFolder = SiteFileView.realPath(themeFolder) ?? themeFolder
                    guard let real = SiteFileView.realPath(path), real.hasPrefix(realFolder + "/"),
                        let data = FileManager.default.contents(atPath: real),
                        let text = String(validating: data, as: UTF8.self)
                    else {
                        return .refused(.init(kind: .unreadable, message: "cannot read the theme's \(path)"))
                    }
                    matches.append((path, text))
                }
            }
            if !matches.isEmpty { return .found(matches) }
        }
        return .none
    }

    /// The folder of a path ("" for a file at the top).
    private static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }

    /// A relative site path with `.` and `..` resolved; nil when it climbs above the root.
    static func normalized(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard parts.popLast() != nil else { return nil }
                continue
            }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// An absolute path with `.` and `..` resolved; nil unless it stays under `folder`.
    private static func normalized(_ path: String, under folder: String) -> String? {
        guard let inner = normalized(String(path.dropFirst(folder.count))), path.hasPrefix(folder + "/") else {
            return nil
        }
        return folder + "/" + inner
    }
}
