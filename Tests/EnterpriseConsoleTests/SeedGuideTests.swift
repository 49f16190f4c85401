import EnterpriseConsole
import EnterpriseDomain
import Testing
import WalkthroughContract

extension ConsoleSession {
    /// Performs a guide step that must succeed.
    mutating func step(_ action: ConsoleAction, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try perform(action)
        } catch {
            Issue.record("\(action) failed: \(error.message)", sourceLocation: sourceLocation)
        }
    }

    func has(_ label: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        screen.control(label) != nil
    }
}

/// Seed 000, "Enabling Enterprise Membership in Insomnia", step by step with its own wording.
@Suite struct EnterpriseOnboardingGuideTests {
    @Test func theOnboardingGuideRunsFromUpgradeToManageOrganization() throws {
        var session = try ConsoleSession(startingState: "enterprise-onboarding")
        let initialState = session.state
        // Step 1: "Navigate to your account dashboard." "Click on the Upgrade button".
        #expect(session.screen.title == "Account Dashboard")
        session.step(.click(label: "Upgrade"))
        // Step 2: "enter it in the provided field" — the only text field on the screen.
        #expect(session.screen.controls.filter { $0.kind == .textField }.count == 1)
        session.step(.fill(label: "", value: "ENT-100"))
        // "You should be able to preview the details of the enterprise plan after submitting it."
        session.step(.click(label: "Submit"))
        let details = try #require(session.screen.table("Plan details"))
        #expect(details.rows.contains(["Plan", "Enterprise"]))
        #expect(details.rows.contains(["Seats", "100"]))
        #expect(session.state == initialState)
        // "After applying the activation code, click on Upgrade Subscription."
        session.step(.click(label: "Upgrade Subscription"))
        // "You will be redirected back to the organization dashboard."
        #expect(session.screen.title == "Organization Dashboard")
        #expect(session.state.user(email: "alice@kong.com")?.plan == .enterprise)
        // Step 3: "Click on New Organization", "Enter a name for your organization", "Click on Create Organization".
        session.step(.click(label: "New Organization"))
        #expect(session.screen.controls.filter { $0.kind == .textField }.count == 1)
        session.step(.fill(label: "", value: "Cargo"))
        session.step(.click(label: "Create Organization"))
        // Step 4: "you should see it listed on your dashboard."
        #expect(session.screen.table("Organizations")?.rows.map { $0[0] } == ["Personal Workspace", "Cargo"])
        // Optional: "click on the Manage Organization submenu option next to the organization".
        session.step(.click(label: "Manage Organization", row: "Cargo"))
        // "In the organization setup page, you can invite members and configure ... EE SSO."
        #expect(session.screen.title == "Cargo")
        #expect(session.has("Invite"))
        #expect(session.has("EE SSO"))
    }

    /// Seed 000: "You should be able to preview the details of the enterprise plan after submitting it." Typing a
    /// code shows nothing yet; Submit shows the preview, which enables Upgrade Subscription.
    @Test func thePlanPreviewAppearsOnlyAfterSubmittingTheCode() throws {
        var session = try ConsoleSession(startingState: "enterprise-onboarding")
        session.step(.click(label: "Upgrade"))
        session.step(.fill(label: "Activation code", value: "ENT-100"))
        #expect(session.screen.table("Plan details") == nil)
        #expect(session.screen.control("Upgrade Subscription")?.enabled == false)
        #expect(throws: ConsoleError.self) { try session.perform(.click(label: "Upgrade Subscription")) }
        session.step(.click(label: "Submit"))
        #expect(session.screen.table("Plan details")?.rows.contains(["Seats", "100"]) == true)
        #expect(session.screen.control("Upgrade Subscription")?.enabled == true)
        // Typing another code withdraws the preview until it is submitted in turn.
        session.step(.fill(label: "Activation code", value: "ENT-NEW"))
        #expect(session.screen.table("Plan details") == nil)
        #expect(session.screen.control("Upgrade Subscription")?.enabled == false)
        session.step(.fill(label: "Activation code", value: "ENT-100"))
        session.step(.click(label: "Submit"))
        session.step(.click(label: "Upgrade Subscription"))
        session.step(.click(label: "New Organization"))
        session.step(.fill(label: "Name", value: "Cargo"))
        session.step(.click(label: "Create Organization"))
        session.step(.click(label: "Manage Organization", row: "Cargo"))
        #expect(session.screen.breadcrumbs == ["Dashboard", "Cargo", "Settings"])
    }

    @Test func newerWordingsAreAliasesOfTheSameControls() throws {
        var session = try ConsoleSession(startingState: "enterprise-onboarding")
        session.step(.click(label: "Enter Activation Code"))
        session.step(.fill(label: "activation  CODE", value: "ENT-100"))
        session.step(.click(label: "Verify activation code"))
        #expect(session.screen.table("Plan details") != nil)
    }

    @Test func badCodesShowTheirErrorAndKeepUpgradeDisabled() throws {
        var session = try ConsoleSession(startingState: "enterprise-onboarding")
        session.step(.click(label: "Upgrade"))
        session.step(.fill(label: "Activation code", value: "ENT-USED"))
        // Nothing is judged while typing: the error, like the preview, comes with Submit.
        #expect(session.screen.messages.isEmpty)
        #expect(session.screen.control("Upgrade Subscription")?.enabled == false)
        #expect(throws: ConsoleError.self) { try session.perform(.click(label: "Upgrade Subscription")) }
        do {
            try session.perform(.click(label: "Submit"))
            Issue.record("submitting a used code succeeded")
        } catch {
            #expect(error.domainError == .activationCodeAlreadyUsed)
            #expect(session.screen.messages.first?.text == DomainError.activationCodeAlreadyUsed.message)
        }
        #expect(session.screen.notes.contains { $0.hasPrefix("Simulated:") })
    }

    @Test func anEmptyOrganizationNameIsShownAsAnError() throws {
        var session = try ConsoleSession(startingState: "enterprise-onboarding")
        session.step(.click(label: "Upgrade"))
        session.step(.fill(label: "Activation code", value: "ENT-100"))
        session.step(.click(label: "Submit"))
        session.step(.click(label: "Upgrade Subscription"))
        session.step(.click(label: "New Organization"))
        session.step(.fill(label: "Name", value: "   "))
        #expect(throws: ConsoleError.self) { try session.perform(.click(label: "Create Organization")) }
        #expect(session.screen.title == "New Organization")
        #expect(session.screen.messages.first?.text == DomainError.organizationNameRequired.message)
    }

    @Test func aFreeUserClickingNewOrganizationIsSentToUpgrade() throws {
        var session = try ConsoleSession(startingState: "enterprise-onboarding")
        session.step(.navigate(label: "Organization Dashboard"))
        session.step(.click(label: "New Organization"))
        #expect(session.screen.title == "Upgrade to Enterprise")
    }
}

/// Seed 002, "Enterprise user management", from the enterprise-admin starting state.
@Suite struct EnterpriseUserManagementGuideTests {
    @Test func switchingTeamsFromTheSidebar() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        // "From the sidebar, click the name of the team that you're currently viewing."
        session.step(.click(label: "Kong"))
        // "From the dropdown menu, select the name of the team that you want to switch to."
        session.step(.click(label: "Globex"))
        #expect(session.screen.table("Organizations")?.rows.map { $0[0] } == ["Personal Workspace", "Globex Research"])
        session.step(.click(label: "Globex"))
        session.step(.click(label: "Kong"))
        #expect(
            session.screen.table("Organizations")?.rows.map { $0[0] } == ["Personal Workspace", "Cargo", "Passengers"])
    }

    @Test func teamsAreManagedInEnterpriseControls() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        session.step(.navigate(label: "Enterprise Controls"))
        session.step(.click(label: "Teams"))
        #expect(session.screen.table("Teams")?.rows.map { $0[0] } == ["Flight", "Sales"])
        session.step(.click(label: "Create Team"))
        session.step(.fill(label: "Team name", value: "Ground"))
        session.step(.fill(label: "Description", value: "Ground crew"))
        session.step(.click(label: "Create team"))
        #expect(session.screen.title == "Ground")
        session.step(.select(label: "Org links", option: "Cargo"))
        session.step(.fill(label: "Invite new members", value: "ivy@kong.com"))
        session.step(.select(label: "Role", option: "Admin"))
        session.step(.click(label: "Invite"))
        #expect(session.screen.table("Pending invitations")?.rows == [["ivy@kong.com", "Admin", "2026-03-31"]])
        #expect(session.screen.notes.contains { $0.hasPrefix("Simulated:") })
    }

    @Test func unclaimedAccountsAreReviewedPerDomain() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        // "From Insomnia Enterprise Controls, click Domains in the sidebar."
        session.step(.navigate(label: "Enterprise Controls"))
        session.step(.click(label: "Domains", section: "Sidebar"))
        // "Select your domain."
        session.step(.click(label: "kong.com"))
        // "From the Unclaimed Accounts section, click Manage."
        session.step(.click(label: "Manage"))
        #expect(session.screen.title == "Unclaimed Accounts")
        #expect(session.screen.tables.first?.rows.map { $0[0] } == ["ariel@kong.com", "bob@kong.com", "dan@kong.com"])
        #expect(session.screen.sections.contains { $0.lines.contains { $0.hasPrefix("5 unmanaged users") } })
    }

    @Test func domainCaptureIsTheEnableToggle() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        session.step(.navigate(label: "Enterprise Controls"))
        session.step(.click(label: "Domains"))
        session.step(.click(label: "kong.com"))
        // "Enable the Enable toggle."
        session.step(.toggle(label: "Enable", on: true))
        #expect(session.screen.control("Enable")?.value == "on")
        #expect(session.state.administeredInstance(by: session.userID)?.domains.first?.capture == true)
    }

    @Test func theLicensesTabRemovesUsersAndDownloadsTheLastActiveReport() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        session.step(.navigate(label: "Enterprise Controls"))
        session.step(.click(label: "Licenses"))
        let seats = try #require(session.screen.table("Seats"))
        #expect(seats.rows == [["4", "100", "4", "0", "96"]])
        // "clicking the download button next to Last Active".
        session.step(.click(label: "Last Active"))
        let download = try #require(session.screen.download)
        #expect(download.content.hasPrefix("Email,Last Active\n"))
        #expect(download.content.contains("carol@kong.com,2026-03-01\n"))
        // "remove users from your Enterprise account": they can still log in; their seat is freed.
        session.step(.click(label: "Remove", row: "carol@kong.com"))
        #expect(session.screen.table("Seats")?.rows == [["3", "100", "3", "0", "97"]])
        let carol = session.state.user(email: "carol@kong.com")?.id ?? ""
        #expect(!session.state.hasEnterpriseAccess(carol))
    }

    @Test func anUnknownLabelListsTheLabelsTheScreenHas() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        do {
            try session.perform(.click(label: "Frobnicate"))
            Issue.record("an unknown label succeeded")
        } catch {
            #expect(error.kind == .unknownControl)
            #expect(error.screenTitle == "Organization Dashboard")
            #expect(error.availableLabels.contains("New Organization"))
            #expect(error.availableLabels.contains("Manage Organization"))
            #expect(error.message.contains("Available: "))
        }
    }

    @Test func aRepeatedLabelNeedsARow() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        #expect(throws: ConsoleError.self) { try session.perform(.click(label: "Manage Organization")) }
        session.step(.click(label: "Manage Organization", row: "Passengers"))
        #expect(session.screen.title == "Passengers")
    }

    @Test func anEnterpriseMemberSeesTheCannotCreateAlert() throws {
        var session = try ConsoleSession(startingState: "enterprise-member")
        session.step(.click(label: "New Organization"))
        #expect(session.screen.messages.first?.text.hasPrefix("Cannot create new organization.") == true)
        #expect(!session.has("Enterprise Controls"))
    }
}

/// Screens beyond the two seed guides.
@Suite struct ConsoleScreenTests {
    @Test func typingMoreNewEmailsThanFreeSeatsShowsTheInlineError() throws {
        var state = State.scenarioFixture()
        let alice = state.user(email: "alice@kong.com")?.id ?? ""
        try state.perform(.issueActivationCode(code: "ENT-2", seats: 2, customerID: "small", expiresOn: nil))
        try state.perform(.upgradeSubscription(code: "ENT-2"), by: alice)
        try state.perform(.createOrganization(name: "Cargo"), by: alice)
        var session = ConsoleSession(state: state, userEmail: "alice@kong.com")
        session.step(.click(label: "Manage Organization", row: "Cargo"))
        session.step(.fill(label: "Invite", value: "a@kong.com, b@kong.com"))
        #expect(
            session.screen.messages.contains {
                $0.text == "You cannot invite more people than the seats you have remaining"
            })
        do {
            try session.perform(.click(label: "Invite"))
        } catch {
            #expect(error.domainError == .needsToIncreaseSeats(viewerIsOwner: true))
        }
        session.step(.fill(label: "Invite", value: "a@kong.com"))
        session.step(.click(label: "Invite"))
        #expect(session.screen.table("Pending invitations")?.rows.count == 1)
        session.step(.click(label: "Resend", row: "a@kong.com"))
    }

    @Test func ownersSeeTheEnterpriseBadgeAndMembersDoNot() throws {
        let owner = try ConsoleSession(startingState: "enterprise-admin")
        #expect(owner.screen.sections.contains { $0.title == "Badge" })
        let member = try ConsoleSession(startingState: "enterprise-member")
        #expect(!member.screen.sections.contains { $0.title == "Badge" })
    }

    @Test func unclaimedAccountsExportAsCSV() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        session.step(.navigate(label: "Enterprise Controls"))
        session.step(.click(label: "Domains"))
        session.step(.click(label: "konghq.com"))
        session.step(.click(label: "Manage"))
        session.step(.click(label: "Export CSV"))
        #expect(session.screen.download?.filename == "unmanaged-users-konghq.com-2026-03-01.csv")
    }

    @Test func storageRulesShowTheBannerOnTheOrganizationPage() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        session.step(.navigate(label: "Enterprise Controls"))
        session.step(.click(label: "Storage"))
        session.step(.click(label: "Edit", row: "Organizations"))
        session.step(.toggle(label: "Cloud Sync", on: false))
        session.step(.click(label: "Save"))
        session.step(.navigate(label: "Dashboard"))
        session.step(.click(label: "Manage Organization", row: "Cargo"))
        #expect(
            session.screen.banner
                == "The organization owner mandates that projects must be created and stored using Local Vault and Git Sync."
        )
        #expect(session.screen.control("Storage type")?.options == ["Local Vault", "Git Sync"])
    }

    @Test func ssoAndScimRunFromEnterpriseControls() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        session.step(.navigate(label: "Enterprise Controls"))
        session.step(.click(label: "SCIM"))
        #expect(session.screen.control("Bearer Token")?.value == "off")
        #expect(throws: ConsoleError.self) { try session.perform(.toggle(label: "Bearer Token", on: true)) }
        session.step(.click(label: "SSO"))
        session.step(.click(label: "Create Connection"))
        session.step(.fill(label: "Domain", value: "kong.com"))
        session.step(.click(label: "Create connection"))
        #expect(session.screen.messages.first?.text == "Your SAML connection has been successfully updated.")
        session.step(.click(label: "SCIM"))
        session.step(.toggle(label: "Bearer Token", on: true))
        let token = session.screen.messages.first?.text ?? ""
        #expect(token.hasPrefix("Copy your bearer token now. It is shown only once: "))
        session.step(.click(label: "Licenses"))
        session.step(.click(label: "SCIM"))
        #expect(!session.screen.messages.contains { $0.text == token })
        #expect(!session.screenJSON().contains("token-1"))
    }
}

/// Every bold UI label of the two seed guides, on the screen where the guide uses it.
@Suite struct SeedLabelTests {
    static let cases: [(state: String, path: [ConsoleAction], labels: [String])] = [
        ("enterprise-onboarding", [], ["Upgrade"]),
        ("enterprise-onboarding", [.click(label: "Upgrade")], ["Activation code", "Upgrade Subscription"]),
        (
            "enterprise-onboarding",
            [
                .click(label: "Upgrade"), .fill(label: "", value: "ENT-100"), .click(label: "Submit"),
                .click(label: "Upgrade Subscription"),
            ],
            ["New Organization", "Manage Organization", "Enterprise Controls"]
        ),
        (
            "enterprise-onboarding",
            [
                .click(label: "Upgrade"), .fill(label: "", value: "ENT-100"), .click(label: "Submit"),
                .click(label: "Upgrade Subscription"),
                .click(label: "New Organization"),
            ],
            ["Name", "Create Organization"]
        ),
        ("enterprise-admin", [], ["Enterprise Controls", "Manage Organization", "Kong"]),
        (
            "enterprise-admin", [.navigate(label: "Enterprise Controls")],
            ["Teams", "Licenses", "Domains", "Enterprise Controls"]
        ),
        (
            "enterprise-admin", [.navigate(label: "Enterprise Controls"), .click(label: "Licenses")],
            ["Last Active", "Remove"]
        ),
        (
            "enterprise-admin",
            [.navigate(label: "Enterprise Controls"), .click(label: "Domains"), .click(label: "kong.com")],
            ["Manage", "Enable", "Lock"]
        ),
    ]

    @Test(arguments: 0..<cases.count)
    func boldLabelsExistWhereTheGuidesUseThem(_ index: Int) throws {
        let testCase = Self.cases[index]
        var session = try ConsoleSession(startingState: testCase.state)
        for action in testCase.path { try session.perform(action) }
        for label in testCase.labels {
            #expect(session.screen.control(label) != nil, "\(label) missing on \(session.screen.title)")
        }
    }

    @Test func theUnclaimedAccountsSectionHoldsManage() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        try session.perform(.navigate(label: "Insomnia dashboard"))
        try session.perform(.navigate(label: "Enterprise Controls"))
        try session.perform(.click(label: "Domains"))
        try session.perform(.click(label: "kong.com"))
        try session.perform(.click(label: "Manage", section: "Unclaimed Accounts"))
        #expect(session.screen.title == "Unclaimed Accounts")
        try session.perform(.navigate(label: "Enterprise Controls"))
        #expect(session.screen.title == "Teams")
    }
}

/// The console side of co-owner removal, report periods, the Git Sync limit and SCIM teams.
@Suite struct LateRuleConsoleTests {
    @Test func aCoOwnerIsRemovedWithKeepAsAMemberOrRemoveFromOrganizations() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        session.step(.navigate(label: "Enterprise Controls"))
        session.step(.click(label: "Co-owners"))
        session.step(.fill(label: "Email", value: "carol@kong.com"))
        session.step(.click(label: "Invite"))
        #expect(session.screen.control("Keep as a member", row: "carol@kong.com") != nil)
        #expect(session.screen.control("Remove from organizations", row: "carol@kong.com") != nil)
        session.step(.click(label: "Remove from organizations", row: "carol@kong.com"))
        #expect(session.screen.messages.first?.text == "carol@kong.com is no longer a co-owner.")
        #expect(session.screen.control("Keep as a member") == nil)
        #expect(session.state.org(named: "Cargo")?.directMembers.count == 1)
    }

    @Test func theLastActiveReportDownloadsForTheChosenPeriod() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        session.step(.navigate(label: "Enterprise Controls"))
        session.step(.click(label: "Licenses"))
        #expect(
            session.screen.control("Period")?.options == ["All time", "Last 7 days", "Last 30 days", "Last 90 days"])
        session.step(.click(label: "Advance clock 30 days"))
        session.step(.select(label: "Period", option: "Last 7 days"))
        session.step(.click(label: "Last Active"))
        #expect(session.screen.download?.content == "Email,Last Active\n")
        session.step(.select(label: "Period", option: "Last 30 days"))
        session.step(.click(label: "Last Active"))
        #expect(session.screen.download?.content.split(separator: "\n").count == 5)
    }

    @Test func scimGroupsAreProvisionedAsTeamsFromTheSimulationSection() throws {
        var session = try ConsoleSession(startingState: "enterprise-admin")
        session.step(.navigate(label: "Enterprise Controls"))
        session.step(.click(label: "SSO"))
        session.step(.click(label: "Create Connection"))
        session.step(.fill(label: "Domain", value: "kong.com"))
        session.step(.click(label: "Create connection"))
        session.step(.click(label: "SCIM"))
        session.step(.toggle(label: "Bearer Token", on: true))
        session.step(.fill(label: "IdP group", value: "Ops"))
        session.step(.fill(label: "Group members", value: "carol@kong.com, zoe@kong.com"))
        session.step(.click(label: "Provision team"))
        #expect(session.screen.messages.first?.text == "Provisioned team Ops.")
        let ops = session.state.teamID(named: "Ops")
        #expect(session.state.team(ops)?.members.count == 2)
        session.step(.fill(label: "IdP group", value: "Ops"))
        session.step(.click(label: "Delete group"))
        #expect(session.state.team(ops) == nil)
    }

    @Test func anEssentialsOrganizationOfMoreThanThreeUsersWarnsAboutGitSync() throws {
        var state = State.scenarioFixture()
        let alice = state.user(email: "alice@kong.com")?.id ?? ""
        let personal = state.user(alice)?.personalOrgID ?? ""
        for email in ["p1@kong.com", "p2@kong.com", "p3@kong.com"] {
            _ = try? state.perform(.signUp(email: email, method: .email))
            _ = try? state.perform(.invite(emails: [email], to: .organization(personal), role: .member), by: alice)
            if let id = state.invitations.last?.id { _ = try? state.perform(.acceptInvitation(id)) }
        }
        var session = ConsoleSession(state: state, userEmail: "alice@kong.com")
        session.step(.click(label: "Manage Organization", row: "Personal Workspace"))
        #expect(session.screen.messages.contains { $0.text == "Git Sync limited to organizations of 3 or fewer users" })
    }
}
