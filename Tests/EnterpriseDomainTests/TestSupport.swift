import EnterpriseDomain
import Testing

extension State {
    /// The id of the account with this email; records an issue when there is none.
    func id(_ email: String, sourceLocation: SourceLocation = #_sourceLocation) -> UserID {
        guard let user = user(email: email) else {
            Issue.record("no account for \(email)", sourceLocation: sourceLocation)
            return ""
        }
        return user.id
    }

    func orgID(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> OrgID {
        guard let org = org(named: name) else {
            Issue.record("no organization \(name)", sourceLocation: sourceLocation)
            return ""
        }
        return org.id
    }

    /// Performs a step that the scenario expects to succeed.
    @discardableResult
    mutating func step(_ command: Command, by actor: UserID? = nil, sourceLocation: SourceLocation = #_sourceLocation)
        -> [Event]
    {
        do {
            return try perform(command, by: actor)
        } catch {
            Issue.record("\(command) failed: \(error.message)", sourceLocation: sourceLocation)
            return []
        }
    }

    /// Performs a step that the scenario expects to be refused, and checks the state did not change.
    mutating func refused(
        _ command: Command, by actor: UserID? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) -> DomainError? {
        let before = self
        do {
            let events = try perform(command, by: actor)
            Issue.record("\(command) succeeded with \(events)", sourceLocation: sourceLocation)
            return nil
        } catch {
            #expect(self == before, "a refused command changed the state", sourceLocation: sourceLocation)
            return error
        }
    }

    /// Alice (Owner) after scenario 1, with `Cargo` and `Passengers`.
    static func aliceWithOrganizations() -> State {
        var state = State.scenarioFixture()
        let alice = state.id("alice@kong.com")
        state.step(.upgradeSubscription(code: "ENT-100"), by: alice)
        state.step(.createOrganization(name: "Cargo"), by: alice)
        state.step(.createOrganization(name: "Passengers"), by: alice)
        return state
    }

    var aliceInstance: EnterpriseInstance? { administeredInstance(by: user(email: "alice@kong.com")?.id ?? "") }

    var aliceUsage: LicenseUsage { licenseUsage(aliceInstance?.id ?? "") }

    /// Signs up `email` if needed, invites them and accepts.
    mutating func join(_ email: String, _ target: InviteTarget, role: OrgRole = .member, by inviter: UserID) {
        if user(email: email) == nil { step(.signUp(email: email, method: .email)) }
        step(.invite(emails: [email], to: target, role: role), by: inviter)
        for invitation in invitations where invitation.email == email && invitation.status == .pending {
            step(.acceptInvitation(invitation.id), by: id(email))
        }
    }
}
