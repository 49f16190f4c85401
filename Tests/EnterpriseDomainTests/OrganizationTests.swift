import EnterpriseDomain
import Testing

/// Scenarios 5–7: "Create Your Organization", who may create one, and "Manage Your Organization".
@Suite struct OrganizationTests {
    @Test func createdOrganizationIsListedAfterThePersonalWorkspace() throws {
        var state = State.scenarioFixture()
        let alice = state.id("alice@kong.com")
        state.step(.upgradeSubscription(code: "ENT-100"), by: alice)
        // "Click on New Organization", "Enter a name for your organization", "Click on Create Organization".
        state.step(.createOrganization(name: "Cargo"), by: alice)
        #expect(state.dashboardOrganizations(alice).map { $0.name } == ["Personal Workspace", "Cargo"])
        let cargo = try #require(state.org(named: "Cargo"))
        #expect(cargo.type == .enterprise)
        #expect(cargo.ownerID == alice)
        #expect(cargo.instanceID == state.aliceInstance?.id)
        #expect(state.effectiveRole(of: alice, in: cargo.id) == .owner)
    }

    @Test func aBlankOrganizationNameIsRefused() {
        var state = State.scenarioFixture()
        let alice = state.id("alice@kong.com")
        state.step(.upgradeSubscription(code: "ENT-100"), by: alice)
        #expect(state.refused(.createOrganization(name: "   "), by: alice) == .organizationNameRequired)
    }

    @Test func organizationNamesAreTrimmedKeepTheirCasingAndMayRepeat() {
        var state = State.scenarioFixture()
        let alice = state.id("alice@kong.com")
        state.step(.upgradeSubscription(code: "ENT-100"), by: alice)
        state.step(.createOrganization(name: "  cargo Ops "), by: alice)
        state.step(.createOrganization(name: "cargo Ops"), by: alice)
        #expect(
            state.dashboardOrganizations(alice).map { $0.name } == ["Personal Workspace", "cargo Ops", "cargo Ops"])
        state.configuration.organizationNameMaxLength = 5
        #expect(state.refused(.createOrganization(name: "Too long"), by: alice) == .organizationNameTooLong(max: 5))
    }

    @Test func dashboardListsOwnOrganizationsByNameBeforeOthers() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        let olivia = state.id("olivia@globex.com")
        state.step(.createOrganization(name: "Aardvark"), by: olivia)
        state.join("alice@kong.com", .organization(state.orgID("Aardvark")), by: olivia)
        state.step(.createOrganization(name: "Zeppelin"), by: alice)
        #expect(
            state.dashboardOrganizations(alice).map { $0.name } == [
                "Personal Workspace", "Cargo", "Passengers", "Zeppelin", "Aardvark",
            ])
    }

    @Test func enterpriseMemberGetsTheCannotCreateAlertFreeUserIsSentToUpgradeAndCoOwnerMayCreate() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        let bob = state.id("bob@kong.com")
        state.join("carol@kong.com", .organization(state.orgID("Cargo")), by: alice)
        let carol = state.id("carol@kong.com")
        #expect(state.user(carol)?.plan == .enterpriseMember)
        let alert = state.refused(.createOrganization(name: "Mine"), by: carol)
        #expect(
            alert
                == .cannotCreateOrganization(
                    title: "Cannot create new organization.",
                    message:
                        "Your Insomnia account is tied to the enterprise corporate account. Please ask the owner of the enterprise billing to create one for you."
                ))
        #expect(state.newOrganizationAccess(bob) == .upgradeLanding)
        #expect(state.refused(.createOrganization(name: "Bob's"), by: bob)?.code == "upgradeRequired")
        state.step(.addCoOwner(email: "carol@kong.com", role: .coOwner), by: alice)
        state.step(.createOrganization(name: "Carol's"), by: carol)
        #expect(state.org(named: "Carol's")?.type == .enterprise)
        #expect(state.org(named: "Carol's")?.instanceID == state.aliceInstance?.id)
    }

    @Test func billingOnlyCoOwnerCannotCreateOrganizations() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        state.join("carol@kong.com", .organization(state.orgID("Cargo")), by: alice)
        state.step(.addCoOwner(email: "carol@kong.com", role: .billingOnly), by: alice)
        #expect(
            state.refused(.createOrganization(name: "X"), by: state.id("carol@kong.com"))?.code
                == "cannotCreateOrganization")
    }

    @Test func aCoOwnerMustFirstBeAMember() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        #expect(state.refused(.addCoOwner(email: "bob@kong.com", role: .coOwner), by: alice) == .coOwnerMustBeMember)
    }

    @Test func invitingFromManageOrganizationHoldsASeatUntilAccepted() throws {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        let cargo = state.orgID("Cargo")
        state.step(.signUp(email: "carol@kong.com", method: .email))
        state.step(.invite(emails: ["carol@kong.com"], to: .organization(cargo), role: .member), by: alice)
        let pending = state.invitations.filter { $0.status == .pending && $0.target == .organization(cargo) }
        #expect(pending.count == 1)
        #expect(pending.first?.role == .member)
        #expect(state.aliceUsage.inviteCount == 1)
        #expect(state.aliceUsage.free == 98)
        let carol = state.id("carol@kong.com")
        state.step(.acceptInvitation(try #require(pending.first).id), by: carol)
        #expect(state.effectiveRole(of: carol, in: cargo) == .member)
        #expect(state.aliceUsage.memberCount == 2)
        #expect(state.aliceUsage.inviteCount == 0)
        #expect(state.aliceUsage.free == 98)
    }

    @Test func theOwnerRoleCannotBeAssignedChangedOrRemoved() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        let cargo = state.orgID("Cargo")
        state.join("carol@kong.com", .organization(cargo), by: alice)
        let carol = state.id("carol@kong.com")
        #expect(
            state.refused(.invite(emails: ["x@kong.com"], to: .organization(cargo), role: .owner), by: alice)
                == .ownerRoleNotAssignable)
        #expect(state.refused(.changeRole(carol, org: cargo, role: .owner), by: alice) == .ownerRoleNotAssignable)
        #expect(state.refused(.changeRole(alice, org: cargo, role: .member), by: alice) == .ownerRoleNotAssignable)
        #expect(state.refused(.removeFromOrganization(alice, org: cargo), by: alice) == .ownerCannotBeRemoved)
        state.step(.changeRole(carol, org: cargo, role: .admin), by: alice)
        #expect(state.effectiveRole(of: carol, in: cargo) == .admin)
    }

    @Test func membersCannotInviteAndInvalidEmailsBlockTheWholeBatch() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        let cargo = state.orgID("Cargo")
        state.join("carol@kong.com", .organization(cargo), by: alice)
        let carol = state.id("carol@kong.com")
        #expect(
            state.refused(.invite(emails: ["x@kong.com"], to: .organization(cargo), role: .member), by: carol)?.code
                == "permissionDenied")
        #expect(
            state.refused(
                .invite(emails: ["ok@kong.com", "not-an-email"], to: .organization(cargo), role: .member), by: alice)
                == .invalidEmails(["not-an-email"]))
        state.step(.invite(emails: ["Dup@kong.com, dup@kong.com"], to: .organization(cargo), role: .member), by: alice)
        #expect(state.invitations.filter { $0.email == "dup@kong.com" }.count == 1)
    }

    @Test func inviteControlRestrictsInviteDomains() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        let cargo = state.orgID("Cargo")
        state.step(.setInviteControl(org: cargo, .custom(["kong.com"])), by: alice)
        #expect(
            state.refused(.invite(emails: ["x@other.com"], to: .organization(cargo), role: .member), by: alice)
                == .inviteDomainNotAllowed("x@other.com"))
        state.step(.invite(emails: ["x@kong.com"], to: .organization(cargo), role: .member), by: alice)
        state.step(.setInviteControl(org: cargo, .verifiedOnly), by: alice)
        #expect(
            state.refused(.invite(emails: ["y@kong.com"], to: .organization(cargo), role: .member), by: alice)
                == .inviteDomainNotAllowed("y@kong.com"))
        state.step(.setInviteControl(org: cargo, .disabled), by: alice)
        #expect(
            state.refused(.invite(emails: ["y@kong.com"], to: .organization(cargo), role: .member), by: alice)
                == .invitesDisabled)
    }

    @Test func transferNeedsAMemberNoPendingInvitesAndAcceptance() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        let cargo = state.orgID("Cargo")
        let bob = state.id("bob@kong.com")
        #expect(state.refused(.transferOrganization(cargo, to: bob), by: alice)?.code == "transferPreconditionFailed")
        state.join("carol@kong.com", .organization(cargo), by: alice)
        let carol = state.id("carol@kong.com")
        state.step(.invite(emails: ["p@kong.com"], to: .organization(cargo), role: .member), by: alice)
        #expect(state.refused(.transferOrganization(cargo, to: carol), by: alice)?.code == "transferPreconditionFailed")
        let pending = state.invitations.first { $0.email == "p@kong.com" }?.id ?? ""
        state.step(.revokeInvitation(pending), by: alice)
        state.step(.transferOrganization(cargo, to: carol), by: alice)
        state.step(.respondToTransfer(cargo, accept: true), by: carol)
        #expect(state.org(cargo)?.ownerID == carol)
        #expect(state.effectiveRole(of: alice, in: cargo) == .admin)
    }
}
