import Foundation
import Liquid

/// A page as Markdown for readers that prefer it (language models, "Copy page as Markdown"): written beside the
/// page's HTML (`index.md` beside `index.html`), its Liquid and includes resolved, its FAQs appended, and each
/// walkthrough step the simulation ran through marked as verified.
public enum MarkdownTwin {
    /// What a verified step's line ends with.
    public static let verifiedMark = " *(✓ verified against the simulation)*"

    /// The twin's output path: the page's with `.md` for `.html` (nil for a page that is not HTML).
    public static func outputPath(ofPage path: String) -> String? {
        guard path.hasSuffix(".html") else { return nil }
        return String(path.dropLast(5)) + ".md"
    }

    /// The twin of a Markdown page, from its body after Liquid (`body`) and before Markdown.
    static func text(
        page: Page, body: String, origins: LiquidOriginMap?, walkthrough: WalkthroughRun?,
        faqs: [(question: String, answer: String)]
    ) -> String {
        var out = "# \(page.title)\n\n"
        if let description = page.meta.description, !description.isEmpty { out += "> \(description)\n\n" }
        out += marked(body, page: page, origins: origins, verifiedLines: walkthrough.map(verifiedLines) ?? [])
        if !out.hasSuffix("\n") { out += "\n" }
        if !faqs.isEmpty {
            out += "\n## FAQs\n"
            for faq in faqs { out += "\n### \(faq.question)\n\n\(faq.answer.trimmingTrailingNewlines)\n" }
        }
        return out
    }

    /// The file lines of the steps the simulation ran through without a problem: every step of a procedure that
    /// completed, the steps before the first one with a problem otherwise, and the branch steps with none.
    static func verifiedLines(_ run: WalkthroughRun) -> Set<Int> {
        let problemLines = Set(run.diagnostics.compactMap { $0.location?.line })
        var lines: Set<Int> = []
        for procedure in run.procedures {
            for step in procedure.steps {
                if problemLines.contains(step.location.line) && !procedure.completed { break }
                if step.kind != .narrative { lines.insert(step.location.line) }
            }
        }
        for step in run.branchSteps where step.kind != .narrative && !problemLines.contains(step.location.line) {
            lines.insert(step.location.line)
        }
        return lines
    }

    /// The body with the verified steps' lines marked (a line of the body maps to its file line through the Liquid
    /// origins, or by the front matter's length when the body had no Liquid).
    private static func marked(_ body: String, page: Page, origins: LiquidOriginMap?, verifiedLines: Set<Int>)
        -> String
    {
        guard !verifiedLines.isEmpty else { return body }
        var marked: Set<Int> = []
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for index in lines.indices {
            let fileLine = origins?.sourceLine(forOutputLine: index + 1) ?? (index + 1 + page.bodyLineOffset)
            guard verifiedLines.contains(fileLine), marked.insert(fileLine).inserted,
                !lines[index].trimmingCharacters(in: .whitespaces).isEmpty
            else { continue }
            lines[index] += verifiedMark
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
