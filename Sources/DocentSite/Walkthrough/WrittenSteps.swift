import DocentMarkdown
import Foundation

/// A step as the guide writes it for people: one item of an ordered list under the guide's step headings.
struct WrittenStep: Sendable {
    /// A bold span of the step (`**Upgrade**`), the guide's name for a control.
    struct Label: Sendable, Equatable {
        var text: String
        /// Where the label starts in the step's plain text, in characters.
        var offset: Int
        /// Written inside a link (`[**Settings**](…)`).
        var inLink: Bool
    }

    /// The item's own text, without its nested lists.
    var text: String
    var labels: [Label]
    /// The step's first words as written in the source (plain text up to the first markup or line break), to
    /// find the step again in the user's file.
    var lead: String
    /// The texts of the links in the step.
    var linkTexts: [String]
    /// Images inside the item, or in a paragraph right after the item's list.
    var images: [String]
    var position: SourcePosition
    /// Where the item is in the document (child indexes from the top), to mark it in the HTML.
    var path: [Int]
    /// Steps nested under this one (an ordered or bulleted list inside the item), run after it.
    var substeps: [WrittenStep] = []
}

/// Alternatives the guide offers at one point (`**With a Licence Key:**` / `**Without a Licence Key:**`,
/// each followed by a nested list). The main path takes the first; every branch is also run on its own.
struct WrittenBranch: Sendable {
    var title: String
    var position: SourcePosition
    var path: [Int]
    var steps: [WrittenStep]
}

enum WrittenEntry: Sendable {
    case step(WrittenStep)
    case branches([WrittenBranch])
}

/// The steps of one ordered list, titled by the heading above it.
struct WrittenList: Sendable {
    var heading: String?
    var position: SourcePosition
    var entries: [WrittenEntry]
}

/// Reads a guide's step lists from its Markdown: every top-level ordered list.
///
/// A tab set (`{% tabs %}`) offers alternatives, as bold lead-ins do: it is one list whose only entry is a choice,
/// one branch per tab (titled by the tab) holding the steps of that tab's lists. The main path takes the first tab
/// and every other tab also runs on its own from the same point, so tab 2's list never continues tab 1's. In a
/// tab set nested inside a tab, only the inner set's first tab is read.
enum WrittenSteps {
    /// Tab sets nested deeper than this are read as plain blocks.
    static let maxTabDepth = 8

    static func lists(in document: MarkdownDocument) -> [WrittenList] {
        lists(in: document.blocks, range: document.blocks.indices, tabDepth: 0)
    }

    private static func lists(in blocks: [MarkdownBlock], range: Range<Int>, tabDepth: Int) -> [WrittenList] {
        var lists: [WrittenList] = []
        var heading: String?
        var introduction: String?
        var previousWasList = false
        let tabSets =
            tabDepth < maxTabDepth
            ? Dictionary(TabMarkup.sets(in: blocks, range: range).map { ($0.blocks.lowerBound, $0) }) { a, _ in a }
            : [:]
        var index = range.lowerBound
        while index < range.upperBound {
            let block = blocks[index]
            if let set = tabSets[index] {
                let branches = set.tabs.map { tab in
                    WrittenBranch(
                        title: tab.title, position: tab.position, path: [tab.blocks.lowerBound],
                        steps: Self.lists(in: blocks, range: tab.blocks, tabDepth: tabDepth + 1).flatMap {
                            mainPath($0.entries)
                        })
                }
                if branches.contains(where: { !$0.steps.isEmpty }) {
                    lists.append(
                        WrittenList(
                            heading: introduction ?? heading, position: set.position, entries: [.branches(branches)]))
                }
                introduction = nil
                previousWasList = false
                index = max(set.blocks.upperBound, index + 1)
                continue
            }
            defer { if case .paragraph = block.kind {} else { introduction = nil } }
            let blockIndex = index
            index += 1
            switch block.kind {
            case .heading:
                heading = block.inlines.plainText
                previousWasList = false
            case .list(ordered: true, _, _):
                var entries: [WrittenEntry] = []
                for (itemIndex, item) in block.children.enumerated() {
                    guard let entry = entry(for: item, path: [blockIndex, itemIndex]) else { continue }
                    // Alternatives next to each other are one choice.
                    if case .branches(let more) = entry, case .branches(let earlier)? = entries.last {
                        entries[entries.count - 1] = .branches(earlier + more)
                    } else {
                        entries.append(entry)
                    }
                }
                // A list is titled by the sentence that introduces it (`To turn on domain capture:`), else by
                // its heading.
                lists.append(WrittenList(heading: introduction ?? heading, position: block.start, entries: entries))
                previousWasList = true
            case .paragraph where previousWasList && isOnlyImages(block.inlines):
                // A picture right after a list shows the list's last step.
                let sources = images(in: block.inlines)
                if var list = lists.popLast() {
                    list.entries = appendingImages(sources, to: list.entries)
                    lists.append(list)
                }
            case .paragraph:
                let text = block.inlines.plainText.trimmingSpaces
                // Its last sentence: `… To view all of the unmanaged users associated with a domain:`.
                let sentence = text.components(separatedBy: ". ").last ?? text
                introduction = sentence.hasSuffix(":") ? String(sentence.dropLast()) : nil
                previousWasList = false
            default:
                previousWasList = false
            }
        }
        return lists
    }

    /// The steps a list's entries take on their main path (the first of each choice).
    private static func mainPath(_ entries: [WrittenEntry]) -> [WrittenStep] {
        entries.flatMap { entry -> [WrittenStep] in
            switch entry {
            case .step(let step): [step]
            case .branches(let branches): branches.first?.steps ?? []
            }
        }
    }

    private static func entry(for item: MarkdownBlock, path: [Int]) -> WrittenEntry? {
        guard case .item = item.kind else { return nil }
        let paragraphs = item.children.filter { if case .paragraph = $0.kind { true } else { false } }
        let nested = item.children.enumerated().filter { if case .list = $0.element.kind { true } else { false } }
        let nestedSteps = nested.flatMap { listIndex, list in
            list.children.enumerated().compactMap { itemIndex, child in
                step(for: child, path: path + [listIndex, itemIndex])
            }
        }
        if let lead = paragraphs.first, paragraphs.count == 1, !nested.isEmpty, let title = leadIn(lead.inlines) {
            return .branches([WrittenBranch(title: title, position: item.start, path: path, steps: nestedSteps)])
        }
        guard var written = step(for: item, path: path) else { return nil }
        written.substeps = nestedSteps
        return .step(written)
    }

    private static func step(for item: MarkdownBlock, path: [Int]) -> WrittenStep? {
        guard case .item = item.kind else { return nil }
        var text = ""
        var labels: [WrittenStep.Label] = []
        var links: [String] = []
        var sources: [String] = []
        for block in item.children {
            guard case .paragraph = block.kind else { continue }
            if !text.isEmpty { text += " " }
            collect(block.inlines, inLink: false, text: &text, labels: &labels, links: &links, images: &sources)
        }
        var lead = ""
        if let first = item.children.first(where: { if case .paragraph = $0.kind { true } else { false } }) {
            for inline in first.inlines {
                guard case .text(let words) = inline.kind else { break }
                lead += words
            }
        }
        lead = lead.trimmingSpaces
        if lead.count < 8, let label = labels.first {
            // Too short to find the step by (`In **Settings**, …`): its first label as written.
            lead = "**\(label.text)**"
        }
        return WrittenStep(
            text: text.trimmingSpaces, labels: labels, lead: lead, linkTexts: links, images: sources,
            position: item.start, path: path)
    }

    private static func collect(
        _ inlines: [MarkdownInline], inLink: Bool, text: inout String, labels: inout [WrittenStep.Label],
        links: inout [String], images: inout [String]
    ) {
        for inline in inlines {
            switch inline.kind {
            case .strong:
                let label = inline.children.plainText.trimmingSpaces
                if !label.isEmpty { labels.append(.init(text: label, offset: text.count, inLink: inLink)) }
                text += inline.children.plainText
            case .link:
                links.append(inline.children.plainText.trimmingSpaces)
                collect(inline.children, inLink: true, text: &text, labels: &labels, links: &links, images: &images)
            case .image(let source, _):
                images.append(source)
            case .emphasis, .strikethrough:
                collect(inline.children, inLink: inLink, text: &text, labels: &labels, links: &links, images: &images)
            default:
                text += inline.plainText
            }
        }
    }

    /// The title of a bold lead-in that is the whole paragraph (`**With a Licence Key:**`).
    private static func leadIn(_ inlines: [MarkdownInline]) -> String? {
        let meaningful = inlines.filter { inline in
            if case .text(let text) = inline.kind { return !text.trimmingSpaces.isEmpty }
            if case .softBreak = inline.kind { return false }
            return true
        }
        guard meaningful.count == 1, case .strong = meaningful[0].kind else { return nil }
        var title = meaningful[0].children.plainText.trimmingSpaces
        if title.hasSuffix(":") { title.removeLast() }
        return title.isEmpty ? nil : title
    }

    private static func isOnlyImages(_ inlines: [MarkdownInline]) -> Bool {
        var sawImage = false
        for inline in inlines {
            switch inline.kind {
            case .image: sawImage = true
            case .softBreak, .lineBreak: continue
            case .text(let text) where text.trimmingSpaces.isEmpty: continue
            default: return false
            }
        }
        return sawImage
    }

    private static func images(in inlines: [MarkdownInline]) -> [String] {
        inlines.compactMap { if case .image(let source, _) = $0.kind { source } else { nil } }
    }

    private static func appendingImages(_ sources: [String], to entries: [WrittenEntry]) -> [WrittenEntry] {
        var entries = entries
        guard let last = entries.popLast() else { return entries }
        switch last {
        case .step(var step):
            if step.substeps.isEmpty {
                step.images += sources
            } else {
                step.substeps[step.substeps.count - 1].images += sources
            }
            entries.append(.step(step))
        case .branches(var branches):
            if var branch = branches.popLast(), !branch.steps.isEmpty {
                branch.steps[branch.steps.count - 1].images += sources
                branches.append(branch)
            }
            entries.append(.branches(branches))
        }
        return entries
    }
}

extension String {
    /// Without leading and trailing whitespace.
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
