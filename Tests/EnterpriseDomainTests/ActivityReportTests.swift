import EnterpriseDomain
import Testing

/// Scenario 18: the Last Active CSV on the Licenses page.
@Suite struct ActivityReportTests {
    @Test func lastActiveShowsRecentDatesBlanksAfterNinetyDaysAndNAAfterAHundred() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        let cargo = state.orgID("Cargo")
        for name in ["u1", "u2", "u3", "u4", "u5"] { state.join("\(name)@kong.com", .organization(cargo), by: alice) }
        let today = state.today
        func set(_ email: String, active: Day?, login: Day?) {
            guard let index = state.users.firstIndex(where: { $0.email == email }) else { return }
            state.users[index].lastActiveOn = active
            state.users[index].lastLoginOn = login
        }
        set("u1@kong.com", active: Day(year: 2026, month: 2, day: 20), login: nil)
        set("u2@kong.com", active: today.adding(days: -95), login: nil)
        set("u3@kong.com", active: today.adding(days: -150), login: nil)
        set("u4@kong.com", active: nil, login: Day(year: 2025, month: 4, day: 30))
        set("u5@kong.com", active: nil, login: nil)
        let csv = state.activityReportCSV(state.aliceInstance?.id ?? "", on: today)
        #expect(
            csv == """
                Email,Last Active
                alice@kong.com,2026-03-01
                u1@kong.com,2026-02-20
                u2@kong.com,
                u3@kong.com,N/A
                u4@kong.com,2025-04-30
                u5@kong.com,N/A

                """)
    }

    @Test func theBandsAreConfigurable() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        guard var user = state.user(alice) else { return }
        user.lastActiveOn = state.today.adding(days: -95)
        #expect(state.lastActiveCell(user, on: state.today) == "")
        state.configuration.reportRetentionDays = 100
        #expect(state.lastActiveCell(user, on: state.today) == user.lastActiveOn?.iso)
        user.lastActiveOn = nil
        user.lastLoginOn = Day(year: 2025, month: 5, day: 20)
        #expect(state.lastActiveCell(user, on: state.today) == "N/A")
    }

    @Test func activityBeforeTrackingStartedUpdatesOnlyTheLastLogin() {
        var state = State(today: Day(year: 2025, month: 5, day: 1))
        state.step(.signUp(email: "old@kong.com", method: .email))
        let old = state.id("old@kong.com")
        state.step(.advanceClock(days: 5))
        state.step(.recordActivity(old))
        #expect(state.user(old)?.lastActiveOn == nil)
        #expect(state.user(old)?.lastLoginOn == Day(year: 2025, month: 5, day: 6))
        state.step(.advanceClock(days: 30))
        state.step(.recordActivity(old))
        #expect(state.user(old)?.lastActiveOn == Day(year: 2025, month: 6, day: 5))
    }

    @Test func fieldsWithCommasOrQuotesAreQuoted() {
        var state = State.aliceWithOrganizations()
        let instanceID = state.aliceInstance?.id ?? ""
        guard let index = state.users.firstIndex(where: { $0.email == "alice@kong.com" }) else { return }
        state.users[index].email = "a,\"b\"@kong.com"
        let csv = state.activityReportCSV(instanceID, on: state.today)
        #expect(csv.contains("\"a,\"\"b\"\"@kong.com\",2026-03-01"))
    }
}

@Suite struct DayTests {
    @Test func civilDatesRoundTrip() {
        #expect(Day(year: 1970, month: 1, day: 1).number == 0)
        #expect(Day(year: 2026, month: 3, day: 1).iso == "2026-03-01")
        #expect(Day(year: 2024, month: 2, day: 29).adding(days: 1).iso == "2024-03-01")
        #expect(Day(iso: "2025-05-20") == Day(year: 2025, month: 5, day: 20))
        #expect(Day(iso: "2025-02-30") == nil)
        #expect(Day(iso: "nope") == nil)
        for number in stride(from: -800, to: 40000, by: 37) {
            #expect(Day(iso: Day(number).iso) == Day(number))
        }
    }
}
