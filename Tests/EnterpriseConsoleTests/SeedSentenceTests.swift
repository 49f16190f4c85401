import EnterpriseConsole
import EnterpriseDomain
import Testing
import WalkthroughContract

/// Every sentence of the two seed guides (../shared/seeds/000 and 002) that the simulation could contradict, each
/// quoted as its test's name and checked against the console, not only the ones a walkthrough step runs. Sentences
/// about the world outside the product (the sales team's page, the IT department, SCIM's own page) are left out.
@Suite struct SeedSentenceTests {
    /// Seed 000 from the start up to and including `steps`, each of which must succeed.
    static func onboarding(_ steps: [ConsoleAction]) throws -> ConsoleSession {
        var session = try ConsoleSession(startingState: "enterprise-onboarding")
        for step in steps { try session.perform(step) }
        return session
    }

    static let upgraded: [ConsoleAction] = [
        .click(label: "Upgrade"), .fill(label: "", value: "ENT-100"), .click(label: "Submit"),
        .click(label: "Upgrade Subscription"),
    ]
    static let created: [ConsoleAction] =
        upgraded + [
            .click(label: "New Organization"), .fill(label: "", value: "Cargo"), .click(label: "Create Organization"),
        ]

    // MARK: Seed 000, "Enabling Enterprise Membership in Insomnia"

    @Test("000: Navigate to your account dashboard.") func accountDashboard() throws {
        #expect(try Self.onboarding([]).screen.title == "Account Dashboard")
    }

    @Test("000: Click on the **Upgrade** button to initiate the upgrade process.") func upgradeIsAButton() throws {
        var session = try Self.onboarding([])
        #expect(session.screen.control("Upgrade")?.kind == .button)
        try session.perform(.click(label: "Upgrade"))
        #expect(session.screen.title == "Upgrade to Enterprise")
    }

    @Test("000: If you have an enterprise activation code, enter it in the provided field.") func oneProvidedField()
        throws
    {
        let session = try Self.onboarding([.click(label: "Upgrade")])
        #expect(session.screen.controls.filter { $0.kind == .textField }.map(\.label) == ["Activation code"])
    }

    @Test("000: You should be able to preview the details of the enterprise plan after submitting it.")
    func previewAfterSubmitting() throws {
        var session = try Self.onboarding([.click(label: "Upgrade"), .fill(label: "", value: "ENT-100")])
        #expect(session.screen.table("Plan details") == nil)
        try session.perform(.click(label: "Submit"))
        #expect(session.screen.table("Plan details")?.rows.contains(["Plan", "Enterprise"]) == true)
    }

    @Test("000: If you don't have an activation code, contact the sales team to obtain one.") func noCodeNoUpgrade()
        throws
    {
        let session = try Self.onboarding([.click(label: "Upgrade")])
        #expect(session.screen.sections.contains { $0.lines.contains { $0.contains("contact the sales team") } })
        #expect(session.screen.control("Upgrade Subscription")?.enabled == false)
    }

    @Test("000: After applying the activation code, click on **Upgrade Subscription**.") func upgradeAfterApplying()
        throws
    {
        var session = try Self.onboarding([.click(label: "Upgrade"), .fill(label: "", value: "ENT-100")])
        #expect(throws: ConsoleError.self) { try session.perform(.click(label: "Upgrade Subscription")) }
        try session.perform(.click(label: "Submit"))
        try session.perform(.click(label: "Upgrade Subscription"))
        #expect(session.state.user(email: "alice@kong.com")?.plan == .enterprise)
    }

    @Test("000: You will be redirected back to the organization dashboard.") func redirected() throws {
        #expect(try Self.onboarding(Self.upgraded).screen.title == "Organization Dashboard")
    }

    @Test("000: Click on **New Organization** to start setting up your enterprise-enabled organization.")
    func enterpriseEnabledOrganization() throws {
        let session = try Self.onboarding(Self.created)
        #expect(session.state.org(named: "Cargo")?.type == .enterprise)
    }

    @Test("000: Enter a name for your organization.") func oneNameField() throws {
        let session = try Self.onboarding(Self.upgraded + [.click(label: "New Organization")])
        #expect(session.screen.controls.filter { $0.kind == .textField }.count == 1)
    }

    @Test("000: After creating your organization, you should see it listed on your dashboard.") func listed() throws {
        let session = try Self.onboarding(Self.created)
        #expect(session.screen.title == "Organization Dashboard")
        #expect(session.screen.table("Organizations")?.rows.contains { $0.first == "Cargo" } == true)
    }

    @Test("000: click on the **Manage Organization** submenu option next to the organization you wish to configure.")
    func manageIsARowSubmenuItem() throws {
        let session = try Self.onboarding(Self.created)
        let manage = try #require(session.screen.control("Manage Organization", row: "Cargo"))
        #expect(manage.role == .menuItem)
        #expect(session.screen.controls.filter { $0.label == "Manage Organization" }.allSatisfy { $0.row != nil })
    }

    @Test(
        "000: In the organization setup page, you can invite members and configure additional settings, such as EE SSO."
    )
    func setupPage() throws {
        let session = try Self.onboarding(Self.created + [.click(label: "Manage Organization", row: "Cargo")])
        #expect(session.screen.breadcrumbs.last == "Settings")
        #expect(session.screen.control("Invite") != nil)
        #expect(session.screen.control("EE SSO") != nil)
    }

    // MARK: Seed 002, "Enterprise user management"

    @Test("002: From the sidebar, click the name of the team that you're currently viewing.") func teamNameInSidebar()
        throws
    {
        let session = try ConsoleSession(startingState: "enterprise-admin")
        let kong = try #require(session.screen.control("Kong"))
        #expect(kong.section == WalkthroughScreen.sidebar)
        #expect(kong.role == .menu)
    }

    @Test("002: From the dropdown menu, select the name of the team that you want to switch to.")
    func otherTeamsInTheDropdown() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        #expect(session.screen.control("Globex") == nil)
        try session.perform(.click(label: "Kong"))
        let globex = try #require(session.screen.control("Globex"))
        #expect(globex.role == .menuItem)
        // The menu's items follow its button: no other control comes between them.
        let controls = session.screen.controls
        let kong = try #require(controls.firstIndex { $0.label == "Kong" })
        #expect(controls[kong + 1].label == "Globex")
    }

    @Test("002: If you have access to multiple team instances, you can switch between them.") func oneInstanceNoOther()
        throws
    {
        var session = try Self.onboarding(Self.upgraded)
        try session.perform(.click(label: "Kong"))
        #expect(!session.screen.controls.contains { $0.role == .menuItem && $0.row == nil })
    }

    @Test("002: Roles are defined on the team level: the same role in all linked organizations.") func teamRoles()
        throws
    {
        let session = try ConsoleSession(startingState: "enterprise-admin")
        let erin = try #require(session.state.user(email: "erin@kong.com"))
        let roles = ["Cargo", "Passengers"].compactMap { name in
            session.state.org(named: name).flatMap { session.state.effectiveRole(of: erin.id, in: $0) }
        }
        #expect(roles == [.admin, .admin])
    }

    @Test("002: These users will still be able to log in, but without Enterprise data, and their seat will be freed.")
    func removedUsersStillLogIn() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        try session.perform(.navigate(label: "Enterprise Controls"))
        try session.perform(.click(label: "Licenses"))
        let carol = try #require(session.state.user(email: "carol@kong.com"))
        try session.perform(.click(label: "Remove", row: "carol@kong.com"))
        #expect(!session.state.hasEnterpriseAccess(carol.id))
        var state = session.state
        #expect((try? state.perform(.logIn(carol.id, method: .email))) != nil)
    }

    @Test("002: Removing a user from an organization is not enough to free their seat.") func orgRemovalKeepsTheSeat()
        throws
    {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        let instance = try #require(session.state.administeredInstanceID(by: session.userID))
        let before = session.state.licenseUsage(instance).free
        try session.perform(.click(label: "Manage Organization", row: "Cargo"))
        try session.perform(.click(label: "Remove", row: "carol@kong.com"))
        #expect(session.state.licenseUsage(instance).free == before)
    }

    @Test("002: clicking the download button next to **Last Active** in the Licenses page.") func lastActiveDownload()
        throws
    {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        try session.perform(.navigate(label: "Enterprise Controls"))
        try session.perform(.click(label: "Licenses"))
        #expect(session.screen.control("Last Active")?.section == "Licenses")
        try session.perform(.click(label: "Last Active"))
        // "This report contains the date at which each user last opened Insomnia."
        #expect(session.screen.download?.content.hasPrefix("Email,Last Active\n") == true)
    }
}
