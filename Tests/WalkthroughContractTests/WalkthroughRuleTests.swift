import Testing
import WalkthroughContract

/// The one rule that says whether an action did a step: `docent check` runs it natively and the page asks the
/// wasm build of the same code (`walkthrough_judge`; Tests/wasm/parity.mjs holds the two answers equal).
@Suite struct WalkthroughRuleTests {
    let screen: WalkthroughScreen = {
        var screen = WalkthroughScreen(title: "Organization Dashboard", breadcrumbs: ["Dashboard"])
        screen.tables = [
            .init(title: "Organizations", columns: ["Name"], rows: [["Cargo"], ["Cargo Bay"], ["Globex"]])
        ]
        screen.controls = [
            WalkthroughControl(.button, "Manage Organization", row: "Cargo"),
            WalkthroughControl(.button, "Manage Organization", row: "Globex"),
            WalkthroughControl(.link, "Enterprise Controls", section: "Sidebar"),
            WalkthroughControl(.textField, "Name", value: ""),
            WalkthroughControl(.toggle, "Enabled", value: "off"),
            WalkthroughControl(.select, "Role", value: "Member", options: ["Member", "Admin"]),
            WalkthroughControl(.button, "Upgrade", enabled: false),
        ]
        return screen
    }()

    @Test func wordsCompareWithoutCaseSpacingOrTrailingPunctuation() {
        #expect(WalkthroughText.normalized("  Upgrade.  ") == "upgrade")
        #expect(WalkthroughText.normalized("Manage\t ORGANIZATION:") == "manage organization")
        #expect(WalkthroughText.normalized("Done?!") == "done")
        #expect(WalkthroughText.normalized("ÉTÉ") == "été")
        #expect(WalkthroughText.normalized("Hello . ") == "hello")
        #expect(WalkthroughText.same("Submit!", "submit"))
        #expect(!WalkthroughText.same("Sub mit", "submit"))
    }

    @Test func aClickWithPunctuationDoesTheStepThatNamesTheLabel() {
        let step = WalkthroughAction.click(label: "Manage Organization.", row: "cargo")
        #expect(WalkthroughRule.did(step, by: .click(label: "Manage Organization", row: "Cargo"), on: screen))
        #expect(!WalkthroughRule.did(step, by: .click(label: "Manage Organization", row: "Globex"), on: screen))
        #expect(!WalkthroughRule.did(step, by: .click(label: "Manage Organization"), on: screen))
        #expect(!WalkthroughRule.did(step, by: .fill(label: "Manage Organization", value: "x"), on: screen))
    }

    @Test func aNavigateStepIsDoneByAClickOnItsLabel() {
        let step = WalkthroughAction.navigate(label: "Enterprise Controls")
        #expect(WalkthroughRule.did(step, by: .click(label: "enterprise controls", section: "Sidebar"), on: screen))
        #expect(!WalkthroughRule.did(step, by: .click(label: "Upgrade"), on: screen))
    }

    @Test func aFillStepWithoutALabelMeansTheOnlyTextFieldAndNeedsAValue() {
        let step = WalkthroughAction.fill(label: "", value: "Cargo")
        #expect(WalkthroughRule.did(step, by: .fill(label: "Name", value: "Acme"), on: screen))
        #expect(!WalkthroughRule.did(step, by: .fill(label: "Name", value: "  "), on: screen))
        #expect(!WalkthroughRule.did(step, by: .fill(label: "Other", value: "Acme"), on: screen))
        #expect(WalkthroughRule.targets(of: step, on: screen) == [3])
    }

    @Test func toggleAndSelectStepsWantWhatTheySet() {
        #expect(
            WalkthroughRule.did(
                .toggle(label: "Enabled", on: true), by: .toggle(label: "Enabled", on: true), on: screen))
        #expect(
            !WalkthroughRule.did(
                .toggle(label: "Enabled", on: true), by: .toggle(label: "Enabled", on: false), on: screen))
        #expect(WalkthroughRule.did(.toggle(label: "Enabled"), by: .toggle(label: "Enabled", on: false), on: screen))
        #expect(
            WalkthroughRule.did(
                .select(label: "Role", option: "admin."), by: .select(label: "role", option: "Admin"), on: screen))
        #expect(
            !WalkthroughRule.did(
                .select(label: "Role", option: "Admin"), by: .select(label: "Role", option: "Member"), on: screen))
        #expect(WalkthroughRule.isAlreadySet(.select(label: "Role", option: "Member"), on: screen))
        #expect(WalkthroughRule.isAlreadySet(.toggle(label: "Enabled", on: false), on: screen))
        #expect(!WalkthroughRule.isAlreadySet(.toggle(label: "Enabled", on: true), on: screen))
    }

    @Test func listedMeansAnEqualCellOrLabelNotOneThatContainsIt() {
        #expect(WalkthroughRule.holds(title: nil, listed: "cargo bay.", on: screen))
        #expect(WalkthroughRule.holds(title: nil, listed: "Enterprise Controls", on: screen))
        #expect(!WalkthroughRule.holds(title: nil, listed: "Bay", on: screen), "a part of a cell is not listed")
        #expect(!WalkthroughRule.holds(title: nil, listed: "Globe", on: screen))
        #expect(WalkthroughRule.holds(title: "organization dashboard!", listed: "Globex", on: screen))
        #expect(!WalkthroughRule.holds(title: "Teams", listed: nil, on: screen))
    }

    @Test func aStepIsOnScreenOnlyWhenItsControlIsEnabled() {
        #expect(WalkthroughRule.targets(of: .click(label: "Upgrade"), on: screen) == [6])
        #expect(!WalkthroughRule.isOnScreen(.click(label: "Upgrade"), screen))
        #expect(WalkthroughRule.targets(of: .click(label: "Manage Organization"), on: screen) == [0, 1])
        #expect(WalkthroughRule.isOnScreen(.navigate(label: "Enterprise Controls"), screen))
    }

    @Test func thePageAsksInJSON() {
        func ask(_ question: String) -> String { WalkthroughRule.judge(question: question, on: screen).text }
        #expect(
            ask(
                #"{"did":{"click":"Manage Organization","row":"Cargo"},"action":{"click":"manage organization.","row":"Cargo"}}"#
            )
                == #"{"answer":true}"#)
        #expect(ask(#"{"holds":{"listed":"Bay"}}"#) == #"{"answer":false}"#)
        #expect(ask(#"{"targets":{"fill":"","value":"x"}}"#) == #"{"answer":true,"controls":[3]}"#)
        #expect(ask(#"{"alreadySet":{"select":"Role","option":"Member"}}"#) == #"{"answer":true}"#)
        #expect(ask("not json").contains(#""answer":false"#))
        #expect(WalkthroughRule.judge(question: #"{"holds":{}}"#, on: nil)["answer"] == .bool(false))
    }

    @Test func aScreenReadsBackFromItsJSON() {
        #expect(WalkthroughScreen(jsonText: screen.jsonText) == screen)
        #expect(WalkthroughScreen(jsonText: "[]") == nil)
    }
}
