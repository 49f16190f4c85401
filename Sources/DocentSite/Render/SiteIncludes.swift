import Liquid

/// Where `{% include %}` and `{% include_relative %}` find their files, confined to their folders. Locations in
/// errors are shown relative to the site root (`templates/includes/guides/domain-capture.md`).
struct SiteIncludes: LiquidFileSystem {
    let includes: LiquidDirectoryFileSystem
    let includesFolder: String
    let siteRoot: LiquidDirectoryFileSystem

    init(rootPath: String, includesFolder: String) {
        self.includesFolder = includesFolder
        self.includes = LiquidDirectoryFileSystem(root: rootPath + "/" + includesFolder)
        self.siteRoot = LiquidDirectoryFileSystem(root: rootPath)
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
