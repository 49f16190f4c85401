import Foundation
import Liquid

/// Computes a page's dependencies after its render; safe to call from the parallel render.
struct DependencyContext: Sendable {
    let root: URL
    let config: SiteConfig
    let templates: TemplateSet
    let tagReferences: TemplateReferences
    let cache: ReferenceCache

    /// What the site's custom tags and filters refer to (a page whose Liquid may call them depends on it).
    static func tagReferences(root: URL, config: SiteConfig, templates: TemplateSet, cache: ReferenceCache)
        -> TemplateReferences
    {
        var references = TemplateReferences()
        for folder in [config.tagsFolder, config.filtersFolder] {
            let url = root.appendingPathComponent(folder)
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []) {
                references.formUnion(cache.references(of: folder + "/" + name, in: templates))
            }
        }
        references.readingCollections(config.collections.keys)
        return references
    }

    func dependencies(of page: Page, rendered: RenderedPage) -> PageDependencies {
        var dependency = PageDependencies()
        var references = TemplateReferences(bodyOf: rendered)
        for faq in page.meta.faqs {
            references.formUnion(TemplateReferences(liquid: faq.answer, file: page.sitePath, engine: templates.engine))
            if faq.answer.contains(".md") || faq.answer.contains(".markdown") { dependency.anyLink = true }
        }
        dependency.usesLiquid =
            rendered.bodyHadLiquid || page.meta.faqs.contains { PageRenderer.containsLiquid($0.answer) }
        if dependency.usesLiquid { references.formUnion(tagReferences) }
        for name in references.relativeIncludes {
            if let path = Self.resolve(name, from: page.sitePath) { dependency.relativeFiles.insert(path) }
        }
        dependency.relativeFiles.formUnion(rendered.stylesheetInputs)
        dependency.relativeFiles.formUnion(rendered.inlinedFiles)
        // Which layout an unnamed one is may change when a layout is created: each candidate is a dependency.
        if page.meta.layout == nil && page.isMarkdown { dependency.layouts.formUnion(["home", "page", "default"]) }
        if let name = page.meta.layout ?? templates.implicitLayout(for: page, config: config), !name.isEmpty {
            let (chain, missing) = templates.chain(startingAt: name)
            dependency.layouts.insert(name)
            for layout in chain {
                dependency.layouts.insert(layout.name)
                if let parent = layout.parent { dependency.layouts.insert(parent) }
                let layoutReferences = cache.references(of: layout.sitePath, in: templates)
                references.formUnion(layoutReferences)
                for relative in layoutReferences.relativeIncludes {
                    if let path = Self.resolve(relative, from: layout.sitePath) {
                        dependency.relativeFiles.insert(path)
                    }
                }
            }
            if let missing { dependency.layouts.insert(missing) }
        }
        // Includes, transitively.
        var queue = Array(references.includes)
        var seen = Set(queue)
        while let name = queue.popLast() {
            let included = cache.references(of: config.includesFolder + "/" + name, in: templates)
            references.formUnion(included)
            for next in included.includes where seen.insert(next).inserted { queue.append(next) }
        }
        // Which keys of `site` are lists of pages the config tells.
        references.readingCollections(config.collections.keys)
        dependency.references = references
        // Pages whose title or existence the page shows.
        for url in page.meta.breadcrumbs {
            dependency.pageURLs.formUnion(PageDependencies.urlForms(url, baseURL: config.baseURL))
        }
        if let url = page.categoryPageURL {
            dependency.pageURLs.formUnion(PageDependencies.urlForms(url, baseURL: config.baseURL))
        }
        for link in page.meta.relatedResources {
            dependency.pageURLs.formUnion(PageDependencies.urlForms(link.url, baseURL: config.baseURL))
        }
        for link in rendered.outline.links {
            let (path, _) = LinkResolver.splitSuffix(link.destination)
            guard path.hasSuffix(".md") || path.hasSuffix(".markdown"), LinkResolver.isLocal(link.destination),
                let target = LinkResolver.resolve(path, from: page.contentPath)
            else { continue }
            dependency.linkedContentPaths.insert(target)
        }
        return dependency
    }

    /// `name` relative to the folder of `sitePath`, normalized; nil when it climbs out of the site.
    static func resolve(_ name: String, from sitePath: String) -> String? {
        var parts = sitePath.split(separator: "/").dropLast().map(String.init)
        for part in name.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}

/// What each layout, include or tag file refers to, read from its parsed template once per file version.
final class ReferenceCache: @unchecked Sendable {
    private let lock = NSLock()
    private var references: [String: TemplateReferences] = [:]

    func references(of sitePath: String, in templates: TemplateSet) -> TemplateReferences {
        if let cached = lock.withLock({ references[sitePath] }) { return cached }
        let found = templates.references(ofFile: sitePath)
        lock.withLock { references[sitePath] = found }
        return found
    }

    func remove(_ sitePath: String) {
        lock.withLock { _ = references.removeValue(forKey: sitePath) }
    }

    func remove(prefix: String) {
        lock.withLock { references = references.filter { $0.key != prefix && !$0.key.hasPrefix(prefix + "/") } }
    }

    func removeAll() {
        lock.withLock { references = [:] }
    }
}
