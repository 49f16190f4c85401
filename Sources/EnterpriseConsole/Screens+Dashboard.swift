import EnterpriseDomain
import WalkthroughContract

/// Account dashboard, activation code entry, organization dashboard, new organization form (SEED-000).
extension ConsoleSession {
    func build() -> Screen {
        switch route {
        case .accountDashboard: return accountDashboard()
        case .activation: return activationScreen()
        case .organizationDashboard: return organizationDashboard()
        case .newOrganization: return newOrganizationForm()
        case .organization(let id): return organizationSetup(id)
        case .teams: return teamsScreen()
        case .newTeam: return newTeamForm()
        case .team(let id): return teamScreen(id)
        case .licenses: return licensesScreen()
        case .domains: return domainsScreen()
        case .newDomain: return newDomainForm()
        case .domain(let name): return domainScreen(name)
        case .unclaimedAccounts(let name): return unclaimedAccountsScreen(name)
        case .storage: return storageScreen()
        case .storageEdit(let scope): return storageEditScreen(scope)
        case .sso: return ssoScreen()
        case .newSSOConnection: return newSSOConnectionForm()
        case .scim: return scimScreen()
        case .coOwners: return coOwnersScreen()
        }
    }

    func accountDashboard() -> Screen {
        var screen = Screen(title: "Account Dashboard", breadcrumbs: ["Account"])
        guard let user else { return screen }
        screen.text("Account", ["Email: \(user.email)", "Plan: \(user.plan.displayName)"])
        if let upgrade = state.upgradeAffordance(userID) { screen.button(upgrade, role: .primary, .openUpgrade) }
        screen.table(
            "Organizations", columns: ["Name"], rows: state.dashboardOrganizations(userID).mapped { [$0.name] })
        screen.link("Organization Dashboard", section: WalkthroughScreen.sidebar, .go(.organizationDashboard))
        if user.plan == .free || user.plan == .individual {
            screen.simulated("plan names follow the app's plan types: Free is shown as Essentials.")
        }
        return screen
    }

    func activationScreen() -> Screen {
        var screen = Screen(title: "Upgrade to Enterprise", breadcrumbs: ["Account", "Upgrade"])
        screen.text(
            "Activation code",
            [
                "If you have an enterprise activation code, enter it in the field below.",
                "If you don't have an activation code, contact the sales team to obtain one.",
            ])
        screen.field("Activation code", value: draft(DraftKey.activationCode), DraftKey.activationCode)
        screen.button("Submit", .submitActivationCode)
        if let preview {
            var rows = [["Plan", preview.plan], ["Seats", String(preview.seats)], ["Activation code", preview.code]]
            if preview.isSeatChange, let instance = administered {
                rows.append(["Current seats", String(instance.seatTotal)])
            }
            screen.table("Plan details", columns: ["Detail", "Value"], rows: rows)
        }
        screen.button("Upgrade Subscription", enabled: preview != nil, role: .primary, .upgradeSubscription)
        screen.link("Cancel", .go(.accountDashboard))
        screen.simulated(
            "submitting a code only previews it; Upgrade Subscription consumes it. The preview's contents and the errors for unknown, expired and superseded codes are not documented."
        )
        return screen
    }

    /// The orgs of the team instance being viewed, plus the user's own Personal Workspace.
    func visibleOrganizations() -> [Organization] {
        state.dashboardOrganizations(userID).filtered { org in
            org.instanceID == nil || Text.equal(org.instanceID, viewedInstance)
        }
    }

    func organizationDashboard() -> Screen {
        var screen = Screen(title: "Organization Dashboard", breadcrumbs: ["Dashboard"])
        let instances = state.licensedInstances(of: userID)
        if let current = instances.firstWhere({ Text.equal($0.id, viewedInstance) }) {
            if let role = state.accountRole(of: userID, in: current.id), role != .billingOnly {
                screen.text("Badge", ["Enterprise"])
            }
            screen.button(
                current.name, section: WalkthroughScreen.sidebar, value: "Switch team", role: .menu, .openTeamSwitcher)
            if switcherOpen {
                for other in instances where !Text.equal(other.id, current.id) {
                    screen.button(other.name, section: "Team switcher", role: .menuItem, .switchInstance(other.id))
                }
            }
        }
        let orgs = visibleOrganizations()
        screen.table(
            "Organizations", columns: ["Name", "Type", "Role"],
            rows: orgs.mapped { org in
                [org.name, org.type.rawName, (state.effectiveRole(of: userID, in: org) ?? .member).displayName]
            })
        for (org, row) in zip(orgs, ConsoleSession.rowNames(orgs)) {
            screen.button(
                "Manage Organization", row: row, section: "Organizations", role: .menuItem, .go(.organization(org.id)))
        }
        screen.button("New Organization", role: .primary, .newOrganization)
        if let instance = administered, Text.equal(instance.id, viewedInstance) {
            screen.link("Enterprise Controls", section: WalkthroughScreen.sidebar, .go(.teams))
        }
        if let upgrade = state.upgradeAffordance(userID) { screen.button(upgrade, .openUpgrade) }
        screen.link("Account", section: WalkthroughScreen.sidebar, .go(.accountDashboard))
        if instances.count > 1 {
            screen.simulated("Team instances are named after the Owner's email domain.")
        }
        return screen
    }

    func newOrganizationForm() -> Screen {
        var screen = Screen(title: "New Organization", breadcrumbs: ["Dashboard", "New Organization"])
        screen.field("Name", value: draft(DraftKey.organizationName), DraftKey.organizationName)
        screen.button("Create Organization", role: .primary, .createOrganization)
        screen.link("Cancel", .go(.organizationDashboard))
        screen.simulated(
            "organization name rules are not documented: the name is trimmed, must not be empty, keeps its casing and may repeat."
        )
        return screen
    }
}
