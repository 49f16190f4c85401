/// What a step written for people asks for, read from its words before looking at any screen: the verb, the
/// label it names and the context around that label (`From the **Unclaimed Accounts** section, click
/// **Manage**`; `From [**Settings**](…), click **Domains** in the sidebar`; `**A** > **B**`). The simulation's
/// vocabulary supplies the words only it knows: its product names, the sections words like `sidebar` name.
struct StepReading: Sendable, Equatable {
    enum Verb: Sendable, Equatable {
        case click, select, fill, submit, navigate
        case toggle(on: Bool?)
        /// The screen must list a value (`you should see it listed`).
        case expectListed
        /// The screen must be the one named (`you will be redirected back to the organization dashboard`).
        case expectScreen
    }

    /// Nil for a purely narrative step.
    var verb: Verb?
    /// The control, value or screen the step names: a bold label, else a link's text, else the words after the
    /// verb (`Navigate to your account dashboard` → `account dashboard`).
    var target: String?
    /// True when `target` is written as a label (bold, or a link's text), not inferred from prose.
    var targetIsLabel = false
    /// Screens to go through first: `From **X**,` / `In **X**,` and every label but the last of `**A** > **B**`.
    var places: [String] = []
    /// The part of the screen the control is in: `From the **X** section`, `in the sidebar`.
    var section: String?
    /// The kind of menu the step says the control is in: `From the dropdown menu`, `the **X** submenu option`.
    var menu: MenuWord?
    /// `next to the organization you created`: the control is in a table row (not `next to **Last Active**`).
    var nextToRow = false
    /// `select the checkbox`: the control is a checkbox, not a switch.
    var checkbox = false

    enum MenuWord: Sendable, Equatable {
        /// `dropdown menu`: the menu a button opens.
        case dropdown
        /// `submenu`: a table row's menu of actions.
        case submenu
        /// `menu` alone: either.
        case menu
    }

    /// Word forms → verb. A step's first verb decides what it does.
    static let verbs: [String: Verb] = [
        "click": .click, "clicking": .click, "press": .click, "tap": .click, "open": .click,
        "select": .select, "selecting": .select, "choose": .select, "pick": .select,
        "enter": .fill, "entering": .fill, "type": .fill, "typing": .fill, "fill": .fill, "paste": .fill,
        "submit": .submit, "submitting": .submit,
        "enable": .toggle(on: true), "enabling": .toggle(on: true), "disable": .toggle(on: false),
        "disabling": .toggle(on: false), "toggle": .toggle(on: nil),
        "navigate": .navigate, "go": .navigate,
        "see": .expectListed, "listed": .expectListed, "shown": .expectListed, "displayed": .expectListed,
        "redirected": .expectScreen, "taken": .expectScreen, "returned": .expectScreen,
    ]

    init(_ step: WrittenStep, vocabulary: SimulationVocabulary = SimulationVocabulary()) {
        let text = step.text
        let skipped = ["the", "your"] + vocabulary.productNames.map { $0.lowercased() }
        let words = StepText.words(text)
        verb = Self.firstVerb(in: words)
        var labels = step.labels
        // `From the **X** section` names where the control is.
        labels.removeAll { label in
            let after = Self.textAfter(label, in: text).lowercased()
            guard after.hasPrefix(" section") else { return false }
            section = label.text
            return true
        }
        // `**A** > **B**` is a path through the console.
        if labels.count >= 2 {
            let separatedByArrows = zip(labels, labels.dropFirst()).allSatisfy { first, second in
                Self.between(first, second, in: text).trimmingSpaces == ">"
            }
            if separatedByArrows {
                places = labels.dropLast().map(\.text)
                labels = [labels[labels.count - 1]]
                if verb == nil { verb = .click }
            }
        }
        // `From **X**, click **Y**`: go to X first.
        if labels.count >= 2 {
            let last = labels[labels.count - 1]
            let from = labels.dropLast().filter {
                ["from", "in"].contains(Self.wordBefore($0, in: words, skipping: skipped))
            }
            places += from.map(\.text)
            labels = labels.filter { label in label == last || !from.contains(label) }
        }
        if let last = labels.last {
            target = last.text
            targetIsLabel = true
        }
        if section == nil,
            let named = words.lazy.compactMap({ word in
                vocabulary.sections.first { $0.key.lowercased() == word.word }?.value
            }).first
        {
            section = named
        }
        let plain = words.map(\.word)
        checkbox = plain.contains("checkbox")
        if plain.contains("dropdown") {
            menu = .dropdown
        } else if plain.contains("submenu") {
            menu = .submenu
        } else if plain.contains("menu") {
            menu = .menu
        }
        for index in words.indices.dropLast(2) where words[index].word == "next" && words[index + 1].word == "to" {
            let following = words[(index + 2)...].first { !["the", "your", "a", "an", "each"].contains($0.word) }
            if let following,
                !step.labels.contains(where: {
                    following.offset >= $0.offset && following.offset < $0.offset + $0.text.count
                })
            {
                nextToRow = true
            }
        }
        guard let verb else { return }
        switch verb {
        case .navigate where target == nil:
            if let link = step.linkTexts.first(where: { !$0.isEmpty }) {
                target = link
                targetIsLabel = true
            } else {
                target = Self.phrase(after: ["to"], in: text, words: words)
            }
        case .expectScreen:
            target = Self.phrase(after: ["to"], in: text, words: words)
            targetIsLabel = false
        default:
            break
        }
    }

    /// The first verb of the step, unless the step only describes what one could do (`you can invite members
    /// and configure … such as enabling SSO`).
    static func firstVerb(in words: [(word: String, offset: Int)]) -> Verb? {
        for (index, entry) in words.enumerated() {
            if entry.word == "can", index > 0, words[index - 1].word == "you" { return nil }
            if entry.word == "as", index > 0, words[index - 1].word == "such" { return nil }
            guard let verb = verbs[entry.word] else { continue }
            // `go` only as `go to`; `turn on/off` below.
            if entry.word == "go", index + 1 >= words.count || words[index + 1].word != "to" { continue }
            // `is shown`, `see it listed`, not `exactly as shown`.
            if ["shown", "displayed", "listed"].contains(entry.word),
                index == 0 || !["be", "is", "are", "been", "it", "them"].contains(words[index - 1].word)
            {
                continue
            }
            return verb
        }
        if let index = words.firstIndex(where: { $0.word == "turn" }), index + 1 < words.count {
            if words[index + 1].word == "on" { return .toggle(on: true) }
            if words[index + 1].word == "off" { return .toggle(on: false) }
        }
        return nil
    }

    /// The words after the first of `markers` that follows the verb, up to the end of the clause, without a
    /// leading `the`, `your`, `back`: `redirected back to the organization dashboard` → `organization dashboard`.
    static func phrase(after markers: Set<String>, in text: String, words: [(word: String, offset: Int)]) -> String? {
        guard let verbIndex = words.firstIndex(where: { verbs[$0.word] != nil }) else { return nil }
        guard let marker = words[verbIndex...].firstIndex(where: { markers.contains($0.word) }) else { return nil }
        let characters = Array(text)
        var start = marker + 1
        while start < words.count, ["the", "your", "back", "a", "an"].contains(words[start].word) { start += 1 }
        guard start < words.count else { return nil }
        var end = words[start].offset
        while end < characters.count, !".,;:!?()".contains(characters[end]) { end += 1 }
        let phrase = String(characters[words[start].offset..<end]).trimmingSpaces
        return phrase.isEmpty ? nil : phrase
    }

    private static func textAfter(_ label: WrittenStep.Label, in text: String) -> String {
        String(text.dropFirst(label.offset + label.text.count))
    }

    private static func between(_ first: WrittenStep.Label, _ second: WrittenStep.Label, in text: String) -> String {
        let start = first.offset + first.text.count
        guard second.offset >= start else { return "" }
        return String(text.dropFirst(start).prefix(second.offset - start))
    }

    /// The last word before a label, skipping `the`, `your` and the product's names.
    private static func wordBefore(
        _ label: WrittenStep.Label, in words: [(word: String, offset: Int)], skipping skipped: [String]
    ) -> String? {
        let before = words.filter { $0.offset < label.offset }.map(\.word)
        return before.reversed().first { !skipped.contains($0) }
    }
}
