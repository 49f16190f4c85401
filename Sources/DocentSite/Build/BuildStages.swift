import Foundation
import Liquid

/// The one pipeline's stages: configure → discover → load → model → render → check → emit. Each takes values and
/// returns values (with the diagnostics it found). `SiteBuilder` (`build`, `check`) runs them once over the whole
/// site; `IncrementalBuild` (`serve`) runs the very same functions over what an edit changed and keeps their
/// results between edits. Nothing here writes; the sink does, in `SiteBuilder`'s emit or `serve`'s store.
enum BuildStages {
    // MARK: configure

    static func configure(_ options: BuildOptions, root: URL) -> (SiteConfig, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let config = SiteConfig.load(root: root, explicitFile: options.configFile, diagnostics: &diagnostics)
        return (config, diagnostics)
    }

    // MARK: discover

    struct Discovered {
        var pages: [SourceFile] = []
        var staticFiles: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
    }

    /// The site's page and static files, sorted by site path.
    static func discover(root: URL, config: SiteConfig, outputPath: String?) -> Discovered {
        var discovery = Discovery(root: root, config: config, outputPath: outputPath)
        let files = discovery.run()
        var result = Discovered(diagnostics: discovery.diagnostics)
        for file in files {
            if file.kind == .page { result.pages.append(file) } else { result.staticFiles.append(file) }
        }
        return result
    }

    // MARK: load

    /// One page file after loading: the page (nil when its front matter is unusable) and its problems.
    struct Loaded: Sendable {
        var page: Page?
        var diagnostics: [Diagnostic]
    }

    /// Loads page files, on every core when there are several.
    static func load(_ files: [SourceFile], root: URL, config: SiteConfig) -> [Loaded] {
        let loader = PageLoader(root: root, config: config)
        let work: @Sendable (SourceFile) -> Loaded = {
            let (page, diagnostics) = loader.load($0)
            return Loaded(page: page, diagnostics: diagnostics)
        }
        return files.count > 4 ? SiteBuilder.parallelMap(files, work) : files.map(work)
    }

    /// Whether a loaded page is part of the site: published, and not a draft unless drafts are asked for.
    static func isInSite(_ page: Page?, options: BuildOptions) -> Bool {
        guard let page else { return false }
        return page.meta.published && (options.includeDrafts || !page.meta.draft)
    }

    /// Two files writing the same output path.
    static func duplicateOutputs(_ pages: [Page], staticFiles: [SourceFile]) -> [Diagnostic] {
        var owners: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for file in staticFiles { owners[file.outputPath] = file.sitePath }
        for page in pages {
            if let other = owners[page.outputPath] {
                diagnostics.append(
                    .error(
                        "output.duplicate", "\(page.sitePath) and \(other) both write \(page.outputPath)",
                        at: page.meta.permalink != nil
                            ? page.location(ofKey: "permalink") : .init(file: page.sitePath, line: 1, column: 1)))
            } else {
                owners[page.outputPath] = page.sitePath
            }
        }
        return diagnostics
    }

    // MARK: model

    /// The data folder as `site.data`, with the navigation file when there is one.
    struct SiteData {
        var value: LiquidValue = .object([:])
        var navigation: (sitePath: String, data: YAMLData)?
        var diagnostics: [Diagnostic] = []
    }

    static func loadData(root: URL, folder: String) -> SiteData {
        var values: [String: LiquidValue] = [:]
        var result = SiteData()
        let url = root.appendingPathComponent(folder)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
        for name in names {
            let ext = (name as NSString).pathExtension.lowercased()
            guard ["yml", "yaml", "json"].contains(ext) else { continue }
            let sitePath = folder + "/" + name
            guard let data = FileManager.default.contents(atPath: url.appendingPathComponent(name).path),
                let text = String(validating: data, as: UTF8.self)
            else {
                result.diagnostics.append(
                    .error(
                        "data.unreadable", "cannot read \(sitePath) as UTF-8 text",
                        at: .init(file: sitePath, line: 1, column: 1)))
                continue
            }
            switch YAMLData.parse(text) {
            case .success(let parsed):
                let key = (name as NSString).deletingPathExtension
                values[key] = parsed.value
                if key == "navigation" { result.navigation = (sitePath, parsed) }
            case .failure(let error):
                result.diagnostics.append(
                    .error(
                        "data.yaml", "invalid data file: \(error.message)",
                        at: .init(file: sitePath, line: error.line, column: error.column)))
            }
        }
        result.value = .object(values)
        return result
    }

    static func model(config: SiteConfig, pages: [Page], staticFiles: [SourceFile], data: SiteData) -> SiteModel {
        SiteModel(
            config: config, pages: pages, staticFiles: staticFiles, data: data.value,
            navigationFile: data.navigation)
    }

    /// The layouts, includes and tags, seeing the model's `site`.
    static func templates(root: URL, config: SiteConfig, model: SiteModel) -> TemplateSet {
        let site = model.site
        return TemplateSet(root: root, config: config, siteValues: { site })
    }

    // MARK: render

    /// What a rendered page reports. A walkthrough's failed steps are errors of the check stage
    /// (`WalkthroughCheck`); a pipeline that does not check shows them as warnings, so the page is still written,
    /// up to the failing step.
    static func problems(of page: RenderedPage, checking: Bool) -> [Diagnostic] {
        guard !checking, let walkthrough = page.walkthrough, !walkthrough.diagnostics.isEmpty else {
            return page.diagnostics
        }
        return page.diagnostics + SeverityPolicy.build.apply(walkthrough.diagnostics)
    }

    // MARK: check

    /// Every rule of `docent check` over the rendered site (external links aside: the command runs those).
    /// `templates` are the render's, whose parsed layouts and includes the checks read; without them the checks
    /// parse the templates again.
    static func check(model: SiteModel, pages: [RenderedPage], root: URL, templates: TemplateSet?) -> [Diagnostic] {
        SiteChecks.run(
            model: model, pages: pages, root: root,
            templates: templates ?? BuildStages.templates(root: root, config: model.config, model: model))
    }
}

extension SourceFile {
    /// Where a static file is written ("assets/site.css"); pages have `Page.outputPath`.
    var outputPath: String { String(url.dropFirst()) }

    /// A static file's URL without the baseurl ("/assets/site.css").
    var url: String { urlPrefix + relativePath }
}
