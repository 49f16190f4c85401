import DocentMarkdown
import WalkthroughContract

/// The walkthrough section of a guide page: the steps as data for the page's script, which runs the simulation's
/// WebAssembly build in place, and every step's screen as static HTML for readers without JavaScript.
enum WalkthroughHTML {
    static func render(_ run: WalkthroughRun, baseURL: String) -> String {
        var out = "<section class=\"docent-walkthrough\" id=\"walkthrough\" aria-labelledby=\"walkthrough-title\""
        out += " data-state=\"\(HTMLEscaping.escape(run.spec.state))\""
        out += " data-wasm=\"\(HTMLEscaping.escape(baseURL + "/" + run.wasmPath))\">\n"
        out += "<h2 id=\"walkthrough-title\">\(tocTitle)</h2>\n"
        out += "<p class=\"docent-walkthrough-note\">A simulation of the product, run from the same model that "
        out += "checks this guide's steps. Nothing here touches a real account.</p>\n"
        out += "<script type=\"application/json\" class=\"docent-walkthrough-data\">"
        data(run, into: &out)
        out += "</script>\n"
        if let path = run.pathJSON {
            // The documented path's screens and answers: the console is usable before its wasm arrives.
            out += "<script type=\"application/json\" class=\"docent-walkthrough-path\">" + path + "</script>\n"
        }
        out += "<div class=\"docent-walkthrough-static\">\n"
        let shown = run.procedures.map(staticSteps)
        out += "<p class=\"docent-walkthrough-static-note\">The live console needs JavaScript: turn it on to click "
        out += "and type in the console yourself. "
        out +=
            shown.allSatisfy(\.isEmpty)
            ? "Meanwhile the guide's pictures show every step's screen.</p>\n"
            : "Meanwhile, below are the screens the guide's pictures do not show.</p>\n"
        for (procedure, steps) in zip(run.procedures, shown) where !steps.isEmpty {
            if run.procedures.count > 1 {
                out += "<h3 class=\"docent-procedure-title\">\(HTMLEscaping.escape(procedure.title))</h3>\n"
            }
            out += "<ol class=\"docent-walkthrough-screens\">\n"
            for step in steps {
                guard let screen = step.screen else { continue }
                out += "<li class=\"docent-step-screen\" data-step=\"\(step.id)\">"
                out += "<p class=\"docent-step-caption\">\(HTMLEscaping.escape(step.text))</p>"
                // A picture of the console, not a console: no tab stops, nothing to press.
                out += "<div class=\"docent-step-picture\" inert>"
                ScreenHTML(highlight: step.action).render(screen, into: &out)
                out += "</div></li>\n"
            }
            out += "</ol>\n"
        }
        out += "</div>\n</section>\n"
        return out
    }

    /// The steps that get a static screen: each screen is shown once, so a step the guide shows a picture of gets
    /// none, nor does a step on the same screen as a pictured step or as the static screen just before it.
    static func staticSteps(_ procedure: WalkthroughProcedure) -> [WalkthroughStep] {
        let pictured = procedure.steps.filter { !$0.images.isEmpty }.compactMap(\.screen)
        var shown: [WalkthroughStep] = []
        for step in procedure.steps where step.kind != .narrative && step.images.isEmpty {
            guard let screen = step.screen, !pictured.contains(screen), shown.last?.screen != screen else { continue }
            shown.append(step)
        }
        return shown
    }

    /// The one-line pointer near the top of a guide with a walkthrough (before its content).
    static let tryItNote =
        "<p class=\"docent-walkthrough-try\"><strong>Try it:</strong> this guide has a "
        + "<a href=\"#walkthrough\">live console</a> where you can follow its steps.</p>\n"

    /// The table of contents' entry for the walkthrough section.
    static let tocTitle = "Try it in the simulated console"

    /// `{"state":…,"procedures":[{"title":…,"steps":[{"id":…,"text":…,"kind":"action","action":{…}},…]}]}`,
    /// main-path steps only; `before` lists the screens a step goes through first (`From **X**, click **Y**`). `<` is escaped, so the JSON cannot close its script element.
    static func data(_ run: WalkthroughRun, into out: inout String) {
        out += "{\"state\":"
        JSONText.string(run.spec.state, into: &out)
        out += ",\"procedures\":["
        for (index, procedure) in run.procedures.enumerated() {
            if index > 0 { out += "," }
            out += "{\"title\":"
            JSONText.string(procedure.title, into: &out)
            out += ",\"steps\":["
            for (stepIndex, step) in procedure.steps.enumerated() {
                if stepIndex > 0 { out += "," }
                out += "{\"id\":\"\(step.id)\",\"text\":"
                JSONText.string(step.text, into: &out)
                if let start = step.startScreen { out += ",\"screen\":" + JSONText.quoted(start) }
                switch step.kind {
                case .action(let action):
                    out += ",\"kind\":\"action\",\"action\":" + action.jsonText
                    if !step.before.isEmpty {
                        out += ",\"before\":[" + step.before.map(\.jsonText).joined(separator: ",") + "]"
                    }
                    if let input = step.rowInput { out += ",\"rowInput\":" + JSONText.quoted(input) }
                case .expectation(let screen, let listed):
                    out += ",\"kind\":\"expect\",\"expect\":{"
                    var pairs: [String] = []
                    if let screen { pairs.append("\"title\":" + JSONText.quoted(screen)) }
                    if let listed { pairs.append("\"listed\":" + JSONText.quoted(listed)) }
                    if let input = step.listedInput { pairs.append("\"input\":" + JSONText.quoted(input)) }
                    out += pairs.joined(separator: ",") + "}"
                case .narrative:
                    out += ",\"kind\":\"narrative\""
                }
                out += "}"
            }
            out += "]}"
        }
        out += "]}"
    }
}

extension WalkthroughStep {
    /// The action, for an action step.
    public var action: WalkthroughAction? {
        if case .action(let action) = kind { action } else { nil }
    }
}
