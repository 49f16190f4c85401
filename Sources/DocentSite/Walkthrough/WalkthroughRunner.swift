import DocentMarkdown
import Foundation
import WalkthroughContract

/// Runs a guide's steps, as written for people, against the simulation: each step's words become an action
/// on the current screen or a check of it. A label the screen does not have, a refused action or an unmet
/// expectation is reported at the step's line and stops that procedure.
struct WalkthroughRunner {
    let simulation: any WalkthroughSimulation
    let spec: WalkthroughSpec
    let page: Page
    var source: PageSource
    /// The site's includes folder, to place steps that come from an include.
    let includesFolder: String
    /// The includes the page body names (from its parsed Liquid), where a step the body does not contain is sought.
    let bodyIncludes: [String]

    private var diagnostics: [Diagnostic] = []
    private var nextID = 1
    /// The line of the last step found in the source.
    private var searchFrom = 0
    /// The include whose steps are being run, and the line of the last one.
    private var includeCursor: (path: String, lines: [Substring], line: Int)?

    init(
        simulation: any WalkthroughSimulation, spec: WalkthroughSpec, page: Page, source: PageSource,
        includesFolder: String, bodyIncludes: [String]
    ) {
        self.simulation = simulation
        self.spec = spec
        self.page = page
        self.source = source
        self.includesFolder = includesFolder
        self.bodyIncludes = bodyIncludes
    }

    /// What the runner knows while it goes: the session and the values typed so far (latest last).
    private struct Progress {
        var session: any SimulationSession
        var filled: [(label: String, value: String)] = []
        var failed = false
    }

    mutating func run(_ lists: [WrittenList]) -> WalkthroughRun {
        var run = WalkthroughRun(
            spec: spec, wasmPath: simulation.wasmPath, stylesheets: simulation.stylesheets, procedures: [],
            branchSteps: [], diagnostics: [])
        let tasks: [(String, [WrittenEntry])] =
            spec.restartEachList
            ? lists.map { ($0.heading ?? page.title, $0.entries) }
            : (lists.isEmpty ? [] : [(page.title, lists.flatMap(\.entries))])
        for (title, entries) in tasks {
            guard let session = start() else { break }
            var progress = Progress(session: session)
            var steps: [WalkthroughStep] = []
            for entry in entries where !progress.failed {
                switch entry {
                case .step(let written):
                    steps += perform(written, &progress, branch: nil)
                case .branches(let branches):
                    let before = progress
                    for (index, branch) in branches.enumerated() {
                        if index == 0 {
                            for written in branch.steps where !progress.failed {
                                steps += perform(written, &progress, branch: nil)
                            }
                        } else {
                            var alternative = before
                            for written in branch.steps where !alternative.failed {
                                run.branchSteps += perform(written, &alternative, branch: branch.title)
                            }
                        }
                    }
                }
            }
            run.procedures.append(WalkthroughProcedure(title: title, steps: steps, completed: !progress.failed))
        }
        run.diagnostics = diagnostics
        return run
    }

    private mutating func start() -> (any SimulationSession)? {
        do {
            return try simulation.start(spec.state)
        } catch {
            let states = simulation.startingStates
            diagnostics.append(
                .error(
                    "walkthrough.unknown-state", "the simulation has no starting state `\(spec.state)`",
                    at: page.location(ofKey: "walkthrough"), note: "starting states: \(states.joined(separator: ", "))",
                    fixIt: Suggestions.closest(to: spec.state, in: states).map { "use `walkthrough: \($0)`" }))
            return nil
        }
    }

    /// Runs one written step and its substeps.
    private mutating func perform(_ written: WrittenStep, _ progress: inout Progress, branch: String?)
        -> [WalkthroughStep]
    {
        var results = [step(written, &progress, branch: branch)]
        for substep in written.substeps where !progress.failed {
            results += perform(substep, &progress, branch: branch)
        }
        return results
    }

    private mutating func step(_ written: WrittenStep, _ progress: inout Progress, branch: String?) -> WalkthroughStep {
        let reading = StepReading(written, vocabulary: simulation.vocabulary)
        var result = WalkthroughStep(
            id: "wt-\(nextID)", text: written.text, kind: .narrative, location: location(of: written, needle: nil),
            screen: screen(progress), images: written.images, branch: branch, path: written.path)
        nextID += 1
        result.startScreen = result.screen?.title
        guard let verb = reading.verb else {
            result.note = "narrative: no action or check in its words"
            return result
        }
        for place in reading.places {
            guard attempt(.navigate(label: place), written, &progress, needle: place) else { return result }
            result.before.append(.navigate(label: place))
        }
        result.screen = screen(progress)
        guard let current = result.screen else { return result }
        switch verb {
        case .click, .select, .submit:
            guard let action = clickAction(reading, verb: verb, written, on: current, &result, progress) else {
                return fail(result, &progress)
            }
            result.kind = .action(action)
            if !placementHolds(reading, action, written, on: current) { return fail(result, &progress) }
            _ = attempt(action, written, &progress, needle: reading.target)
        case .fill:
            guard let action = fillAction(reading, written, on: current) else { return fail(result, &progress) }
            result.kind = .action(action)
            if attempt(action, written, &progress, needle: reading.target) {
                progress.filled.append((action.label, spec.input(for: action.label) ?? ""))
                result.screen = screen(progress)
            }
        case .toggle(let on):
            let toggles = current.controls(.toggle)
            guard let label = reading.target ?? (toggles.count == 1 ? toggles[0].label : nil) else {
                unresolved(written, "names no toggle and the screen \"\(current.title)\" has \(toggles.count)", current)
                return fail(result, &progress)
            }
            let action = WalkthroughAction.toggle(label: label, on: on)
            result.kind = .action(action)
            _ = attempt(action, written, &progress, needle: reading.target)
        case .navigate:
            guard let target = reading.target else {
                result.note = "narrative: names no place to go"
                return result
            }
            let action = WalkthroughAction.navigate(label: target)
            if reading.targetIsLabel {
                result.kind = .action(action)
                _ = attempt(action, written, &progress, needle: target)
            } else {
                var trial = progress.session
                if (try? trial.perform(action)) != nil {
                    progress.session = trial
                    result.kind = .action(action)
                } else {
                    result.note = "narrative: \"\(target)\" is not a place the console knows"
                }
            }
        case .expectScreen:
            guard let target = reading.target else {
                result.note = "narrative: names no screen"
                return result
            }
            result.kind = .expectation(screen: current.title, listed: nil)
            let wanted = StepText.normalized(target)
            let title = StepText.normalized(current.title)
            if !(title == wanted || title.hasSuffix(wanted) || wanted.hasSuffix(title)) {
                diagnostics.append(
                    .error(
                        "walkthrough.expectation",
                        "the step expects the screen \"\(target)\", but the simulation shows \"\(current.title)\"",
                        at: location(of: written, needle: nil), note: trail(current)))
                progress.failed = true
            }
        case .expectListed:
            let typed = progress.filled.last
            guard let value = reading.target ?? typed?.value, !value.isEmpty else {
                result.note = "narrative: nothing to look for"
                return result
            }
            result.kind = .expectation(screen: nil, listed: value)
            if reading.target == nil { result.listedInput = typed?.label }
            if !WalkthroughRule.lists(value, current) {
                diagnostics.append(
                    .error(
                        "walkthrough.expectation",
                        "the step expects \"\(value)\" to be listed on \"\(current.title)\", and it is not",
                        at: location(of: written, needle: reading.target), note: trail(current)))
                progress.failed = true
            }
        }
        return result
    }

    // MARK: - Resolving a step to an action

    private mutating func clickAction(
        _ reading: StepReading, verb: StepReading.Verb, _ written: WrittenStep, on screen: WalkthroughScreen,
        _ result: inout WalkthroughStep, _ progress: Progress
    ) -> WalkthroughAction? {
        var label = reading.target
        if label == nil, verb == .submit {
            let submits = simulation.vocabulary.submitLabels.map(StepText.normalized)
            label = screen.controls.first { submits.contains(StepText.normalized($0.label)) }?.label
        }
        if label == nil { label = inputControl(for: written, on: screen) }
        guard let label else {
            unresolved(
                written, "names no control; write its label in bold or give it in `walkthrough_inputs`", screen)
            return nil
        }
        let key = StepText.normalized(label)
        let matching = screen.controls.filter { StepText.normalized($0.label) == key }
        if verb == .select, let menu = matching.first(where: { $0.kind == .select }) {
            guard let option = spec.input(for: menu.label) else {
                missingInput(menu.label, written)
                return nil
            }
            return .select(label: menu.label, option: option)
        }
        if matching.count == 1, matching[0].kind == .toggle {
            // `select the checkbox to confirm…`: a checkbox is a toggle, and selecting it turns it on.
            return .toggle(label: matching[0].label, on: true)
        }
        var row: String?
        let rows = matching.compactMap(\.row)
        if matching.count > 1, Set(rows).count > 1 {
            // `next to the organization you created`: the row is a value typed earlier.
            if let typed = progress.filled.last(where: { rows.contains($0.value) }) {
                row = typed.value
                result.rowInput = typed.label
            }
        }
        var section: String?
        if let wanted = reading.section,
            matching.contains(where: { StepText.normalized($0.section ?? "") == StepText.normalized(wanted) })
        {
            section = matching.first { StepText.normalized($0.section ?? "") == StepText.normalized(wanted) }?.section
        }
        return .click(label: label, row: row, section: section)
    }

    private mutating func fillAction(_ reading: StepReading, _ written: WrittenStep, on screen: WalkthroughScreen)
        -> WalkthroughAction?
    {
        let fields = screen.controls(.textField)
        guard let label = reading.target ?? (fields.count == 1 ? fields[0].label : nil) else {
            unresolved(
                written,
                "names no field and the screen \"\(screen.title)\" has \(fields.count) text fields"
                    + (fields.isEmpty ? "" : " (\(fields.map(\.label).joined(separator: ", ")))"), screen)
            return nil
        }
        guard let value = spec.input(for: label) else {
            missingInput(label, written)
            return nil
        }
        return .fill(label: label, value: value)
    }

    /// A control the step describes in words that `walkthrough_inputs` names (`the team that you want to switch
    /// to: Globex`): the longest such phrase whose value is a control on the screen.
    private func inputControl(for written: WrittenStep, on screen: WalkthroughScreen) -> String? {
        let text = StepText.normalized(written.text)
        let labels = Set(screen.controls.map { StepText.normalized($0.label) })
        return spec.inputs
            .filter { text.contains(StepText.normalized($0.key)) && labels.contains(StepText.normalized($0.value)) }
            .max { $0.key.count < $1.key.count }?.value
    }

    // MARK: - Performing

    /// Performs `action`; on refusal reports it at the step and marks the procedure failed.
    private mutating func attempt(
        _ action: WalkthroughAction, _ written: WrittenStep, _ progress: inout Progress, needle: String?
    ) -> Bool {
        do {
            try progress.session.perform(action)
            return true
        } catch {
            progress.failed = true
            let at = location(of: written, needle: needle)
            switch error.kind {
            case .unknownControl, .ambiguousControl, .disabledControl:
                let id =
                    error.kind == .unknownControl
                    ? "walkthrough.unknown-control"
                    : error.kind == .ambiguousControl ? "walkthrough.ambiguous-control" : "walkthrough.disabled-control"
                // The screen's labels are the note; the console's own wording adds to it only when the control is
                // there but cannot be used (why it is disabled, which of two it would be).
                let message =
                    error.kind == .unknownControl
                    ? "the screen \"\(error.screenTitle)\" has no control \"\(action.label)\""
                    : "the screen \"\(error.screenTitle)\" cannot use the control \"\(action.label)\": \(error.message)"
                diagnostics.append(
                    .error(
                        id, message,
                        at: at, note: "that screen has: \(error.availableLabels.joined(separator: ", "))",
                        fixIt: Self.suggestion(for: action.label, in: error.availableLabels).map { "**\($0)**" }))
            case .refused, .unknownState:
                diagnostics.append(
                    .error(
                        "walkthrough.refused", "the simulation refused to \(action.summary): \(error.message)", at: at))
            }
            return false
        }
    }

    /// The label the guide probably means: the closest spelling, else one that starts the same way
    /// (`Upgrade Plan` → `Upgrade`).
    static func suggestion(for label: String, in labels: [String]) -> String? {
        if let closest = Suggestions.closest(to: label, in: labels) { return closest }
        let wanted = StepText.normalized(label)
        return labels.first { candidate in
            let key = StepText.normalized(candidate)
            return !key.isEmpty && (wanted.hasPrefix(key + " ") || key.hasPrefix(wanted + " "))
        }
    }

    /// The step's spatial words (`in the sidebar`, `From the **X** section`, `From the dropdown menu`, `the **X**
    /// submenu option`, `next to the organization`) against where the screen draws the control (`ScreenLayout`):
    /// a `walkthrough.placement` error when they disagree, so the guide's wording is verified too.
    private mutating func placementHolds(
        _ reading: StepReading, _ action: WalkthroughAction, _ written: WrittenStep, on screen: WalkthroughScreen
    ) -> Bool {
        guard
            let index = screen.controls.indices.first(where: {
                WalkthroughRule.addresses(action, screen.controls[$0], on: screen)
            })
        else { return true }  // The attempt reports the missing control.
        let control = screen.controls[index]
        let place = ScreenLayout(screen).place(of: index, in: screen)
        var problems: [String] = []
        if let section = reading.section {
            let wanted = StepText.normalized(section)
            let holds: Bool
            switch place {
            case .sidebar: holds = StepText.normalized(WalkthroughScreen.sidebar) == wanted
            case .section(let drawn): holds = StepText.normalized(drawn) == wanted
            case .row, .menu(row: true): holds = StepText.normalized(control.section ?? "") == wanted
            case .menu(row: false), .simulation, .loose: holds = false
            }
            if !holds {
                problems.append(
                    wanted == StepText.normalized(WalkthroughScreen.sidebar)
                        ? "in the sidebar" : "in the \"\(section)\" section")
            }
        }
        switch (reading.menu, place) {
        case (.dropdown?, .menu(row: false)), (.submenu?, .menu(row: true)), (.menu?, .menu), (nil, _): break
        case (.dropdown?, _): problems.append("in a dropdown menu")
        case (.submenu?, _): problems.append("in a row's submenu")
        case (.menu?, _): problems.append("in a menu")
        }
        if reading.nextToRow, control.row == nil { problems.append("next to a table row") }
        if reading.checkbox, control.role != .checkbox {
            let kind = control.kind == .toggle ? "a switch" : "a \(control.kind.rawName)"
            diagnostics.append(
                .error(
                    "walkthrough.placement",
                    "the step says \"\(control.label)\" is a checkbox, but the simulation shows \(kind)",
                    at: location(of: written, needle: reading.target), note: trail(screen)))
            return false
        }
        guard !problems.isEmpty else { return true }
        diagnostics.append(
            .error(
                "walkthrough.placement",
                "the step says \"\(control.label)\" is \(problems.joined(separator: " and ")), but the simulation shows it \(Self.words(for: place))",
                at: location(of: written, needle: reading.target), note: trail(screen)))
        return false
    }

    private static func words(for place: ScreenLayout.Place) -> String {
        switch place {
        case .sidebar: "in the sidebar"
        case .simulation: "in the Simulation drawer"
        case .loose: "among the screen's own controls"
        case .section(let title): "in the \"\(title)\" section"
        case .menu(row: true): "in a table row's submenu"
        case .menu(row: false): "in a dropdown menu"
        case .row: "in a table row"
        }
    }

    /// Stops the procedure at this step.
    private func fail(_ result: WalkthroughStep, _ progress: inout Progress) -> WalkthroughStep {
        progress.failed = true
        return result
    }

    private mutating func unresolved(_ written: WrittenStep, _ problem: String, _ screen: WalkthroughScreen) {
        diagnostics.append(
            .error(
                "walkthrough.unresolved-step", "the step \(problem)", at: location(of: written, needle: nil),
                note: "the screen \"\(screen.title)\" has: \(screen.labels.joined(separator: ", "))"))
    }

    private mutating func missingInput(_ label: String, _ written: WrittenStep) {
        diagnostics.append(
            .error(
                "walkthrough.missing-input", "the step types into \"\(label)\" but the guide gives no value for it",
                at: location(of: written, needle: nil),
                fixIt: "add `walkthrough_inputs: {\(label): …}` to the front matter"))
    }

    private func screen(_ progress: Progress) -> WalkthroughScreen? {
        progress.session.screen
    }

    private func trail(_ screen: WalkthroughScreen) -> String {
        "the simulation is on \(screen.breadcrumbs.joined(separator: " > "))"
    }

    /// The step's place in the user's file: the label's own column when it names one. Steps are found in
    /// document order, searching on from the previous step, so two steps with the same words (and lines moved
    /// by an include) still land on their own line.
    private mutating func location(of written: WrittenStep, needle: String?) -> SourceLocation {
        let search = needle ?? written.lead
        // The steps of an included list follow one another in the include's file.
        if let cursor = includeCursor, let found = Self.find(search, in: cursor.lines, from: cursor.line) {
            includeCursor?.line = found.line
            return SourceLocation(file: cursor.path, line: found.line, column: found.column)
        }
        let start = max(searchFrom, page.bodyLineOffset + 1)
        if let found = source.locate(search, near: start, in: start...source.lines().count, forwardOnly: true) {
            searchFrom = found.line
            includeCursor = nil
            return found
        }
        let lead = written.lead
        if !lead.isEmpty, !source.lines().contains(where: { $0.contains(lead) }) {
            // A step the page does not contain comes from one of its includes.
            for name in bodyIncludes {
                let path = includesFolder + "/" + name
                guard let data = FileManager.default.contents(atPath: source.root.appendingPathComponent(path).path)
                else { continue }
                let lines = Self.lines(data)
                guard let found = Self.find(lead, in: lines, from: 1) else { continue }
                includeCursor = (path, lines, found.line)
                let at = needle.flatMap { Self.find($0, in: lines, from: found.line) } ?? found
                return SourceLocation(file: path, line: at.line, column: at.column)
            }
        }
        return source.locate(search, bodyLine: written.position.line, column: written.position.column)
    }

    private static func lines(_ data: Data) -> [Substring] {
        String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The first line at or after `line` (1-based) that contains `needle`, and the column where it starts.
    private static func find(_ needle: String, in lines: [Substring], from line: Int) -> (line: Int, column: Int)? {
        guard !needle.isEmpty, line >= 1, line <= lines.count else { return nil }
        for index in (line - 1)..<lines.count {
            if let column = PageSource.column(of: needle, in: lines[index]) { return (index + 1, column) }
        }
        return nil
    }
}
