import EnterpriseDomain
import Testing

/// Rules outside the twenty scenarios: re-sending invitations, permissions, inconsistent projects, SCIM warnings.
@Suite struct MoreRuleTests {
    @Test func resendingAnInvitationStartsANewThirtyDayPeriodAndItsRoleCanChange() throws {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        state.step(.invite(emails: ["dan@kong.com"], to: .organization(state.orgID("Cargo")), role: .member), by: alice)
        let id = try #require(state.invitations.last?.id)
        state.step(.advanceClock(days: 20))
        state.step(.resendInvitation(id), by: alice)
        #expect(state.invitation(id)?.expiresOn == state.today.adding(days: 30))
        state.step(.changeInvitationRole(id, role: .admin), by: alice)
        #expect(state.invitation(id)?.role == .admin)
        #expect(state.refused(.changeInvitationRole(id, role: .owner), by: alice) == .ownerRoleNotAssignable)
        state.step(.advanceClock(days: 29))
        #expect(state.invitation(id)?.status == .pending)
    }

    @Test func ownersHaveEveryPermissionAdminsManageAndMembersRead() {
        #expect(State.permissions(of: .owner).count == 15)
        #expect(!State.permissions(of: .admin).contains("delete:organization"))
        #expect(!State.permissions(of: .admin).contains("create:enterprise_connection"))
        #expect(State.permissions(of: .admin).contains("create:invitation"))
        #expect(State.permissions(of: .member) == ["read:organization", "read:membership", "leave:organization"])
    }

    @Test func projectsWhoseTypeIsNoLongerAllowedAreFlagged() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        let cargo = state.orgID("Cargo")
        state.step(.createProject(in: cargo, type: .cloudSync, name: "Old"), by: alice)
        #expect(state.inconsistentProjects(in: cargo).isEmpty)
        state.step(.editStorage(.organizations, StorageRules(cloudSync: false)), by: alice)
        #expect(state.inconsistentProjects(in: cargo).map { $0.name } == ["Old"])
    }

    @Test func automaticRefreshWarnsFromTwentyDaysBeforeExpiry() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        DomainTests.verified(&state, "kong.com", by: alice)
        state.step(.createSSOConnection(domain: "kong.com", type: .saml), by: alice)
        state.step(.enableSCIM(expiry: .days30, refresh: .automatic), by: alice)
        let instance = state.aliceInstance?.id ?? ""
        state.step(.advanceClock(days: 9))
        #expect(state.scimExpiryWarning(instance) == nil)
        state.step(.advanceClock(days: 1))
        #expect(state.scimExpiryWarning(instance)?.hasPrefix("The SCIM token expires in 20 days") == true)
    }

    @Test func unmanagedUsersOfADomainExportAsCSVAndSeatsNeededCountsOnlyNewPeople() {
        var state = State.enterpriseAdminFixture()
        #expect(
            state.unmanagedUsersCSV("konghq.com")
                == "Email,Created,Last login\ngus@konghq.com,2026-03-01,2026-03-01\nhana@konghq.com,2026-03-01,2026-03-01\n"
        )
        let instance = state.administeredInstance(by: state.id("alice@kong.com"))?.id ?? ""
        #expect(
            state.seatsNeeded(forInviting: ["carol@kong.com, x@kong.com, X@kong.com ,y@kong.com"], in: instance) == 2)
        state.step(.setEnvironment(name: "A", value: "1"))
        #expect(state.environment["A"] == "1")
    }
}
