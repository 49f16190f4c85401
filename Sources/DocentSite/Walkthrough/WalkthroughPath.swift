import Foundation
import WalkthroughContract

/// The walkthrough's documented path, precomputed by the native simulation so the page's console is usable before
/// its WebAssembly build arrives: every console state the reader reaches by following the guide (clicking the
/// highlighted control, typing the guide's value, "Do this step", "Take me there", Reset, another procedure),
/// with its screen, the walkthrough rule's answers to the questions the page's script asks there, and the actions
/// that lead on. The script answers from this table (`PathModule` in
/// DocentEnterprise/walkthrough-runtime/js/path-module.js) and hands anything it has no answer for to the wasm, after replaying the actions done so far into it.
///
/// The questions are found by following the page script's own steps (step-runner.js: pendingIndex, nextAction,
/// perform, runAction), ported here; an answer is the same Swift rule the wasm runs (`WalkthroughRule.judge`) on
/// the same console's screen, and a question the port misses only sends the reader to the wasm sooner.
///
/// JSON: `{"screens":[screen…],"nodes":[{"screen":i,"ask":[[question,answer]…],"next":[[action,node]…]}…]}`,
/// node 0 the starting state.
struct WalkthroughPath {
    private struct Node {
        var session: any SimulationSession
        var screen: WalkthroughScreen
        var screenIndex: Int
        var asked: [String: Int] = [:]
        var answers: [(JSON, JSON)] = []
        var nextKeys: [String: Int] = [:]
        var next: [(JSON, Int)] = []
        /// A child by the effect of the action that led to it (the control it addressed and the value).
        var effects: [String: Int] = [:]
    }

    /// What the page's script knows besides the console: where it is in the steps and what the reader typed.
    private struct Reader: Hashable {
        var node: Int
        var stepIndex: Int
        var inputs: [String: String]
    }

    private struct Miss: Error {}

    private var nodes: [Node] = []
    private var screens: [String] = []
    private var screenIndexes: [String: Int] = [:]
    private let procedures: [[WalkthroughStep]]

    /// At most this many console states: a guide's path is a few dozen.
    static let nodeLimit = 400
    static let readerLimit = 4000

    /// The table as JSON text for the page (`<` escaped, so it cannot close its script element), or nil when
    /// the simulation cannot start the walkthrough's state.
    static func json(_ run: WalkthroughRun, simulation: any WalkthroughSimulation) -> String? {
        guard let session = try? simulation.start(run.spec.state) else { return nil }
        var path = WalkthroughPath(procedures: run.procedures.map(\.steps))
        path.add(session)
        path.explore()
        return path.text
    }

    private init(procedures: [[WalkthroughStep]]) {
        self.procedures = procedures
    }

    // MARK: Exploring

    private mutating func add(_ session: any SimulationSession) -> Int {
        let screen = session.screen
        let text = screen.jsonText
        let index: Int
        if let known = screenIndexes[text] {
            index = known
        } else {
            index = screens.count
            screens.append(text)
            screenIndexes[text] = index
        }
        nodes.append(Node(session: session, screen: screen, screenIndex: index))
        return nodes.count - 1
    }

    /// Every state the reader reaches on the documented path, from the start of each procedure.
    private mutating func explore() {
        for procedure in procedures.indices {
            var seen: Set<Reader> = []
            var queue = [Reader(node: 0, stepIndex: 0, inputs: [:])]
            while let reader = queue.popLast() {
                guard seen.count < Self.readerLimit, !seen.contains(reader) else { continue }
                seen.insert(reader)
                cover(reader.node)
                var next: [Reader] = []
                // What the page draws: the highlighted control of the step that needs the reader.
                guard let drawn = try? render(reader, procedure) else { continue }
                // "Do this step".
                if let done = try? doStep(reader, procedure) { next.append(done) }
                // The reader clicks (types in, chooses in) a highlighted control.
                if let target = drawn.target {
                    for index in drawn.highlight {
                        guard let action = readerAction(on: nodes[reader.node].screen, control: index, target: target)
                        else { continue }
                        if let done = try? perform(reader, procedure, action) { next.append(done) }
                    }
                }
                queue += next.filter { !seen.contains($0) && nodes.count <= Self.nodeLimit }
            }
        }
    }

    /// Answers, at a node, the questions about every step of every procedure (where the reader is in the steps
    /// is the script's: it may ask about any step that follows), so a reader whose steps are counted otherwise
    /// than the port counts them still finds their answers.
    private mutating func cover(_ node: Int) {
        for steps in procedures {
            for step in steps {
                switch step.kind {
                case .action(let action):
                    _ = judge(node, .object([("targets", action.json)]))
                    for first in step.before { _ = judge(node, .object([("targets", first.json)])) }
                    _ = judge(node, .object([("alreadySet", action.json)]))
                    if case .navigate(let label) = action {
                        _ = judge(node, .object([("holds", .object([("title", .string(label))]))]))
                        _ = stays(node, action)
                    }
                    if case .fill(let label, _) = action {
                        _ = judge(
                            node, .object([("targets", .object([("fill", .string(label)), ("value", .string(""))]))]))
                    }
                case .expectation(let title, let listed):
                    _ = judge(node, expectation(title: title, listed: listed))
                case .narrative:
                    break
                }
            }
        }
    }

    // MARK: The console, recorded

    private mutating func judge(_ node: Int, _ question: JSON) -> JSON {
        let key = Self.canonical(question)
        if let known = nodes[node].asked[key] { return nodes[node].answers[known].1 }
        let answer = WalkthroughRule.judge(question, on: nodes[node].screen)
        nodes[node].asked[key] = nodes[node].answers.count
        nodes[node].answers.append((question, answer))
        return answer
    }

    /// Whether doing the action leaves the console on the same screen (the script's `alreadyThere`, which the wasm
    /// answers on a copy of the session): `{"stays": action}`.
    private mutating func stays(_ node: Int, _ action: WalkthroughAction) -> Bool {
        let question = JSON.object([("stays", action.json)])
        let key = Self.canonical(question)
        if let known = nodes[node].asked[key] { return nodes[node].answers[known].1["answer"]?.boolValue == true }
        var copy = nodes[node].session
        let screen = nodes[node].screen
        var answer = false
        if (try? copy.perform(action)) != nil {
            answer = copy.screen.title == screen.title && copy.screen.breadcrumbs == screen.breadcrumbs
        }
        nodes[node].asked[key] = nodes[node].answers.count
        nodes[node].answers.append((question, .object([("answer", .bool(answer))])))
        return answer
    }

    /// The node an action leads to; throws when the console refuses it (the page then asks the wasm, which says why).
    private mutating func act(_ node: Int, _ action: WalkthroughAction) throws(Miss) -> Int {
        let key = Self.canonical(action.json)
        if let known = nodes[node].nextKeys[key] { return known }
        // Two actions addressing the same control with the same value do the same: one node.
        let controls = judge(node, .object([("targets", action.json)]))["controls"]?.text ?? "[]"
        let effect = controls + " " + Self.canonical(Self.effectValue(action))
        let child: Int
        if let known = nodes[node].effects[effect], controls != "[]" {
            child = known
        } else {
            guard nodes.count < Self.nodeLimit else { throw Miss() }
            var session = nodes[node].session
            do { try session.perform(action) } catch { throw Miss() }
            child = add(session)
            nodes[node].effects[effect] = child
        }
        nodes[node].nextKeys[key] = child
        nodes[node].next.append((action.json, child))
        return child
    }

    private static func effectValue(_ action: WalkthroughAction) -> JSON {
        switch action {
        case .click, .navigate: .object([("verb", .string("click"))])
        case .fill(_, let value): .object([("fill", .string(value))])
        case .toggle(_, let on): .object([("toggle", on.map { .bool($0) } ?? .null)])
        case .select(_, let option): .object([("select", .string(option))])
        }
    }

    // MARK: The page script's steps (step-runner.js), ported

    private func steps(_ procedure: Int) -> [WalkthroughStep] { procedures[procedure] }

    private static func norm(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
            .lowercased()
    }

    private func input(_ reader: Reader, _ label: String?) -> String? {
        guard let label else { return nil }
        return reader.inputs[Self.norm(label)]
    }

    private func resolvedAction(_ reader: Reader, _ step: WalkthroughStep) -> WalkthroughAction? {
        guard let action = step.action else { return nil }
        if case .click(let label, let row?, let section) = action, let typed = input(reader, step.rowInput) {
            _ = row
            return .click(label: label, row: typed, section: section)
        }
        return action
    }

    private func expectation(title: String?, listed: String?) -> JSON {
        var pairs: [(String, JSON)] = []
        if let title { pairs.append(("title", .string(title))) }
        if let listed { pairs.append(("listed", .string(listed))) }
        return .object([("holds", .object(pairs))])
    }

    private mutating func onScreen(_ node: Int, _ action: WalkthroughAction) -> Bool {
        judge(node, .object([("targets", action.json)]))["answer"]?.boolValue == true
    }

    private mutating func needsNothing(_ reader: Reader, _ step: WalkthroughStep) -> Bool {
        switch step.kind {
        case .narrative: return true
        case .expectation(let title, let listed):
            let typed = input(reader, step.listedInput)
            return judge(reader.node, expectation(title: title, listed: listed == nil ? nil : (typed ?? listed)))[
                "answer"]?.boolValue == true
        case .action(let action):
            if case .navigate(let label) = action {
                if judge(reader.node, .object([("holds", .object([("title", .string(label))]))]))["answer"]?.boolValue
                    == true
                {
                    return true
                }
                if stays(reader.node, action) { return true }
            }
            return judge(reader.node, .object([("alreadySet", action.json)]))["answer"]?.boolValue == true
        }
    }

    private mutating func pendingIndex(_ reader: Reader, _ procedure: Int) -> Int {
        var index = reader.stepIndex
        let steps = steps(procedure)
        while index < steps.count, needsNothing(reader, steps[index]) { index += 1 }
        return index
    }

    private mutating func nextAction(_ reader: Reader, _ step: WalkthroughStep) -> WalkthroughAction? {
        guard let main = resolvedAction(reader, step) else { return nil }
        if onScreen(reader.node, main) { return main }
        for first in step.before where onScreen(reader.node, first) { return first }
        return main
    }

    private mutating func fieldLabel(_ node: Int, _ label: String) -> String {
        let question = JSON.object([("targets", .object([("fill", .string(label)), ("value", .string(""))]))])
        let found = judge(node, question)["controls"]?.arrayValue ?? []
        guard found.count == 1, case .int(let index) = found[0], nodes[node].screen.controls.indices.contains(index)
        else { return label }
        return nodes[node].screen.controls[index].label
    }

    /// What `render` asks: the step that needs the reader, the action it highlights and the controls it addresses.
    private mutating func render(_ reader: Reader, _ procedure: Int) throws(Miss) -> (
        target: WalkthroughAction?, highlight: [Int]
    ) {
        let steps = steps(procedure)
        let pending = pendingIndex(reader, procedure)
        guard pending < steps.count, steps[pending].action != nil,
            let target = nextAction(reader, steps[pending])
        else { return (nil, []) }
        var highlight: [Int] = []
        for value in judge(reader.node, .object([("targets", target.json)]))["controls"]?.arrayValue ?? [] {
            if case .int(let index) = value { highlight.append(index) }
        }
        return (target, highlight)
    }

    /// The script's `perform`: the reader's action judged against the current step, done, and the steps advanced.
    private mutating func perform(_ start: Reader, _ procedure: Int, _ action: WalkthroughAction) throws(Miss)
        -> Reader
    {
        var reader = start
        let steps = steps(procedure)
        reader.stepIndex = pendingIndex(reader, procedure)
        let step = reader.stepIndex < steps.count ? steps[reader.stepIndex] : nil
        var filled: String?
        if case .fill(let label, _) = action { filled = fieldLabel(reader.node, label) }
        var didStep = false
        if let step, let stepAction = resolvedAction(reader, step) {
            didStep =
                judge(reader.node, .object([("did", stepAction.json), ("action", action.json)]))["answer"]?.boolValue
                == true
        }
        let child = try act(reader.node, action)
        reader.node = child
        let succeeded = !nodes[child].screen.messages.contains { $0.kind == .error }
        if succeeded {
            if let filled, case .fill(_, let value) = action,
                !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            {
                reader.inputs[Self.norm(filled)] = value
            }
            if didStep { reader.stepIndex += 1 }
        }
        reader.stepIndex = pendingIndex(reader, procedure)
        return reader
    }

    /// "Do this step".
    private mutating func doStep(_ start: Reader, _ procedure: Int) throws(Miss) -> Reader {
        let steps = steps(procedure)
        guard start.stepIndex < steps.count else { throw Miss() }
        var reader = start
        let pending = pendingIndex(reader, procedure)
        if pending > reader.stepIndex {
            reader.stepIndex = pending
            return reader
        }
        let step = steps[reader.stepIndex]
        guard step.action != nil, let next = nextAction(reader, step), onScreen(reader.node, next),
            let main = resolvedAction(reader, step)
        else { throw Miss() }
        if !onScreen(reader.node, main) {
            for first in step.before { reader.node = try act(reader.node, first) }
        }
        return try perform(reader, procedure, main)
    }

    /// The action a reader's click on a control (or the guide's value typed in it, its option chosen) sends,
    /// built as reader-input.js builds it from the control's data attributes.
    private func readerAction(on screen: WalkthroughScreen, control index: Int, target: WalkthroughAction)
        -> WalkthroughAction?
    {
        guard screen.controls.indices.contains(index) else { return nil }
        let control = screen.controls[index]
        switch control.kind {
        case .toggle: return .toggle(label: control.label, on: !control.isOn)
        case .button, .link: return .click(label: control.label, row: control.row, section: control.section)
        case .textField:
            if case .fill(_, let value) = target { return .fill(label: control.label, value: value) }
            return nil
        case .select:
            if case .select(_, let option) = target { return .select(label: control.label, option: option) }
            return nil
        }
    }

    // MARK: Output

    /// JSON text with the keys of every object sorted (the script keys its table the same way).
    static func canonical(_ value: JSON) -> String {
        switch value {
        case .object(let pairs):
            let sorted = pairs.sorted { Array($0.0.utf16).lexicographicallyPrecedes(Array($1.0.utf16)) }
            return "{" + sorted.map { JSON.string($0.0).text + ":" + canonical($0.1) }.joined(separator: ",") + "}"
        case .array(let items): return "[" + items.map(canonical).joined(separator: ",") + "]"
        default: return value.text
        }
    }

    private var text: String {
        var out = "{\"screens\":[" + screens.joined(separator: ",") + "],\"nodes\":["
        for (index, node) in nodes.enumerated() {
            if index > 0 { out += "," }
            out += "{\"screen\":\(node.screenIndex),\"ask\":["
            out += node.answers.map { "[" + $0.0.text + "," + $0.1.text + "]" }.joined(separator: ",")
            out += "],\"next\":["
            out += node.next.map { "[" + $0.0.text + ",\($0.1)]" }.joined(separator: ",")
            out += "]}"
        }
        out += "]}"
        return out.replacingOccurrences(of: "<", with: "\\u003c")
    }
}
