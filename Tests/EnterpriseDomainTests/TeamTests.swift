import EnterpriseDomain
import Testing

/// Scenarios 11–13: "Insomnia teams" (seed 002).
@Suite struct TeamTests {
    @Test func aTeamRoleAppliesInEveryLinkedOrganization() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        let cargo = state.orgID("Cargo")
        let passengers = state.orgID("Passengers")
        // Enterprise Controls → Teams → Create Team → Team name + Description → Create team → Org links.
        state.step(.createTeam(name: "Flight", description: "Pilots"), by: alice)
        let flight = state.teamID(named: "Flight")
        state.step(.linkTeam(flight, org: cargo), by: alice)
        state.step(.linkTeam(flight, org: passengers), by: alice)
        state.join("erin@kong.com", .team(flight), role: .admin, by: alice)
        let erin = state.id("erin@kong.com")
        #expect(state.effectiveRole(of: erin, in: cargo) == .admin)
        #expect(state.effectiveRole(of: erin, in: passengers) == .admin)
        #expect(state.dashboardOrganizations(erin).map { $0.name } == ["Personal Workspace", "Cargo", "Passengers"])
    }

    @Test func deletingATeamKeepsMembersWhoHaveAnotherTeamAndEveryonesLicense() {
        var state = State.enterpriseAdminFixture()
        let alice = state.id("alice@kong.com")
        let cargo = state.orgID("Cargo")
        let passengers = state.orgID("Passengers")
        let erin = state.id("erin@kong.com")
        let finn = state.id("finn@kong.com")
        #expect(state.effectiveRole(of: erin, in: cargo) == .admin)
        #expect(state.effectiveRole(of: finn, in: passengers) == .admin)
        state.step(.deleteTeam(state.teamID(named: "Flight")), by: alice)
        #expect(state.effectiveRole(of: erin, in: cargo) == nil)
        #expect(state.effectiveRole(of: erin, in: passengers) == nil)
        #expect(state.effectiveRole(of: finn, in: cargo) == nil)
        #expect(state.effectiveRole(of: finn, in: passengers) == .member)
        #expect(state.hasEnterpriseAccess(erin))
        #expect(state.hasEnterpriseAccess(finn))
    }

    @Test func twoTeamsInOneOrganizationGiveTheHighestRoleInferred() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        let cargo = state.orgID("Cargo")
        state.step(.createTeam(name: "A", description: ""), by: alice)
        state.step(.createTeam(name: "B", description: ""), by: alice)
        let a = state.teamID(named: "A")
        let b = state.teamID(named: "B")
        state.step(.linkTeam(a, org: cargo), by: alice)
        state.step(.linkTeam(b, org: cargo), by: alice)
        state.join("gina@kong.com", .team(a), role: .member, by: alice)
        state.join("gina@kong.com", .team(b), role: .admin, by: alice)
        let gina = state.id("gina@kong.com")
        #expect(state.effectiveRole(of: gina, in: cargo) == .admin)
        state.configuration.highestRoleWins = false
        #expect(state.effectiveRole(of: gina, in: cargo) == .member)
    }

    @Test func unlinkingATeamRemovesOnlyAccessWithoutAnotherPath() {
        var state = State.enterpriseAdminFixture()
        let alice = state.id("alice@kong.com")
        let passengers = state.orgID("Passengers")
        let finn = state.id("finn@kong.com")
        let erin = state.id("erin@kong.com")
        state.step(.unlinkTeam(state.teamID(named: "Flight"), org: passengers), by: alice)
        #expect(state.effectiveRole(of: finn, in: passengers) == .member)
        #expect(state.effectiveRole(of: erin, in: passengers) == nil)
    }

    @Test func teamsCanBeRenamedButNeedAName() {
        var state = State.enterpriseAdminFixture()
        let alice = state.id("alice@kong.com")
        let flight = state.teamID(named: "Flight")
        state.step(.renameTeam(flight, name: "Crew"), by: alice)
        #expect(state.team(flight)?.name == "Crew")
        #expect(state.refused(.renameTeam(flight, name: " "), by: alice) == .teamNameRequired)
        #expect(
            state.refused(.invite(emails: ["x@kong.com"], to: .team(flight), role: .owner), by: alice)
                == .ownerRoleNotAssignable)
    }
}
