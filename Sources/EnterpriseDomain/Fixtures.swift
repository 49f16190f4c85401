/// Named starting states. Built only from commands (plus the activation-code fixture), so they obey
/// every rule the tests check.
extension State {
    /// Section 15: today 2026-03-01; Alice and Bob on the free plan; codes ENT-100 (100 seats, unused),
    /// ENT-USED (consumed by Olivia of Globex), ENT-OLD (superseded by ENT-NEW) and ENT-EXP (expired).
    public static func scenarioFixture() -> State {
        var state = State()
        state.activationCodes = [
            ActivationCode(
                code: "ENT-100", seats: 100, customerID: "kong", issuedOn: Day(year: 2026, month: 2, day: 1),
                expiresOn: Day(year: 2026, month: 12, day: 31), consumedBy: nil),
            ActivationCode(
                code: "ENT-USED", seats: 50, customerID: "globex", issuedOn: Day(year: 2026, month: 1, day: 5),
                expiresOn: nil, consumedBy: nil),
            ActivationCode(
                code: "ENT-OLD", seats: 25, customerID: "initech", issuedOn: Day(year: 2026, month: 1, day: 1),
                expiresOn: nil, consumedBy: nil),
            ActivationCode(
                code: "ENT-NEW", seats: 30, customerID: "initech", issuedOn: Day(year: 2026, month: 2, day: 15),
                expiresOn: nil, consumedBy: nil),
            ActivationCode(
                code: "ENT-EXP", seats: 20, customerID: "umbrella", issuedOn: Day(year: 2025, month: 1, day: 1),
                expiresOn: Day(year: 2026, month: 1, day: 31), consumedBy: nil),
        ]
        state.apply(.signUp(email: "alice@kong.com", method: .email))  // user_1
        state.apply(.signUp(email: "bob@kong.com", method: .email))  // user_2
        state.apply(.signUp(email: "olivia@globex.com", method: .email))  // user_3
        state.apply(.upgradeSubscription(code: "ENT-USED"), by: "user_3")
        return state
    }

    /// Alice is Owner of the Kong instance (ENT-100): orgs Cargo and Passengers, teams Flight and Sales,
    /// verified kong.com (3 unclaimed accounts: Bob, Ariel, Dan) and konghq.com (2), Carol, Erin and Finn licensed, and a Globex
    /// license so the sidebar can switch team instances. ENT-150 is a later seat-increase code.
    public static func enterpriseAdminFixture() -> State {
        var state = scenarioFixture()
        let alice = "user_1"
        state.apply(.upgradeSubscription(code: "ENT-100"), by: alice)
        state.apply(.createOrganization(name: "Cargo"), by: alice)
        state.apply(.createOrganization(name: "Passengers"), by: alice)
        let cargo = state.org(named: "Cargo")?.id ?? ""
        let passengers = state.org(named: "Passengers")?.id ?? ""
        for email in ["carol@kong.com", "erin@kong.com", "finn@kong.com"] {
            state.apply(.signUp(email: email, method: .email))
        }
        state.apply(.createTeam(name: "Flight", description: "Pilots and crew"), by: alice)
        state.apply(.createTeam(name: "Sales", description: "Account executives"), by: alice)
        let flight = state.teamID(named: "Flight")
        let sales = state.teamID(named: "Sales")
        state.apply(.linkTeam(flight, org: cargo), by: alice)
        state.apply(.linkTeam(flight, org: passengers), by: alice)
        state.apply(.linkTeam(sales, org: passengers), by: alice)
        state.apply(.invite(emails: ["carol@kong.com"], to: .organization(cargo), role: .member), by: alice)
        state.apply(.invite(emails: ["erin@kong.com", "finn@kong.com"], to: .team(flight), role: .admin), by: alice)
        state.apply(.invite(emails: ["finn@kong.com"], to: .team(sales), role: .member), by: alice)
        for invitation in state.invitations where invitation.status == .pending {
            state.apply(.acceptInvitation(invitation.id))
        }
        state.apply(.createDomain(name: "kong.com", method: .uniqueRecord), by: alice)
        state.apply(.confirmTXTRecordAdded(domain: "kong.com"), by: alice)
        state.apply(.verifyDomain("kong.com"), by: alice)
        state.apply(.createDomain(name: "konghq.com", method: .uniqueRecord), by: alice)
        state.apply(.confirmTXTRecordAdded(domain: "konghq.com"), by: alice)
        state.apply(.verifyDomain("konghq.com"), by: alice)
        for email in ["ariel@kong.com", "dan@kong.com", "gus@konghq.com", "hana@konghq.com"] {
            state.apply(.signUp(email: email, method: .email))
        }
        // A Globex license for Alice (TEAM-10: more than one team instance).
        let olivia = "user_3"
        state.apply(.createOrganization(name: "Globex Research"), by: olivia)
        if let research = state.org(named: "Globex Research")?.id {
            state.apply(.invite(emails: ["alice@kong.com"], to: .organization(research), role: .member), by: olivia)
            for invitation in state.invitations where invitation.status == .pending {
                state.apply(.acceptInvitation(invitation.id))
            }
        }
        state.apply(.issueActivationCode(code: "ENT-150", seats: 150, customerID: "kong", expiresOn: nil))
        return state
    }

    @inline(never)

    public func teamID(named name: String) -> TeamID {
        for instance in instances {
            if let team = instance.teams.firstWhere({ Text.equal($0.name, name) }) { return team.id }
        }
        return ""
    }

    /// For fixtures: applies a command that is known to succeed, ignoring the result.
    @inline(never)
    mutating func apply(_ command: Command, by actor: UserID? = nil) {
        _ = try? perform(command, by: actor)
    }
}
