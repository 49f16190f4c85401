import DocentSass
import Liquid

/// The config's `sass:` settings, read as jekyll-sass-converter 2 (Debian's, on sassc) reads them:
///
///     sass:
///       sass_dir: _sass           # the partials' folder (the default); never written to the output
///       style: compact            # nested, expanded, compact (sassc's default) or compressed; `:compact` too
///       load_paths: [vendor/sass] # more folders to import from, searched before sass_dir
///       sourcemap: always         # always (the default), development or never: writes `x.css.map` beside `x.css`
///
/// An unknown style is the default, as in Jekyll.
struct SassSettings: Sendable, Equatable {
    var sassFolder = "_sass"
    var style = SassStyle.compact
    var loadPaths: [String] = []
    var writesSourceMaps = true

    init(config: SiteConfig) {
        guard case .object(let settings)? = config.values["sass"] else { return }
        if case .string(let folder)? = settings["sass_dir"], !folder.isEmpty {
            sassFolder = Self.trimmed(folder)
        }
        if case .string(let name)? = settings["style"],
            let style = SassStyle(rawValue: name.hasPrefix(":") ? String(name.dropFirst()) : name)
        {
            self.style = style
        }
        switch settings["load_paths"] {
        case .string(let path)?: loadPaths = [Self.trimmed(path)]
        case .array(let paths)?:
            loadPaths = paths.compactMap { if case .string(let path) = $0 { Self.trimmed(path) } else { nil } }
        default: break
        }
        if case .string(let option)? = settings["sourcemap"], option == "never" || option == ":never" {
            writesSourceMaps = false
        }
    }

    /// The folders a stylesheet imports from, in the order they are searched (site paths, without slashes at
    /// either end): `load_paths`, then `sass_dir`.
    var importFolders: [String] {
        var folders: [String] = []
        for folder in loadPaths + [sassFolder] where !folders.contains(folder) { folders.append(folder) }
        return folders
    }

    private static func trimmed(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        while path.hasPrefix("/") { path = path.dropFirst() }
        while path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}
