/// A walkthrough's run as text, step by step: what each step did or checked, which steps are narrative and why
/// (`docent check --verbose`).
public enum WalkthroughReport {
    public static func text(_ run: WalkthroughRun, file: String) -> String {
        var out = "\(file): walkthrough `\(run.spec.state)`, \(run.procedures.count) procedure(s)\n"
        for procedure in run.procedures {
            out += "  \(procedure.title)\(procedure.completed ? "" : " (stopped at a failing step)")\n"
            for step in procedure.steps { out += line(step, file: file) }
        }
        var branch: String?
        for step in run.branchSteps {
            if step.branch != branch {
                branch = step.branch
                out += "  branch \"\(step.branch ?? "")\", run on its own\n"
            }
            out += line(step, file: file)
        }
        return out
    }

    private static func line(_ step: WalkthroughStep, file: String) -> String {
        let place =
            step.location.file == file
            ? "\(step.location.line):\(step.location.column)" : step.location.description
        let screen = step.screen.map { " on \"\($0.title)\"" } ?? ""
        let what: String
        switch step.kind {
        case .action(let action): what = action.summary + screen
        case .expectation(let title, let listed):
            what = listed.map { "expect \"\($0)\" listed" + screen } ?? "expect the screen \"\(title ?? "")\""
        case .narrative: what = "skipped (\(step.note ?? "narrative")): \(step.text)"
        }
        let images = step.images.isEmpty ? "" : " [picture: \(step.images.joined(separator: ", "))]"
        return "    \(place + String(repeating: " ", count: max(0, 7 - place.count))) \(step.id)  \(what)\(images)\n"
    }
}
