import DocentMarkdown
import Foundation

/// The pictures `docent screenshots` made for a walkthrough's steps, as the page shows them: a `<picture>` whose
/// dark variant (`-dark` before the extension) is chosen with `prefers-color-scheme: dark`, the image's width and
/// height in CSS pixels (no layout shift; the files are at `Screenshots.scale` device pixels per CSS pixel), and
/// the alt text the writer gave (the step's own sentence where they gave none). A picture Docent did not make (not in
/// the manifest) is left as written.
public enum StepPictures {
    static func apply(_ html: String, run: WalkthroughRun, root: URL, image: (String) -> String) -> String {
        let manifest = Screenshots.readManifest(root: root)
        guard !manifest.isEmpty else { return html }
        var out = html
        for step in run.allSteps {
            for (source, file) in zip(step.images, step.imageFiles)
            where Screenshots.isInsideSite(file) && manifest[file] != nil {
                let src = image(source)
                guard src.utf8.allSatisfy({ HTMLEscaping.isURLSafe($0) && $0 != UInt8(ascii: "&") }),
                    let size = pixelSize(root.appendingPathComponent(file))
                else { continue }
                let opening = "<img src=\"\(src)\" alt=\""
                let closing = " loading=\"lazy\" />"
                guard let start = out.range(of: opening),
                    let end = out.range(of: closing, range: start.upperBound..<out.endIndex),
                    let altEnd = out[start.upperBound..<end.lowerBound].firstIndex(of: "\"")
                else { continue }
                // The writer's words, as the Markdown renderer escaped them; the step's sentence only where none.
                let written = out[start.upperBound..<altEnd]
                let alt =
                    written.allSatisfy { $0.isWhitespace } ? HTMLEscaping.escape(step.text) : String(written)
                var picture = "<picture class=\"docent-step-shot\">"
                if manifest[Screenshots.darkFile(file)] != nil {
                    picture +=
                        "<source srcset=\"\(Screenshots.darkFile(src))\" media=\"(prefers-color-scheme: dark)\">"
                }
                picture += "<img src=\"\(src)\" alt=\"\(alt)\""
                picture += " width=\"\(size.width / Screenshots.scale)\" height=\"\(size.height / Screenshots.scale)\""
                // Low priority: on a slow network the console's script and styles come first.
                picture += " loading=\"lazy\" decoding=\"async\" fetchpriority=\"low\" /></picture>"
                out.replaceSubrange(start.lowerBound..<end.upperBound, with: picture)
            }
        }
        return out
    }

    /// Width and height in pixels of a JPEG (its frame header) or PNG (its IHDR); nil for anything else.
    public static func pixelSize(_ url: URL) -> (width: Int, height: Int)? {
        guard let data = FileManager.default.contents(atPath: url.path), data.count > 24 else { return nil }
        let bytes = [UInt8](data)
        let u16 = { (at: Int) in Int(bytes[at]) << 8 | Int(bytes[at + 1]) }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            let u32 = { (at: Int) in u16(at) << 16 | u16(at + 2) }
            return (u32(16), u32(20))
        }
        guard bytes.starts(with: [0xFF, 0xD8]) else { return nil }
        var at = 2
        while at + 9 < bytes.count, bytes[at] == 0xFF {
            let marker = bytes[at + 1]
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                return (u16(at + 7), u16(at + 5))
            }
            at += 2 + u16(at + 2)
        }
        return nil
    }
}
