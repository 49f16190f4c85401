import EnterpriseConsole
import Foundation
import Testing
import WalkthroughContract

@testable import DocentSite

/// The console's screens drawn as an admin app (the static rendering; walkthrough.js draws the same markup, which
/// the browser suite compares): a sidebar with the team switcher's dropdown menu, a header, sections holding their
/// controls, row actions named with their row and in a submenu where the guide says so, buttons by role, and the
/// simulation's own controls and notes in a separate drawer.
@Suite struct ScreenLayoutTests {
    func html(_ session: ConsoleSession, highlight: WalkthroughAction? = nil) -> String {
        var out = ""
        ScreenHTML(highlight: highlight).render(session.screen.view, into: &out)
        return out
    }

    /// The markup between the first `open` and the matching text `close` after it.
    func part(_ html: String, from open: String, to close: String) -> String? {
        guard let start = html.range(of: open), let end = html.range(of: close, range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func theDashboardHasASidebarWithTheTeamSwitcherAsADropdownMenu() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        let closed = html(session)
        let sidebar = try #require(part(closed, from: "<nav class=\"docent-app-sidebar\"", to: "</nav>"))
        #expect(sidebar.contains("aria-haspopup=\"menu\" aria-expanded=\"false\""))
        #expect(sidebar.contains("data-label=\"Kong\""))
        #expect(sidebar.contains("data-label=\"Enterprise Controls\""))
        #expect(!closed.contains("role=\"menu\" aria-label=\"Kong\""))
        try session.perform(.click(label: "Kong"))
        let open = html(session)
        let menu = try #require(
            part(open, from: "<div class=\"docent-menu\" role=\"menu\" aria-label=\"Kong\">", to: "</div>"))
        #expect(menu.contains("role=\"menuitem\""))
        #expect(menu.contains("data-label=\"Globex\""))
        #expect(try #require(part(open, from: "<nav class=\"docent-app-sidebar\"", to: "</nav>")).contains(menu))
    }

    @Test func rowActionsCarryTheirRowAndTheSubmenuHoldsManageOrganization() throws {
        let session = try ConsoleSession(startingState: "enterprise-admin")
        let page = html(session, highlight: .click(label: "Manage Organization", row: "Passengers"))
        let cargo = try #require(part(page, from: "<tr><td>Cargo</td>", to: "</tr>"))
        #expect(cargo.contains("aria-label=\"Manage Organization Cargo\""))
        #expect(cargo.contains("role=\"menuitem\""))
        #expect(cargo.contains("aria-label=\"Actions for Cargo\""))
        // Closed, but the menu of the step's row is open, so its highlighted item shows.
        #expect(cargo.contains("aria-expanded=\"false\""))
        #expect(cargo.contains(" hidden>"))
        let passengers = try #require(part(page, from: "<tr><td>Passengers</td>", to: "</tr>"))
        #expect(passengers.contains("aria-expanded=\"true\""))
        #expect(!passengers.contains(" hidden>"))
        #expect(passengers.contains("docent-highlight"))
    }

    @Test func buttonsAreStyledByRoleWithOnePrimaryPerScreen() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        #expect(html(session).components(separatedBy: "docent-role-primary").count - 1 == 1)
        #expect(html(session).contains("docent-role-primary\" data-kind=\"button\" data-label=\"New Organization\""))
        try session.perform(.navigate(label: "Enterprise Controls"))
        try session.perform(.click(label: "Licenses"))
        let licenses = html(session)
        #expect(licenses.contains("docent-role-danger\" data-kind=\"button\" data-label=\"Remove\""))
        #expect(licenses.components(separatedBy: "docent-role-primary").count - 1 <= 1)
    }

    @Test func everyScreenOfTheSeedsHasAtMostOnePrimaryAction() throws {
        for state in ConsoleSession.startingStates {
            let session = try ConsoleSession(startingState: state)
            #expect(session.screen.controls.filter { $0.role == .primary }.count <= 1, "\(state)")
        }
        var session = try ConsoleSession(startingState: "enterprise-admin")
        try session.perform(.navigate(label: "Enterprise Controls"))
        for page in ["Teams", "Licenses", "Domains", "Storage", "SSO", "SCIM", "Co-owners"] {
            try session.perform(.click(label: page))
            #expect(session.screen.controls.filter { $0.role == .primary }.count <= 1, "\(page)")
        }
    }

    @Test func aSectionHoldsItsOwnControls() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        try session.perform(.navigate(label: "Enterprise Controls"))
        try session.perform(.click(label: "Domains"))
        try session.perform(.click(label: "kong.com"))
        let page = html(session)
        let section = try #require(
            part(page, from: "<section class=\"docent-screen-section\"><h4>Unclaimed Accounts</h4>", to: "</section>"))
        #expect(section.contains("data-label=\"Manage\""))
        let capture = try #require(
            part(page, from: "<section class=\"docent-screen-section\"><h4>Domain Capture</h4>", to: "</section>"))
        #expect(capture.contains("data-label=\"Enable\""))
    }

    @Test func simulationControlsAndNotesAreInTheDrawerOutsideTheProduct() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        try session.perform(.navigate(label: "Enterprise Controls"))
        try session.perform(.click(label: "Licenses"))
        let page = html(session)
        let app = try #require(
            part(page, from: "<div class=\"docent-app\">", to: "<details class=\"docent-simulation\">"))
        #expect(!app.contains("Advance clock"))
        #expect(!app.contains("Simulated:"))
        let drawer = try #require(
            part(page, from: "<details class=\"docent-simulation\"><summary>Simulation</summary>", to: "</details>"))
        #expect(drawer.contains("data-label=\"Advance clock 30 days\""))
        #expect(drawer.contains("Simulated: "))
    }

    @Test func theBadgeIsInTheHeader() throws {
        let session = try ConsoleSession(startingState: "enterprise-admin")
        let header = try #require(part(html(session), from: "<header class=\"docent-app-header\">", to: "</header>"))
        #expect(header.contains("<span class=\"docent-app-badge\">Enterprise</span>"))
        #expect(!html(session).contains("<h4>Badge</h4>"))
    }
}

/// A toggle the guides call a checkbox ("select the checkbox to confirm…") is drawn as one.
@Suite struct ScreenCheckboxTests {
    @Test func theTXTRecordConfirmationIsACheckbox() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        try session.perform(.navigate(label: "Enterprise Controls"))
        try session.perform(.click(label: "Domains"))
        try session.perform(.click(label: "New Domain"))
        try session.perform(.fill(label: "Domain", value: "example.com"))
        try session.perform(.click(label: "Create Domain"))
        var html = ""
        ScreenHTML(highlight: nil).render(session.screen.view, into: &html)
        #expect(
            html.contains(
                "role=\"checkbox\" aria-checked=\"false\" class=\"docent-control docent-toggle docent-checkbox\""))
        #expect(
            html.contains(
                "role=\"switch\" aria-checked=\"false\" class=\"docent-control docent-toggle\" data-kind=\"toggle\" data-label=\"Enable\""
            ))
    }
}
