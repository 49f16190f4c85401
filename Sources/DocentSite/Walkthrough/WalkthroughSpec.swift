/// A guide's opt-in to a walkthrough, from its front matter:
///
/// ```yaml
/// walkthrough: onboarding                     # the starting state; or a mapping:
/// walkthrough: {state: admin, restart: each-list}
/// walkthrough_inputs:                          # sample values the prose does not give
///   Licence key: KEY-100                       #   a field's label → what to type in it
///   team that you want to switch to: Globex    #   words of a step → the control it means
/// ```
public struct WalkthroughSpec: Sendable, Equatable {
    /// The simulation's starting state.
    public var state: String
    /// Each ordered list is a task of its own that starts again from the starting state (a reference page with
    /// several short procedures); otherwise the lists continue one another (a guide's Step 1, Step 2…).
    public var restartEachList: Bool
    public var inputs: [String: String]

    public init(state: String, restartEachList: Bool = false, inputs: [String: String] = [:]) {
        self.state = state
        self.restartEachList = restartEachList
        self.inputs = inputs
    }

    /// The sample value for a field label or a phrase, case-insensitively.
    func input(for key: String) -> String? {
        let wanted = StepText.normalized(key)
        return inputs.first { StepText.normalized($0.key) == wanted }?.value
    }
}
