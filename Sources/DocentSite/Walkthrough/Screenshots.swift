import DocentMarkdown
import Foundation
import WalkthroughContract

/// A picture a guide shows at a walkthrough step, made from the simulation: the step's screen as a standalone
/// HTML page styled by the site's CSS, which `docent screenshots` renders in headless Chromium at a fixed size.
/// Its fingerprint (of that page and the size) is recorded when the picture is written, so `docent check` can
/// tell when the walkthrough has moved on and the picture is stale.
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
}

public enum Screenshots {
    public static let width = 1000
    public static let height = 700
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
                    shots.append(
                        Screenshot(
                            file: file, page: rendered.page.sitePath, stepID: step.id, source: source, html: html,
                            fingerprint: fingerprint(html + "\n\(width)x\(height)")))
                }
            }
        }
        return shots
    }

    static func isInsideSite(_ file: String) -> Bool {
        !file.isEmpty && !file.hasPrefix("/") && !file.split(separator: "/").contains("..")
            && LinkResolver.isLocal(file)
    }

    /// The page Chromium photographs: the screen alone, with the site's console styles.
    static func document(_ screen: WalkthroughScreen, highlight: WalkthroughAction?, css: String, title: String)
        -> String
    {
        var out = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        out += HTMLEscaping.escape(title) + "</title>\n<style>\n" + css
        out += "\nbody.docent-screenshot{margin:0;padding:16px;background:#fff}\n</style></head>\n"
        out += "<body class=\"docent-screenshot\"><div class=\"docent-walkthrough docent-walkthrough--screenshot\">"
        ScreenHTML(highlight: highlight).render(screen, into: &out)
        out += "</div></body></html>\n"
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
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
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
