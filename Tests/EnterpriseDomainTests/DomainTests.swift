import EnterpriseDomain
import Testing

/// Scenarios 14–16: domains, capture, lock, managed and unmanaged users.
@Suite struct DomainTests {
    @Test func aDomainIsVerifiedAfterTheTXTRecordAndSubdomainsOfAVerifiedRootAtOnce() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        // New Domain → Verify using: Unique verification record → Create Domain.
        let events = state.step(.createDomain(name: "kong.com", method: .uniqueRecord), by: alice)
        #expect(events.first?.name == "DomainCreated")
        #expect(state.aliceInstance?.domains.first?.verified == false)
        #expect(
            state.refused(.setDomainCapture(domain: "kong.com", on: true), by: alice) == .domainNotVerified("kong.com"))
        #expect(state.refused(.verifyDomain("kong.com"), by: alice) == .verificationRecordNotConfirmed)
        state.step(.confirmTXTRecordAdded(domain: "kong.com"), by: alice)
        state.step(.verifyDomain("kong.com"), by: alice)
        #expect(state.aliceInstance?.domains.first?.verified == true)
        state.step(.createDomain(name: "app.kong.com", method: .rootDomainRecord), by: alice)
        #expect(state.aliceInstance?.domains.last?.verified == true)
        #expect(
            state.refused(.createDomain(name: "kong.com", method: .uniqueRecord), by: alice)
                == .domainAlreadyExists("kong.com"))
        #expect(
            state.refused(.createDomain(name: "not a domain", method: .uniqueRecord), by: alice)
                == .invalidDomainName("not a domain"))
    }

    static func verified(_ state: inout State, _ domain: String, by actor: UserID) {
        state.step(.createDomain(name: domain, method: .uniqueRecord), by: actor)
        state.step(.confirmTXTRecordAdded(domain: domain), by: actor)
        state.step(.verifyDomain(domain), by: actor)
    }

    @Test func domainCaptureLicensesNewAccountsWhileSeatsLast() {
        var state = State.scenarioFixture()
        let alice = state.id("alice@kong.com")
        state.step(.issueActivationCode(code: "ENT-2", seats: 2, customerID: "kong-small", expiresOn: nil))
        state.step(.upgradeSubscription(code: "ENT-2"), by: alice)
        Self.verified(&state, "kong.com", by: alice)
        state.step(.setDomainCapture(domain: "kong.com", on: true), by: alice)
        let events = state.step(.signUp(email: "amal@kong.com", method: .email))
        let amal = state.id("amal@kong.com")
        #expect(events.contains(.userCaptured(amal)))
        #expect(state.aliceInstance?.licenses.contains(amal) == true)
        #expect(state.aliceUsage.free == 0)
        let blocked = state.step(.signUp(email: "zed@kong.com", method: .email))
        #expect(blocked == [.signUpBlocked(email: "zed@kong.com", reason: "noSeats")])
        #expect(state.user(email: "zed@kong.com") == nil)
    }

    @Test func withCaptureAndLockAnExistingUninvitedUserIsDeniedEnterpriseAccess() {
        var state = State.scenarioFixture()
        let alice = state.id("alice@kong.com")
        state.step(.signUp(email: "ariel@kong.com", method: .email))
        let ariel = state.id("ariel@kong.com")
        state.step(.upgradeSubscription(code: "ENT-100"), by: alice)
        Self.verified(&state, "kong.com", by: alice)
        state.step(.setDomainCapture(domain: "kong.com", on: true), by: alice)
        state.step(.setDomainLock(domain: "kong.com", on: true), by: alice)
        state.step(.logIn(ariel, method: .email))
        #expect(!state.hasEnterpriseAccess(ariel))
        #expect(state.isLockedOut(ariel))
        // New sign-ups are still captured while seats last (DOM-10).
        state.step(.signUp(email: "new@kong.com", method: .email))
        #expect(state.hasEnterpriseAccess(state.id("new@kong.com")))
    }

    @Test func withCaptureOnlyAnExistingUserIsCapturedAtNextSignInSimulated() {
        var state = State.scenarioFixture()
        let alice = state.id("alice@kong.com")
        let bob = state.id("bob@kong.com")
        state.step(.upgradeSubscription(code: "ENT-100"), by: alice)
        Self.verified(&state, "kong.com", by: alice)
        state.step(.setDomainCapture(domain: "kong.com", on: true), by: alice)
        #expect(!state.hasEnterpriseAccess(bob))
        let events = state.step(.logIn(bob, method: .email))
        #expect(events.contains(.userCaptured(bob)))
        // DOM-18 (I): captured users get no organization membership.
        #expect(state.dashboardOrganizations(bob).map { $0.name } == ["Personal Workspace"])
    }

    @Test func unclaimedAccountsArePerDomainAndUnmanagedUsersAreCountedAcrossDomains() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        Self.verified(&state, "kong.com", by: alice)
        Self.verified(&state, "konghq.com", by: alice)
        let used = state.aliceUsage.used
        // bob@kong.com is already an unlicensed account on kong.com.
        for email in ["u1@kong.com", "u2@kong.com", "v1@konghq.com", "v2@konghq.com", "w@other.com"] {
            state.step(.signUp(email: email, method: .email))
        }
        #expect(state.unclaimedAccounts("kong.com").map { $0.email } == ["bob@kong.com", "u1@kong.com", "u2@kong.com"])
        #expect(state.unclaimedAccounts("konghq.com").count == 2)
        #expect(state.unmanagedTotal(state.aliceInstance?.id ?? "") == 5)
        #expect(state.aliceUsage.used == used)

        // Storage rules that forbid Cloud Sync bind managed users only.
        state.step(.editStorage(.personalWorkspaces, StorageRules(cloudSync: false)), by: alice)
        state.step(.editStorage(.organizations, StorageRules(cloudSync: false)), by: alice)
        let unmanaged = state.id("u1@kong.com")
        state.step(
            .createProject(in: state.user(unmanaged)?.personalOrgID ?? "", type: .cloudSync, name: "Mine"),
            by: unmanaged)
        state.join("carol@kong.com", .organization(state.orgID("Cargo")), by: alice)
        let carol = state.id("carol@kong.com")
        #expect(
            state.refused(
                .createProject(in: state.user(carol)?.personalOrgID ?? "", type: .cloudSync, name: "X"), by: carol)
                == .storageTypeNotAllowed(allowedLabel: "Local Vault and Git Sync"))
    }
}
