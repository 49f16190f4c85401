import EnterpriseConsole
import EnterpriseDomain
import Testing
import WalkthroughContract

@Suite struct JSONTests {
    @Test func writerEscapesAndKeepsKeyOrder() {
        let value = JSON.object([
            ("b", .string("quote \" backslash \\ newline \n tab \t bell \u{7} é ✈️")), ("a", .int(-12)),
            ("c", .array([.bool(true), .null])),
        ])
        #expect(
            value.text == #"{"b":"quote \" backslash \\ newline \n tab \t bell \u0007 é ✈️","a":-12,"c":[true,null]}"#)
    }

    @Test func parserReadsWhatTheWriterWritesAndEscapes() throws {
        let text =
            #" { "click" : "Manage Organization", "row":"Cargo\u00e9\ud83d\ude80", "n": [1, -2, {"x": false}] } "#
        let value = try JSON.parse(text)
        #expect(value["row"]?.stringValue == "Cargoé🚀")
        #expect(try JSON.parse(value.text) == value)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "\"unterminated", "1.5", "tru", "{\"a\":1} x", "\"\u{1}\""])
    func malformedJSONIsAnErrorNotATrap(_ text: String) {
        #expect(throws: JSON.ParseError.self) { try JSON.parse(text) }
    }

    @Test func integersAreThirtyTwoBitOnEveryPlatformAndBeyondThatAnErrorNotATrap() throws {
        #expect(try JSON.parse("2147483647") == .int(2_147_483_647))
        #expect(try JSON.parse("-2147483648") == .int(-2_147_483_648))
        #expect(try JSON.parse("-0") == .int(0))
        // One past either end: the wasm's Int is 32-bit, and native answers must equal the wasm's.
        for text in ["2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999", "[1, 4294967296]"] {
            #expect(throws: JSON.ParseError.self) { try JSON.parse(text) }
        }
    }

    @Test func deeplyNestedInputIsRefused() {
        let text = String(repeating: "[", count: 10_000)
        #expect(throws: JSON.ParseError.self) { try JSON.parse(text) }
    }

    @Test func actionsParseFromTheSmallJSONFormat() throws {
        #expect(
            try ConsoleAction.parse(#"{"click":"Upgrade","row":"Cargo"}"#) == .click(label: "Upgrade", row: "Cargo"))
        #expect(
            try ConsoleAction.parse(#"{"fill":"Activation code","value":"ENT-100"}"#)
                == .fill(label: "Activation code", value: "ENT-100"))
        #expect(try ConsoleAction.parse(#"{"toggle":"Enable","on":true}"#) == .toggle(label: "Enable", on: true))
        #expect(
            try ConsoleAction.parse(#"{"select":"Role","option":"Admin"}"#) == .select(label: "Role", option: "Admin"))
        #expect(try ConsoleAction.parse(#"{"navigate":"Licenses"}"#) == .navigate(label: "Licenses"))
        #expect(throws: ConsoleError.self) { try ConsoleAction.parse(#"{"fill":"Name"}"#) }
        let action = ConsoleAction.click(label: "Remove", row: "a@b.com", section: "Licenses")
        #expect(ConsoleAction.parse(action.json) == action)
    }

    @Test func screenJSONIsStableAndComplete() throws {
        let session = try ConsoleSession(startingState: "enterprise-onboarding")
        let text = session.screenJSON()
        #expect(text == session.screenJSON())
        #expect(text.hasPrefix(#"{"title":"Account Dashboard","breadcrumbs":["Account"],"banner":null,"notes":["#))
        #expect(
            text.contains(
                #"{"kind":"button","label":"Upgrade","value":null,"enabled":true,"row":null,"section":null,"role":"primary"}"#
            )
        )
        // A secondary control (the default role) carries no role key.
        #expect(
            text.contains(
                #"{"kind":"link","label":"Organization Dashboard","value":null,"enabled":true,"row":null,"section":"Sidebar"}"#
            ))
        let state = try JSON.parse(session.stateJSON())
        #expect(state["startingState"]?.stringValue == "enterprise-onboarding")
    }

    @Test func unknownStartingStatesListTheKnownOnes() {
        do {
            _ = try ConsoleSession(startingState: "nope")
            Issue.record("accepted an unknown starting state")
        } catch {
            #expect(error.kind == .unknownStartingState)
            #expect(error.availableLabels == ConsoleSession.startingStates)
        }
    }
}
