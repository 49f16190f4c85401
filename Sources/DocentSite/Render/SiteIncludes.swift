import Liquid

/// Where `{% include %}` and `{% include_relative %}` find their files, confined to their folders. Locations in
/// errors are shown relative to the site root (`templates/includes/guides/domain-capture.md`).
struct SiteIncludes: LiquidFileSystem {
    let includes: LiquidDirectoryFileSystem
    let includesFolder: String
    let siteRoot: LiquidDirectoryFileSystem
    /// The gem theme's `_includes`, behind the site's own (shown by their full path in diagnostics).
    let theme: LiquidDirectoryFileSystem?

    init(rootPath: String, includesFolder: String, theme: JekyllTheme? = nil) {
        self.includesFolder = includesFolder
        // Without Liquid's display prefix (the folder's last name): `readPartial` puts the whole folder before it.
        self.includes = LiquidDirectoryFileSystem(
            root: rootPath + "/" + includesFolder, relativeRoot: nil, displayPrefix: "")
        self.siteRoot = LiquidDirectoryFileSystem(root: rootPath)
        self.theme = theme.map {
            LiquidDirectoryFileSystem(
                root: $0.includesFolder.path, relativeRoot: nil, displayPrefix: $0.includesFolder.path + "/")
        }
    }

    func readPartial(_ name: String, kind: LiquidPartialKind) throws(LiquidError) -> LiquidSource {
        if case .includeRelative = kind {
            return try siteRoot.readPartial(name, kind: kind)
        }
        do {
            var source = try includes.readPartial(name, kind: kind)
            source.file = includesFolder + "/" + source.file
            return source
        } catch {
            if error.id == "liquid.missing-partial", let theme, let source = try? theme.readPartial(name, kind: kind) {
                return source
            }
            var error = error
            if error.id == "liquid.missing-partial" {
                error.message = "include `\(name)` not found in \(includesFolder)/"
            } else if error.id == "liquid.include-outside-root" {
                error.message = "include `\(name)` leads outside \(includesFolder)/"
            }
            throw error
        }
    }
}
