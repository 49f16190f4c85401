import EnterpriseDomain
import Testing

/// Scenarios 1–4: Step 1 "Upgrade Account" and Step 2 "Activate Enterprise Membership" (SEED-000).
@Suite struct UpgradeTests {
    @Test func enteringAnActivationCodeMakesTheFirstUserOwnerOfANewInstance() throws {
        var state = State.scenarioFixture()
        let alice = state.id("alice@kong.com")
        let before = state

        // "You should be able to preview the details of the enterprise plan after submitting it."
        let preview = try state.previewActivationCode("ENT-100", by: alice)
        #expect(preview.plan == "Enterprise")
        #expect(preview.seats == 100)
        #expect(state == before)

        // "After applying the activation code, click on Upgrade Subscription."
        let events = state.step(.upgradeSubscription(code: "ENT-100"), by: alice)
        #expect(events.last == .redirectedToOrganizationDashboard)
        #expect(state.user(alice)?.plan == .enterprise)
        let instance = try #require(state.aliceInstance)
        #expect(instance.ownerID == alice)
        #expect(instance.seatTotal == 100)
        #expect(instance.licenses == [alice])
        #expect(state.activationCode("ENT-100")?.consumedBy == alice)
    }

    @Test func anAlreadyUsedCodeIsRefusedAndKeepsItsOwner() {
        var state = State.scenarioFixture()
        let bob = state.id("bob@kong.com")
        let olivia = state.id("olivia@globex.com")
        #expect(state.refused(.upgradeSubscription(code: "ENT-USED"), by: bob) == .activationCodeAlreadyUsed)
        #expect(throws: DomainError.activationCodeAlreadyUsed) { try state.previewActivationCode("ENT-USED", by: bob) }
        #expect(state.user(bob)?.plan == .free)
        #expect(state.activationCode("ENT-USED")?.consumedBy == olivia)
        #expect(state.administeredInstance(by: olivia)?.ownerID == olivia)
    }

    @Test(arguments: [
        ("", DomainError.activationCodeRequired),
        ("   ", DomainError.activationCodeRequired),
        ("NOPE", DomainError.invalidActivationCode),
        ("ENT-EXP", DomainError.activationCodeExpired),
        ("ENT-OLD", DomainError.activationCodeSuperseded),
    ])
    func emptyUnknownExpiredAndSupersededCodesEachHaveTheirOwnError(code: String, expected: DomainError) {
        var state = State.scenarioFixture()
        let alice = state.id("alice@kong.com")
        #expect(throws: expected) { try state.previewActivationCode(code, by: alice) }
        #expect(state.refused(.upgradeSubscription(code: code), by: alice) == expected)
        #expect(state.user(alice)?.plan == .free)
    }

    @Test func theNewestCodeOfACustomerIsAccepted() {
        var state = State.scenarioFixture()
        let bob = state.id("bob@kong.com")
        state.step(.upgradeSubscription(code: "ENT-NEW"), by: bob)
        #expect(state.administeredInstance(by: bob)?.seatTotal == 30)
    }

    @Test func aNewCodeRaisesTheSeatsAndKeepsTheOwner() throws {
        var state = State.scenarioFixture()
        let alice = state.id("alice@kong.com")
        state.step(.upgradeSubscription(code: "ENT-100"), by: alice)
        let instances = state.instances.count
        state.step(.issueActivationCode(code: "ENT-150", seats: 150, customerID: "kong", expiresOn: nil))
        let preview = try state.previewActivationCode("ENT-150", by: alice)
        #expect(preview.isSeatChange)
        state.step(.upgradeSubscription(code: "ENT-150"), by: alice)
        #expect(state.aliceInstance?.seatTotal == 150)
        #expect(state.aliceInstance?.ownerID == alice)
        #expect(state.instances.count == instances)
        // The older code of the same customer is now superseded and used.
        #expect(throws: DomainError.activationCodeAlreadyUsed) { try state.previewActivationCode("ENT-100", by: alice) }
    }

    @Test func aValidCodeFromAnotherAccountCreatesItsOwnInstance() {
        var state = State.scenarioFixture()
        let alice = state.id("alice@kong.com")
        let bob = state.id("bob@kong.com")
        state.step(.upgradeSubscription(code: "ENT-100"), by: alice)
        state.step(.issueActivationCode(code: "ENT-B", seats: 10, customerID: "bobco", expiresOn: nil))
        state.step(.upgradeSubscription(code: "ENT-B"), by: bob)
        #expect(state.administeredInstance(by: bob)?.seatTotal == 10)
        #expect(state.aliceInstance?.seatTotal == 100)
    }

    @Test func aSeatDecreaseBelowUsageIsRefused() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        state.join("carol@kong.com", .organization(state.orgID("Cargo")), by: alice)
        state.step(.issueActivationCode(code: "ENT-1", seats: 1, customerID: "kong", expiresOn: nil))
        #expect(state.refused(.upgradeSubscription(code: "ENT-1"), by: alice) == .seatsBelowUsage(used: 2, seats: 1))
    }

    @Test func aTrialGivesFiftySeatsForFourteenDaysThenRevertsThePlan() {
        var state = State.scenarioFixture()
        let bob = state.id("bob@kong.com")
        state.step(.startTrial, by: bob)
        #expect(state.administeredInstance(by: bob)?.seatTotal == 50)
        #expect(state.user(bob)?.plan == .enterprise)
        let events = state.step(.advanceClock(days: 14))
        #expect(events.contains { $0.name == "TrialEnded" })
        #expect(state.user(bob)?.plan == .free)
        #expect(!state.hasEnterpriseAccess(bob))
    }
}
