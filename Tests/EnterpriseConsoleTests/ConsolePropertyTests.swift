import DocentTestSupport
import EnterpriseConsole
import EnterpriseDomain
import Testing
import WalkthroughContract

@Suite struct ConsolePropertyTests {
    static let texts = [
        "ENT-100", "ENT-150", "ENT-USED", "", "  ", "Cargo", "Ops", "dan@kong.com", "new@kong.com, zed@konghq.com",
        "kong.com", "app.kong.com", "bad domain", "Ünïcödé \"q\" \\ ✈️", "secret",
    ]

    /// A random action for a random control on the screen, sometimes a label the screen does not have.
    static func action(on screen: Screen, _ random: inout SeededRandom) -> ConsoleAction {
        if screen.controls.isEmpty || random.chance(5) { return .click(label: "No such control \(random.next() % 10)") }
        let control = random.pick(screen.controls)
        switch control.kind {
        case .button, .link:
            return .click(label: control.label, row: control.row, section: control.row == nil ? control.section : nil)
        case .textField: return .fill(label: control.label, value: random.pick(texts))
        case .toggle: return .toggle(label: control.label, on: random.chance(20) ? nil : random.chance(60))
        case .select:
            return .select(
                label: control.label,
                option: control.options.isEmpty || random.chance(10) ? "Nope" : random.pick(control.options))
        }
    }

    static func checkScreen(_ screen: Screen, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!screen.title.isEmpty, sourceLocation: sourceLocation)
        let addresses = screen.controls.map { $0.address }
        #expect(
            Set(addresses).count == addresses.count, "duplicate control on \(screen.title)",
            sourceLocation: sourceLocation)
        for control in screen.controls where control.kind == .select {
            #expect(
                control.value == nil || control.options.contains(control.value ?? "") || control.options.isEmpty,
                sourceLocation: sourceLocation)
        }
        let json = screen.json
        #expect((try? JSON.parse(json.text)) == json, "screen JSON round-trips", sourceLocation: sourceLocation)
    }

    @Test(arguments: Array(UInt64(1)...UInt64(24)))
    func randomReadersNeverBreakTheConsole(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let name = ConsoleSession.startingStates[Int(seed) % ConsoleSession.startingStates.count]
        var session = try ConsoleSession(startingState: name)
        Self.checkScreen(session.screen)
        var titles: Set<String> = []
        for _ in 0..<150 {
            let before = session.screen
            let action = Self.action(on: before, &random)
            do {
                try session.perform(action)
            } catch {
                #expect(!error.message.isEmpty)
                if error.kind == .unknownControl { #expect(error.availableLabels == before.labels) }
            }
            Self.checkScreen(session.screen)
            titles.insert(session.screen.title)
            let state = session.state
            for instance in state.instances {
                let usage = state.licenseUsage(instance.id)
                #expect(usage.used <= usage.total)
            }
            for org in state.orgs { #expect(org.directMembers.filter { $0.role == .owner }.count == 1) }
        }
        #expect(titles.count >= 4, "the random reader should reach several screens")
    }

    @Test func copyingASessionForksTheSimulation() throws {
        var original = try ConsoleSession(startingState: "enterprise-onboarding")
        var fork = original
        try fork.perform(.click(label: "Upgrade"))
        #expect(original.screen.title == "Account Dashboard")
        #expect(fork.screen.title == "Upgrade to Enterprise")
        try original.perform(.navigate(label: "Organization Dashboard"))
        #expect(fork.screen.title == "Upgrade to Enterprise")
    }
}
