import DocentMarkdown
import Foundation
import WalkthroughContract

/// A picture a guide shows at a walkthrough step, made from the simulation: the step's screen as a standalone
/// HTML page styled by the site's CSS (the product's frame only: no Simulation drawer), which `docent screenshots`
/// renders in headless Chromium at the console's width, cropped to the console's box, at device scale factor 2,
/// once in the light scheme and once in the dark one (`-dark` before the extension). Its fingerprint (of that page,
/// the scheme and the size) is recorded when the picture is written, so `docent check` can tell when the
/// walkthrough has moved on and the picture is stale.
public struct Screenshot: Sendable, Equatable {
    /// The image file, relative to the site root (`assets/images/onboarding_step1.jpg`).
    public var file: String
    /// The guide that shows it, and the step.
    public var page: String
    public var stepID: String
    /// As written in the guide (`../assets/images/onboarding_step1.jpg`), to find it in the source.
    public var source: String
    public var html: String
    public var fingerprint: String
    /// The dark-scheme variant (`prefers-color-scheme: dark`) of the picture at `Screenshots.darkFile(file)`.
    public var dark = false
}

public enum Screenshots {
    /// The console's width in CSS pixels: a picture is shown at this width, its text at the console's own size.
    public static let width = 640
    /// The tallest picture, in CSS pixels (a screen longer than this is cut here).
    public static let height = 2000
    /// Device pixels per CSS pixel: sharp on high-density screens.
    public static let scale = 2
    /// Fingerprints of the pictures Docent made, by image file, at the site root (committed with the images).
    public static let manifestName = ".docent-screenshots.json"

    /// Every picture the site's walkthroughs show, in page and step order.
    public static func plan(_ pages: [RenderedPage], root: URL, config: SiteConfig) -> [Screenshot] {
        var styles: [[String]: String] = [:]
        var shots: [Screenshot] = []
        var seen: Set<String> = []
        for rendered in pages {
            guard let run = rendered.walkthrough else { continue }
            let css =
                styles[run.stylesheets]
                ?? stylesheet(root: root, config: config, simulationStylesheets: run.stylesheets)
            styles[run.stylesheets] = css
            for step in run.allSteps {
                guard let screen = step.screen else { continue }
                // Only files inside the site: an image that resolves outside it is `image.missing`, not ours.
                for (source, file) in zip(step.images, step.imageFiles)
                where isInsideSite(file) && seen.insert(file).inserted {
                    let html = document(screen, highlight: step.action, css: css, title: step.text)
                    for dark in [false, true] {
                        shots.append(
                            Screenshot(
                                file: dark ? darkFile(file) : file, page: rendered.page.sitePath, stepID: step.id,
                                source: source, html: html,
                                fingerprint: fingerprint(html + "\n\(width)@\(scale)x" + (dark ? " dark" : "")),
                                dark: dark))
                    }
                }
            }
        }
        return shots
    }

    static func isInsideSite(_ file: String) -> Bool {
        !file.isEmpty && !file.hasPrefix("/") && !file.split(separator: "/").contains("..")
            && LinkResolver.isLocal(file)
    }

    /// The dark variant's file: `assets/images/step1.jpg` → `assets/images/step1-dark.jpg`.
    public static func darkFile(_ file: String) -> String {
        guard let dot = file.lastIndex(of: "."), !file[dot...].contains("/") else { return file + "-dark" }
        return String(file[..<dot]) + "-dark" + String(file[dot...])
    }

    /// The page Chromium photographs: the screen alone (the product's frame, no Simulation drawer) with the site's
    /// console styles, the console's box filling the window. When loaded it writes the box's height in CSS pixels
    /// to `data-docent-height` on the body, which `docent screenshots` reads (`--dump-dom`) to crop the picture.
    static func document(_ screen: WalkthroughScreen, highlight: WalkthroughAction?, css: String, title: String)
        -> String
    {
        var out = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        out += HTMLEscaping.escape(title) + "</title>\n<style>\n" + css
        out += "\nbody.docent-screenshot{margin:0;padding:0;background:var(--color-surface,#fff)}"
        out += "\n.docent-walkthrough--screenshot{margin:0;padding:0;border:0;border-radius:0;background:none}"
        out += "\n.docent-walkthrough--screenshot .docent-screen{box-shadow:none}\n</style></head>\n"
        out += "<body class=\"docent-screenshot\"><div class=\"docent-walkthrough docent-walkthrough--screenshot\">"
        ScreenHTML(highlight: highlight, drawsSimulation: false).render(screen, into: &out)
        out += "</div><script>document.body.dataset.docentHeight = Math.ceil("
        out += "document.querySelector(\".docent-screen\").getBoundingClientRect().height)</script></body></html>\n"
        return out
    }

    /// The site's stylesheet and the simulation's, when the site has them.
    static func stylesheet(root: URL, config: SiteConfig, simulationStylesheets: [String]) -> String {
        let folder = config.staticFolders.first?.source ?? "assets"
        return (["css/docent.css"] + simulationStylesheets).compactMap { name in
            FileManager.default.contents(atPath: root.appendingPathComponent(folder + "/" + name).path)
                .map { String(decoding: $0, as: UTF8.self) }
        }.joined(separator: "\n")
    }

    /// FNV-1a, 64 bits, as 16 hex digits: stable across runs and machines.
    public static func fingerprint(_ text: String) -> String {
        let hash = FNV1a.hash(text.utf8)
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    // MARK: - Manifest

    public static func readManifest(root: URL) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(manifestName).path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: String]
        else { return [:] }
        return object
    }

    public static func writeManifest(_ manifest: [String: String], root: URL) throws {
        var out = "{\n"
        for (index, key) in manifest.keys.sorted().enumerated() {
            out += "  " + JSONText.quoted(key) + ": " + JSONText.quoted(manifest[key] ?? "")
            out += index == manifest.count - 1 ? "\n" : ",\n"
        }
        out += "}\n"
        try Data(out.utf8).write(to: root.appendingPathComponent(manifestName), options: .atomic)
    }
}
