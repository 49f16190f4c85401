import EnterpriseDomain
import Testing

/// Scenarios 8–10: pending invites hold seats, expiry frees them, removal on Licenses frees them.
@Suite struct SeatTests {
    @Test func anInvitationExpiresAfterThirtyDaysAndFreesItsSeat() throws {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        let before = state.aliceUsage
        state.step(.invite(emails: ["dan@kong.com"], to: .organization(state.orgID("Cargo")), role: .member), by: alice)
        #expect(state.aliceUsage.used == before.used + 1)
        let invitation = try #require(state.invitations.last)
        state.step(.advanceClock(days: 29))
        #expect(state.invitation(invitation.id)?.status == .pending)
        let events = state.step(.advanceClock(days: 1))
        #expect(events.contains(.invitationExpired(invitation.id)))
        #expect(events.contains(.seatReleased(email: "dan@kong.com")))
        #expect(state.aliceUsage == before)
    }

    @Test func invitingBeyondTheFreeSeatsIsRefusedWithTheViewersMessage() {
        var state = State.scenarioFixture()
        let bob = state.id("bob@kong.com")
        state.step(.issueActivationCode(code: "ENT-TWO", seats: 2, customerID: "bobco", expiresOn: nil))
        state.step(.upgradeSubscription(code: "ENT-TWO"), by: bob)
        state.step(.createOrganization(name: "Cargo"), by: bob)
        let cargo = state.orgID("Cargo")
        let instanceID = state.administeredInstance(by: bob)?.id ?? ""
        #expect(state.licenseUsage(instanceID).used == 1)

        // The owner invites two new people with one seat left.
        let ownerError = state.refused(
            .invite(emails: ["n1@kong.com", "n2@kong.com"], to: .organization(cargo), role: .member), by: bob)
        #expect(ownerError == .needsToIncreaseSeats(viewerIsOwner: true))
        #expect(ownerError?.message.hasPrefix("You have consumed all of your seats") == true)
        #expect(
            ownerError?.message.hasSuffix("You can still invite existing users to different organizations.") == true)
        #expect(state.invitations.filter { $0.status == .pending }.isEmpty)

        // An admin sees the team wording.
        state.join("adm@kong.com", .organization(cargo), role: .admin, by: bob)
        let admin = state.id("adm@kong.com")
        let adminError = state.refused(
            .invite(emails: ["n1@kong.com", "n2@kong.com"], to: .organization(cargo), role: .member), by: admin)
        #expect(adminError == .needsToIncreaseSeats(viewerIsOwner: false))
        #expect(adminError?.message.hasPrefix("Your team has consumed all of its seats") == true)

        // With free = 0 a licensed user can still be invited to another org.
        #expect(state.licenseUsage(instanceID).free == 0)
        state.step(.createOrganization(name: "Passengers"), by: bob)
        state.step(
            .invite(emails: ["adm@kong.com"], to: .organization(state.orgID("Passengers")), role: .member), by: bob)
        #expect(state.invitations.filter { $0.status == .pending }.count == 1)
        #expect(state.licenseUsage(instanceID).used == 2)
    }

    @Test func removingFromOrganizationKeepsTheSeatAndRemovingOnLicensesFreesIt() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        let cargo = state.orgID("Cargo")
        state.step(.createTeam(name: "Sales", description: ""), by: alice)
        let sales = state.teamID(named: "Sales")
        state.join("carol@kong.com", .organization(cargo), by: alice)
        state.join("carol@kong.com", .team(sales), by: alice)
        let carol = state.id("carol@kong.com")
        let used = state.aliceUsage.used

        state.step(.removeFromOrganization(carol, org: cargo), by: alice)
        state.step(.removeFromTeam(carol, team: sales), by: alice)
        #expect(state.aliceUsage.used == used)
        #expect(state.hasEnterpriseAccess(carol))

        // Licenses → remove.
        state.step(.removeLicense(carol), by: alice)
        #expect(state.aliceUsage.used == used - 1)
        #expect(!state.hasEnterpriseAccess(carol))
        #expect(state.user(carol)?.plan == .free)
        state.step(.logIn(carol, method: .email))
        #expect(state.dashboardOrganizations(carol).map { $0.name } == ["Personal Workspace"])
    }

    @Test func removingALicenseRemovesOrgAndTeamAccessAndPendingInvites() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        let cargo = state.orgID("Cargo")
        let passengers = state.orgID("Passengers")
        state.join("carol@kong.com", .organization(cargo), by: alice)
        let carol = state.id("carol@kong.com")
        state.step(.invite(emails: ["carol@kong.com"], to: .organization(passengers), role: .member), by: alice)
        state.step(.removeLicense(carol), by: alice)
        #expect(state.effectiveRole(of: carol, in: cargo) == nil)
        #expect(!state.invitations.contains { $0.email == "carol@kong.com" && $0.status == .pending })
        #expect(state.refused(.removeLicense(alice), by: alice) == .ownerCannotBeRemoved)
    }

    @Test func revokingAPendingInviteFreesItsSeat() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        let before = state.aliceUsage
        state.step(.invite(emails: ["dan@kong.com"], to: .organization(state.orgID("Cargo")), role: .member), by: alice)
        let id = state.invitations.last?.id ?? ""
        let events = state.step(.revokeInvitation(id), by: alice)
        #expect(events.contains(.seatReleased(email: "dan@kong.com")))
        #expect(state.aliceUsage == before)
    }

    @Test func twoPendingInvitesForOneEmailHoldOneSeat() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        state.step(.invite(emails: ["dan@kong.com"], to: .organization(state.orgID("Cargo")), role: .member), by: alice)
        state.step(
            .invite(emails: ["dan@kong.com"], to: .organization(state.orgID("Passengers")), role: .member), by: alice)
        #expect(state.aliceUsage.inviteCount == 1)
    }
}
