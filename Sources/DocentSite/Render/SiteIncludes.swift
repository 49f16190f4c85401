import Liquid

/// Where `{% include %}` and `{% include_relative %}` find their files, confined to their folders. Locations in
/// errors are shown relative to the site root (`templates/includes/guides/domain-capture.md`).
struct SiteIncludes: LiquidFileSystem {
    /// nil when the includes folder was refused.
    let includes: LiquidDirectoryFileSystem?
    let includesFolder: String
    let siteRoot: LiquidDirectoryFileSystem
    /// The gem theme's `_includes`, behind the site's own (shown by their full path in diagnostics).
    let theme: LiquidDirectoryFileSystem?

    /// An includes folder that resolves outside the site (a symbolic link) is reported and never read: its
    /// includes are then missing. A gem theme's includes folder is installed software, read as it is.
    init(view: SiteFileView, includesFolder: String, theme: JekyllTheme? = nil, into diagnostics: inout [Diagnostic]) {
        self.includesFolder = includesFolder
        if case .failure(let refusal) = view.resolve(includesFolder), let diagnostic = refusal.diagnostic {
            diagnostics.append(diagnostic)
            includes = nil
        } else {
            // Without Liquid's display prefix (the folder's last name): `readPartial` puts the whole folder first.
            includes = LiquidDirectoryFileSystem(
                root: view.root.path + "/" + includesFolder, relativeRoot: nil, displayPrefix: "")
        }
        self.siteRoot = LiquidDirectoryFileSystem(root: view.root.path)
        self.theme = theme.map {
            LiquidDirectoryFileSystem(
                root: $0.includesFolder.path, relativeRoot: nil, displayPrefix: $0.includesFolder.path + "/")
        }
    }

    func readPartial(_ name: String, kind: LiquidPartialKind) throws(LiquidError) -> LiquidSource {
        if case .includeRelative = kind {
            return try siteRoot.readPartial(name, kind: kind)
        }
        // `{% include /nav.html %}` names the includes folder's `nav.html`, as Jekyll joins the two paths.
        let name = String(name.drop { $0 == "/" })
        do throws(LiquidError) {
            guard let includes else {
                throw LiquidError(id: "liquid.missing-partial", message: "the includes folder was refused")
            }
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
