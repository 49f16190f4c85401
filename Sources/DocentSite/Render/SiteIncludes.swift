import Liquid

/// Where `{% include %}` and `{% include_relative %}` find their files, confined to their folders. Locations in
/// errors are shown relative to the site root (`templates/includes/insomnia/domain-capture.md`).
struct SiteIncludes: LiquidFileSystem {
    /// nil when the includes folder was refused.
    let includes: LiquidDirectoryFileSystem?
    let includesFolder: String
    let siteRoot: LiquidDirectoryFileSystem

    /// An includes folder that resolves outside the site (a symbolic link) is reported and never read: its
    /// includes are then missing.
    init(view: SiteFileView, includesFolder: String, into diagnostics: inout [Diagnostic]) {
        self.includesFolder = includesFolder
        if case .failure(let refusal) = view.resolve(includesFolder), let diagnostic = refusal.diagnostic {
            diagnostics.append(diagnostic)
            includes = nil
        } else {
            includes = LiquidDirectoryFileSystem(root: view.root.path + "/" + includesFolder)
        }
        self.siteRoot = LiquidDirectoryFileSystem(root: view.root.path)
    }

    func readPartial(_ name: String, kind: LiquidPartialKind) throws(LiquidError) -> LiquidSource {
        if case .includeRelative = kind {
            return try siteRoot.readPartial(name, kind: kind)
        }
        do throws(LiquidError) {
            guard let includes else {
                throw LiquidError(id: "liquid.missing-partial", message: "the includes folder was refused")
            }
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
