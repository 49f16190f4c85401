import EnterpriseDomain
import Testing

/// Scenarios 19–20: SSO, SCIM and automatic updates.
@Suite struct IdentityTests {
    @Test func ssoNeedsTheOwnerAndAVerifiedDomainThenBlocksOtherLoginMethods() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        state.join("carol@kong.com", .organization(state.orgID("Cargo")), by: alice)
        let carol = state.id("carol@kong.com")
        #expect(
            state.refused(.createSSOConnection(domain: "kong.com", type: .saml), by: carol)?.code == "permissionDenied")
        #expect(
            state.refused(.createSSOConnection(domain: "kong.com", type: .saml), by: alice)
                == .domainNotVerified("kong.com"))
        DomainTests.verified(&state, "kong.com", by: alice)
        let events = state.step(.createSSOConnection(domain: "kong.com", type: .saml), by: alice)
        #expect(events == [.ssoConnectionCreated(message: "Your SAML connection has been successfully updated.")])
        #expect(state.refused(.logIn(carol, method: .email)) == .ssoLoginRequired(domain: "kong.com"))
        state.step(.logIn(carol, method: .sso))
        // Accounts on other domains are not affected (SSO-8).
        state.step(.logIn(state.id("olivia@globex.com"), method: .email))
    }

    @Test func oidcConnectionsReportTheirOwnMessage() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        DomainTests.verified(&state, "kong.com", by: alice)
        #expect(
            state.step(.createSSOConnection(domain: "kong.com", type: .oidc), by: alice) == [
                .ssoConnectionCreated(message: "Your OIDC connection has been successfully updated.")
            ])
    }

    @Test func scimNeedsSSOShowsTheTokenOnceMatchesByEmailAndStopsWhenTheTokenExpires() throws {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        DomainTests.verified(&state, "kong.com", by: alice)
        #expect(state.refused(.enableSCIM(expiry: .days30, refresh: .manual), by: alice) == .scimRequiresSSO)
        state.step(.createSSOConnection(domain: "kong.com", type: .saml), by: alice)
        let events = state.step(.enableSCIM(expiry: .days30, refresh: .manual), by: alice)
        guard case .scimEnabled(let token, let url) = events.first else {
            Issue.record("no token")
            return
        }
        #expect(!token.isEmpty)
        let scim = try #require(state.aliceInstance?.scim)
        #expect(scim.connectorURL == url)

        state.join("erin@kong.com", .organization(state.orgID("Cargo")), by: alice)  // a manually added user
        state.step(.signUp(email: "carol@kong.com", method: .email))
        let carol = state.id("carol@kong.com")
        let provisioned = state.step(.scimProvision(email: "carol@kong.com"), by: alice)
        #expect(provisioned.contains(.userProvisioned(carol, matchedExisting: true)))
        #expect(state.hasEnterpriseAccess(carol))
        let erin = state.id("erin@kong.com")
        #expect(state.step(.scimDeactivate(email: "erin@kong.com"), by: alice).isEmpty)
        #expect(state.hasEnterpriseAccess(erin))

        state.step(.advanceClock(days: 31))
        #expect(state.refused(.scimProvision(email: "new@kong.com"), by: alice) == .scimTokenExpired)
        #expect(state.refused(.refreshSCIMToken(passphrase: ""), by: alice) == .passphraseRequired)
        let refreshed = state.step(.refreshSCIMToken(passphrase: "correct horse"), by: alice)
        #expect(refreshed.first != .scimTokenRefreshed(token: token))
        #expect(state.aliceInstance?.scim?.connectorURL == url)
        let created = state.step(.scimProvision(email: "new@kong.com"), by: alice)
        #expect(created.contains { $0.name == "AccountCreated" })
        state.step(.scimDeactivate(email: "new@kong.com"), by: alice)
        #expect(!state.hasEnterpriseAccess(state.id("new@kong.com")))
    }

    @Test func theAutomaticUpdatesVariableDisablesUpdatesExceptWhereTheyAreNeverSupported() {
        var state = State()
        #expect(state.updatePolicy() == UpdatePolicy(enabled: true, message: nil))
        state.step(.setEnvironment(name: "INSOMNIA_DISABLE_AUTOMATIC_UPDATES", value: "true"))
        #expect(state.updatePolicy() == UpdatePolicy(enabled: false, message: "Updates disabled by administrator"))
        state.step(.setEnvironment(name: "INSOMNIA_DISABLE_AUTOMATIC_UPDATES", value: nil))
        state.platform = .linux
        #expect(state.updatePolicy().enabled == false)
        #expect(state.updatePolicy().message == "Updates disabled on linux")
    }

    @Test func anyNonEmptyValueDisablesUpdatesAsTheSourceDoes() {
        var state = State()
        for value in ["false", "0"] {
            state.step(.setEnvironment(name: "INSOMNIA_DISABLE_AUTOMATIC_UPDATES", value: value))
            #expect(state.updatePolicy().enabled == false)
        }
        state.step(.setEnvironment(name: "INSOMNIA_DISABLE_AUTOMATIC_UPDATES", value: ""))
        #expect(state.updatePolicy().enabled == true)
    }
}
