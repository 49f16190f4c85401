import EnterpriseDomain
import Testing

/// Co-owner removal, the report's periods, the Essentials Git Sync limit, SCIM teams and the update setting.
@Suite struct LateRuleTests {
    /// Alice's instance with Carol (a Cargo member) made a co-owner.
    static func carolCoOwner() -> State {
        var state = State.enterpriseAdminFixture()
        state.step(.addCoOwner(email: "carol@kong.com", role: .coOwner), by: state.id("alice@kong.com"))
        return state
    }

    @Test func removingACoOwnerAndKeepingThemAsAMemberLeavesTheirOrganizations() {
        var state = Self.carolCoOwner()
        let alice = state.id("alice@kong.com")
        let carol = state.id("carol@kong.com")
        let cargo = state.orgID("Cargo")
        let events = state.step(.removeCoOwner(carol, keepAsMember: true), by: alice)
        #expect(events == [.coOwnerRemoved(carol)])
        #expect(state.administeredInstance(by: carol) == nil)
        #expect(state.effectiveRole(of: carol, in: cargo) == .member)
    }

    @Test func removingACoOwnerFromOrganizationsKeepsTheirSeat() {
        var state = Self.carolCoOwner()
        let alice = state.id("alice@kong.com")
        let carol = state.id("carol@kong.com")
        let instance = state.aliceInstance?.id ?? ""
        let used = state.licenseUsage(instance).used
        let events = state.step(.removeCoOwner(carol, keepAsMember: false), by: alice)
        #expect(events == [.coOwnerRemoved(carol), .membershipRemoved(carol, org: state.orgID("Cargo"))])
        #expect(state.effectiveRole(of: carol, in: state.orgID("Cargo")) == nil)
        #expect(state.isLicensed(carol, in: instance))
        #expect(state.licenseUsage(instance).used == used)
        #expect(state.refused(.removeCoOwner(carol, keepAsMember: true), by: alice)?.code == "notFound")
    }

    @Test func theClockStopsAtTheLastFourDigitYearInsteadOfOverflowing() {
        var state = State.enterpriseAdminFixture()
        let before = state
        #expect(state.refused(.advanceClock(days: Int.max))?.code == "invalidClockAdvance")
        #expect(state.refused(.advanceClock(days: -1))?.code == "invalidClockAdvance")
        #expect(state == before)
        state.step(.advanceClock(days: Day.latest - state.today))
        #expect(state.today.iso == "9999-12-31")
        #expect(state.refused(.advanceClock(days: 1))?.code == "invalidClockAdvance")
    }

    @Test func theActivityReportCanBeFilteredToTheLastSevenThirtyOrNinetyDays() {
        var state = State.enterpriseAdminFixture()
        let instance = state.administeredInstanceID(by: state.id("alice@kong.com")) ?? ""
        state.step(.advanceClock(days: 21))
        state.step(.recordActivity(state.id("carol@kong.com")))
        state.step(.advanceClock(days: 10))
        state.step(.recordActivity(state.id("erin@kong.com")))
        #expect(State.reportPeriods == [7, 30, 90])
        let week = state.activityReportCSV(instance, on: state.today, lastDays: 7)
        #expect(week == "Email,Last Active\nerin@kong.com,2026-04-01\n")
        let month = state.activityReportCSV(instance, on: state.today, lastDays: 30)
        #expect(month == "Email,Last Active\ncarol@kong.com,2026-03-22\nerin@kong.com,2026-04-01\n")
        #expect(state.activityReportCSV(instance, on: state.today, lastDays: 90).split(separator: "\n").count == 5)
    }

    @Test func essentialsOrganizationsOfMoreThanThreeUsersCannotUseGitSync() {
        var state = State.scenarioFixture()
        let alice = state.id("alice@kong.com")
        let personal = state.user(alice)?.personalOrgID ?? ""
        for email in ["p1@kong.com", "p2@kong.com", "p3@kong.com"] {
            state.step(.signUp(email: email, method: .email))
            state.step(.invite(emails: [email], to: .organization(personal), role: .member), by: alice)
            if let id = state.invitations.last?.id { state.step(.acceptInvitation(id)) }
            if email == "p2@kong.com" { #expect(state.gitSyncLimitWarning(personal) == nil) }
        }
        #expect(state.gitSyncLimitWarning(personal) == "Git Sync limited to organizations of 3 or fewer users")
        #expect(state.refused(.createProject(in: personal, type: .gitSync, name: "API"), by: alice) == .needsToUpgrade)
        state.step(.createProject(in: personal, type: .cloudSync, name: "API"), by: alice)
    }

    /// Alice's instance with SSO and SCIM on (30-day token).
    static func scimEnabled() -> State {
        var state = State.enterpriseAdminFixture()
        let alice = state.id("alice@kong.com")
        state.step(.createSSOConnection(domain: "kong.com", type: .saml), by: alice)
        state.step(.enableSCIM(expiry: .days30, refresh: .manual), by: alice)
        return state
    }

    @Test func teamsAssignedInTheIdPAreProvisionedAndFollowItsUpdates() throws {
        var state = Self.scimEnabled()
        let alice = state.id("alice@kong.com")
        state.step(.scimProvisionTeam(name: "Ops", emails: ["carol@kong.com", "new@kong.com"]), by: alice)
        let ops = state.teamID(named: "Ops")
        let newcomer = state.id("new@kong.com")
        #expect(state.team(ops)?.source == .scim)
        #expect(state.team(ops)?.members.map { $0.userID } == [state.id("carol@kong.com"), newcomer])
        #expect(state.aliceInstance?.licenses.contains(newcomer) == true)
        // Unassigned in the IdP: leaves the team, keeps the license.
        let events = state.step(.scimProvisionTeam(name: "Ops", emails: ["new@kong.com"]), by: alice)
        #expect(events.contains(.removedFromTeam(state.id("carol@kong.com"), team: ops)))
        #expect(state.team(ops)?.members.count == 1)
        // A manual team of the same name is taken over by the IdP.
        state.step(.scimProvisionTeam(name: "Flight", emails: []), by: alice)
        #expect(state.team(state.teamID(named: "Flight"))?.source == .scim)
        #expect(state.team(state.teamID(named: "Flight"))?.members.isEmpty == true)
        // Deleted in the IdP: the team is deleted.
        #expect(state.step(.scimDeleteTeam(name: "Ops"), by: alice) == [.teamDeleted(ops)])
        #expect(state.team(ops) == nil)
        // With an expired token no update is applied.
        state.step(.advanceClock(days: 31))
        #expect(state.refused(.scimProvisionTeam(name: "Late", emails: []), by: alice) == .scimTokenExpired)
    }

    @Test func theUpdateAutomaticallySettingStillControlsChecksWhenUpdatesAreSupported() {
        var state = State()
        #expect(state.checksForUpdatesAutomatically())
        state.step(.setUpdateAutomatically(false))
        #expect(state.updatePolicy().enabled)
        #expect(!state.checksForUpdatesAutomatically())
        state.step(.setUpdateAutomatically(true))
        state.step(.setEnvironment(name: "INSOMNIA_DISABLE_AUTOMATIC_UPDATES", value: "true"))
        #expect(!state.checksForUpdatesAutomatically())
    }
}
