import EnterpriseDomain
import WalkthroughContract

/// The simulated admin console: a domain state, the signed-in user, and where they are.
/// A value type: copying a session forks the simulation.
public struct ConsoleSession: Sendable {
    public internal(set) var state: State
    /// The signed-in user every action is performed as.
    public internal(set) var userID: UserID
    public let startingState: String
    var route: Route
    var drafts = StringMap()
    var flash: [Message] = []
    var preview: PlanPreview?
    var switcherOpen = false
    var viewedInstance: InstanceID?
    var download: Download?

    /// Named starting states a guide's front matter can refer to.
    public static var startingStates: [String] { ["enterprise-onboarding", "enterprise-admin", "enterprise-member"] }

    /// - `enterprise-onboarding`: Alice on the free plan, on the account dashboard; codes ENT-100, ENT-USED,
    ///   ENT-OLD/ENT-NEW and ENT-EXP exist (section 15).
    /// - `enterprise-admin`: Alice is Owner of the Kong instance with orgs Cargo and Passengers, teams Flight
    ///   and Sales, verified kong.com (3 unclaimed accounts) and konghq.com (2); on the organization dashboard.
    /// - `enterprise-member`: the same instance seen by Carol, a licensed member.
    public init(startingState name: String) throws(ConsoleError) {
        let key = Text.normalized(name)
        switch key {
        case _ where Text.equal(key, "enterprise-onboarding"):
            self.init(state: State.scenarioFixture(), userEmail: "alice@kong.com", route: .accountDashboard, name: name)
        case _ where Text.equal(key, "enterprise-admin"):
            self.init(
                state: State.enterpriseAdminFixture(), userEmail: "alice@kong.com", route: .organizationDashboard,
                name: name)
        case _ where Text.equal(key, "enterprise-member"):
            self.init(
                state: State.enterpriseAdminFixture(), userEmail: "carol@kong.com", route: .organizationDashboard,
                name: name)
        default:
            throw ConsoleError(
                kind: .unknownStartingState,
                message:
                    "Unknown starting state \"\(name)\". Known: \(ConsoleSession.startingStates.joined(separator: ", ")).",
                availableLabels: ConsoleSession.startingStates)
        }
    }

    /// A session over any state, signed in as the account with `userEmail`.
    public init(state: State, userEmail: String, name: String = "custom") {
        self.init(state: state, userEmail: userEmail, route: .organizationDashboard, name: name)
    }

    init(state: State, userEmail: String, route: Route, name: String) {
        self.state = state
        self.userID = state.user(email: userEmail)?.id ?? ""
        self.route = route
        self.startingState = name
        self.viewedInstance =
            state.administeredInstanceID(by: userID) ?? state.licensedInstances(of: userID).first?.id
    }

    /// The screen the reader sees now.
    public var screen: Screen {
        var screen = build()
        screen.messages =
            flash + screen.messages.filtered { message in !flash.containsWhere { $0.isSame(as: message) } }
        screen.download = download
        return screen
    }

    public func screenJSON() -> String { screen.json.text }

    /// Performs one action on the current screen. A label the screen lacks throws `.unknownControl` listing the
    /// labels it has; a refused domain command throws `.domain(error)` and also shows the error on the screen.
    @inline(never)
    public mutating func perform(_ action: ConsoleAction) throws(ConsoleError) {
        let current = screen
        let (intent, argument) = try resolve(action, on: current)
        flash = []
        download = nil
        do {
            try execute(intent, argument: argument)
        } catch {
            show(.error, error.message)
            throw ConsoleError(
                kind: .domain(error), message: error.message, screenTitle: current.title,
                availableLabels: current.labels)
        }
    }

    /// Runs a domain command as the signed-in user.
    @discardableResult
    @inline(never)
    mutating func run(_ command: Command) throws(DomainError) -> [Event] {
        try state.perform(command, by: userID)
    }

    @inline(never)

    mutating func go(_ route: Route) {
        if route != self.route { drafts = [:] }
        self.route = route
        switcherOpen = false
    }

    @inline(never)

    func draft(_ key: String) -> String { drafts[key] ?? "" }

    /// Shows the outcome of the last action above the screen.
    @inline(never)
    mutating func show(_ kind: Message.Kind, _ text: String) { flash = [Message(kind: kind, text: text)] }

    var user: User? { state.user(userID) }
    var administered: EnterpriseInstance? { state.administeredInstance(by: userID) }
    var administeredID: InstanceID? { state.administeredInstanceID(by: userID) }
}

// MARK: - Resolving an action to a control

extension ConsoleSession {
    /// Finds the one control the action addresses. The argument is the fill text, toggle state or option.
    @inline(never)
    func resolve(_ action: ConsoleAction, on screen: Screen) throws(ConsoleError) -> (Intent, String) {
        let verb = action.verb
        var matches = candidates(action.label, verb: verb, on: screen)
        if matches.isEmpty {
            for alias in LabelAliases.targets(of: action.label) {
                matches = candidates(alias, verb: verb, on: screen)
                if !matches.isEmpty { break }
            }
        }
        if case .fill(let label, _) = action, Text.normalized(label).isEmpty {
            matches = screen.actionable.filtered { $0.control.kind == .textField }
            if matches.count > 1 {
                throw error(.ambiguousControl, "This screen has more than one text field; name one.", screen)
            }
        }
        if case .click(_, let row, let section) = action {
            if let row {
                matches = matches.filtered { Text.equal(Text.normalized($0.control.row ?? ""), Text.normalized(row)) }
            }
            if let section {
                matches = matches.filtered {
                    Text.equal(Text.normalized($0.control.section ?? ""), Text.normalized(section))
                }
            }
        }
        if matches.isEmpty, case .navigate(let label) = action {
            let title = Text.normalized(screen.title)
            if Text.equal(Text.normalized(label), title) || LabelAliases.targets(of: label).containsText(title) {
                return (.stay, "")
            }
        }
        guard let match = matches.first else {
            let rowText: String
            if case .click(_, let row?, _) = action { rowText = " in row \"\(row)\"" } else { rowText = "" }
            throw error(
                .unknownControl,
                "No \(verb.rawName) control labelled \"\(action.label)\"\(rowText) on \"\(screen.title)\". Available: \(screen.labels.joined(separator: ", ")).",
                screen)
        }
        if matches.count > 1 {
            let rows = matches.compactMapped { $0.control.row ?? $0.control.section }
            throw error(
                .ambiguousControl,
                "\"\(action.label)\" appears \(matches.count) times on \"\(screen.title)\"; name a row: \(rows.joined(separator: ", ")).",
                screen)
        }
        let (control, intent) = (match.control, match.intent)
        guard control.enabled else {
            throw error(.disabledControl, "\"\(control.label)\" is disabled on \"\(screen.title)\".", screen)
        }
        switch action {
        case .fill(_, let value): return (intent, value)
        case .toggle(_, let on):
            let next = on ?? (!Text.equal(control.value, "on"))
            return (intent, next ? "on" : "off")
        case .select(_, let option):
            guard let chosen = control.options.firstWhere({ Text.equal(Text.normalized($0), Text.normalized(option)) })
            else {
                throw error(
                    .invalidOption,
                    "\"\(control.label)\" has no option \"\(option)\". Options: \(control.options.joined(separator: ", ")).",
                    screen)
            }
            return (intent, chosen)
        case .click, .navigate: return (intent, "")
        }
    }

    @inline(never)

    func candidates(_ label: String, verb: ActionVerb, on screen: Screen) -> [(control: Control, intent: Intent)] {
        let key = Text.normalized(label)
        return screen.actionable.filtered {
            $0.control.kind.verb == verb && Text.equal(Text.normalized($0.control.label), key)
        }
    }

    @inline(never)

    func error(_ kind: ConsoleError.Kind, _ message: String, _ screen: Screen) -> ConsoleError {
        ConsoleError(kind: kind, message: message, screenTitle: screen.title, availableLabels: screen.labels)
    }
}
