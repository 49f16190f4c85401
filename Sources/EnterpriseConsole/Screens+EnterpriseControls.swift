import EnterpriseDomain
import WalkthroughContract

/// Enterprise Controls: Teams, Licenses, Domains, Storage, SSO, SCIM and Co-owners (seed 002, DEV-onb).
extension ConsoleSession {
    /// A page of Enterprise Controls with its sidebar.
    func controlsPage(_ title: String, _ trail: [String]) -> Screen {
        var screen = Screen(title: title, breadcrumbs: ["Enterprise Controls"] + trail)
        screen.link("Enterprise Controls", section: "Breadcrumbs", .go(.teams))
        let pages: [(String, Route)] = [
            ("Teams", .teams), ("Licenses", .licenses), ("Domains", .domains), ("Storage", .storage), ("SSO", .sso),
            ("SCIM", .scim), ("Co-owners", .coOwners),
        ]
        for (label, route) in pages { screen.link(label, section: WalkthroughScreen.sidebar, .go(route)) }
        screen.link("Dashboard", section: WalkthroughScreen.sidebar, .go(.organizationDashboard))
        return screen
    }

    func notAllowed(_ title: String) -> Screen {
        var screen = controlsPage(title, [title])
        screen.message(.error, "Only the Owner or a Co-owner of an Enterprise account can open Enterprise Controls.")
        return screen
    }

    // MARK: Teams (TEAM-1..8)

    func teamsScreen() -> Screen {
        guard let instance = administered else { return notAllowed("Teams") }
        var screen = controlsPage("Teams", ["Teams"])
        screen.table(
            "Teams", section: "Teams", columns: ["Name", "Description", "Members", "Organizations"],
            rows: instance.teams.mapped { team in
                [
                    team.name, team.description, String(team.members.count),
                    team.linkedOrgs.compactMapped { state.org($0)?.name }.joined(separator: ", "),
                ]
            })
        for team in instance.teams { screen.link(team.name, row: team.name, section: "Teams", .go(.team(team.id))) }
        screen.button("Create Team", role: .primary, .go(.newTeam))
        return screen
    }

    func newTeamForm() -> Screen {
        var screen = controlsPage("Create Team", ["Teams", "Create Team"])
        screen.field("Team name", value: draft(DraftKey.teamName), DraftKey.teamName)
        screen.field("Description", value: draft(DraftKey.teamDescription), DraftKey.teamDescription)
        screen.button("Create team", role: .primary, .createTeam)
        screen.link("Cancel", .go(.teams))
        return screen
    }

    func teamScreen(_ teamID: TeamID) -> Screen {
        guard let instance = administered, let team = instance.teams.firstWhere({ Text.equal($0.id, teamID) }) else {
            return notAllowed("Team")
        }
        var screen = controlsPage(team.name, ["Teams", team.name])
        screen.text("Team", [team.description])
        let members = team.members.compactMapped { member in state.user(member.userID).map { (member, $0) } }
        screen.table(
            "Members", section: "Members", columns: ["Email", "Role"],
            rows: members.mapped { [$0.1.email, $0.0.role.displayName] })
        for (member, user) in members {
            screen.button(
                "Remove", row: user.email, section: "Members", role: .danger,
                .command(
                    .removeFromTeam(member.userID, team: teamID),
                    success: "Removed \(user.email) from \(team.name). Their seat stays in use."))
        }
        let pending = pendingInvitations(.team(teamID), on: &screen)
        invitationControls(pending, to: .team(teamID), fieldLabel: "Invite new members", resend: false, on: &screen)

        let linked = team.linkedOrgs.compactMapped { state.org($0) }
        screen.table("Org links", section: "Org links", columns: ["Organization"], rows: linked.mapped { [$0.name] })
        for org in linked {
            screen.button(
                "Unlink", row: org.name, section: "Org links", role: .danger,
                .command(.unlinkTeam(teamID, org: org.id), success: "Unlinked \(org.name)."))
        }
        let unlinked = state.orgs.filtered {
            Text.equal($0.instanceID, instance.id) && !team.linkedOrgs.containsText($0.id)
        }
        screen.select(
            "Org links", options: unlinked.mapped { $0.name }, value: nil, section: "Org links", .linkTeam(teamID))

        screen.field("Team name", value: drafts[DraftKey.teamName] ?? team.name, section: "Settings", DraftKey.teamName)
        screen.button("Rename", section: "Settings", .renameTeam(teamID))
        screen.button("Delete Team", section: "Settings", role: .danger, .deleteTeam(teamID))
        screen.simulated(
            "a member reaching an organization through several teams gets the highest role; the docs do not say which role wins."
        )
        return screen
    }

    // MARK: Licenses (LIC, RPT)

    func licensesScreen() -> Screen {
        guard let instance = administered else { return notAllowed("Licenses") }
        var screen = controlsPage("Licenses", ["Licenses"])
        let usage = state.licenseUsage(instance.id)
        screen.table(
            "Seats", columns: ["Used", "Total", "Members", "Pending invites", "Free"],
            rows: [
                [
                    String(usage.used), String(usage.total), String(usage.memberCount), String(usage.inviteCount),
                    String(usage.free),
                ]
            ])
        var rows: [[String]] = []
        for id in instance.licenses {
            guard let user = state.user(id) else { continue }
            let role = state.accountRole(of: id, in: instance.id)?.displayName ?? "Member"
            rows.append([user.email, role, state.lastActiveCell(user, on: state.today)])
        }
        for email in state.seatHoldingInviteEmails(in: instance.id) { rows.append([email, "Pending invite", ""]) }
        screen.table("Licenses", section: "Licenses", columns: ["Email", "Role", "Last Active"], rows: rows)
        screen.select(
            "Period", options: ConsoleSession.reportPeriods, value: drafts[DraftKey.reportPeriod] ?? "All time",
            section: "Licenses", .choice(DraftKey.reportPeriod))
        screen.button("Last Active", section: "Licenses", value: "Download CSV", .downloadReport(instance.id))
        for id in instance.licenses where !Text.equal(id, instance.ownerID) {
            guard let user = state.user(id) else { continue }
            screen.button(
                "Remove", row: user.email, section: "Licenses", role: .danger,
                .command(
                    .removeLicense(id),
                    success:
                        "Removed \(user.email). They can still log in, without access to Enterprise data; their seat is free."
                ))
        }
        screen.text(
            "Unmanaged users", ["\(state.unmanagedTotal(instance.id)) unmanaged users across all verified domains."])
        screen.button("Advance clock 30 days", section: WalkthroughScreen.simulation, .advanceClock(30))
        screen.simulated(
            "in the report, a user last active 91 to 100 days ago has an empty Last Active field; only licensed users are listed, sorted by email; a period lists only users active within it."
        )
        return screen
    }

    // MARK: Domains (DOM)

    func domainsScreen() -> Screen {
        guard let instance = administered else { return notAllowed("Domains") }
        var screen = controlsPage("Domains", ["Domains"])
        screen.table(
            "Domains", section: "Domains", columns: ["Domain", "Status", "Capture", "Lock", "Unclaimed accounts"],
            rows: instance.domains.mapped { domain in
                [
                    domain.name, domain.verified ? "Verified" : "Unverified", domain.capture ? "On" : "Off",
                    domain.lock ? "On" : "Off", String(state.unclaimedAccounts(domain.name).count),
                ]
            })
        for domain in instance.domains {
            screen.link(domain.name, row: domain.name, section: "Domains", .go(.domain(domain.name)))
        }
        screen.button("New Domain", role: .primary, .go(.newDomain))
        screen.text(
            "Unmanaged users", ["\(state.unmanagedTotal(instance.id)) unmanaged users across all verified domains."])
        return screen
    }

    func newDomainForm() -> Screen {
        var screen = controlsPage("New Domain", ["Domains", "New Domain"])
        let methods = [VerificationMethod.uniqueRecord.displayName, VerificationMethod.rootDomainRecord.displayName]
        screen.select(
            "Verify using", options: methods, value: drafts[DraftKey.verifyUsing] ?? methods[0],
            .choice(DraftKey.verifyUsing))
        screen.field("Domain", value: draft(DraftKey.domainName), DraftKey.domainName)
        screen.button("Create Domain", role: .primary, .createDomain)
        screen.link("Cancel", .go(.domains))
        return screen
    }

    func domainScreen(_ name: String) -> Screen {
        guard let instance = administered, let domain = instance.domains.firstWhere({ Text.equal($0.name, name) })
        else {
            return notAllowed("Domain")
        }
        var screen = controlsPage(domain.name, ["Domains", domain.name])
        if domain.verified {
            screen.text("Verification", ["Verified (\(domain.method.displayName))."])
        } else {
            screen.table(
                "TXT record", section: "Verification", columns: ["Type", "Value"], rows: [["TXT", domain.txtRecord]])
            screen.toggle(
                "I have added the TXT record", on: domain.txtConfirmed, section: "Verification", role: .checkbox,
                .domainFlag(domain.name, .txtConfirmed))
            screen.button(
                "Verify Domain", section: "Verification", role: .primary,
                .command(.verifyDomain(domain.name), success: "\(domain.name) is verified."))
        }
        screen.text(
            "Domain Capture", ["New accounts on \(domain.name) join this Enterprise account and use a license."])
        screen.toggle("Enable", on: domain.capture, section: "Domain Capture", .domainFlag(domain.name, .capture))
        screen.toggle("Lock", on: domain.lock, section: "Domain Lock", .domainFlag(domain.name, .lock))
        let unclaimed = state.unclaimedAccounts(domain.name)
        screen.text("Unclaimed Accounts", ["\(unclaimed.count) unclaimed accounts on \(domain.name)."])
        screen.button("Manage", section: "Unclaimed Accounts", .go(.unclaimedAccounts(domain.name)))
        screen.simulated(
            "turning on capture changes no account by itself; an existing unmanaged user is captured at their next sign-in while seats last, unless the domain is locked."
        )
        return screen
    }

    func unclaimedAccountsScreen(_ name: String) -> Screen {
        guard let instance = administered else { return notAllowed("Unclaimed Accounts") }
        var screen = controlsPage("Unclaimed Accounts", ["Domains", name, "Unclaimed Accounts"])
        let accounts = state.unclaimedAccounts(name)
        screen.table(
            "Unclaimed Accounts", columns: ["Email", "Created", "Last login"],
            rows: accounts.mapped { [$0.email, $0.createdOn.iso, $0.lastLoginOn?.iso ?? ""] })
        screen.text(
            "Unmanaged users",
            [
                "\(accounts.count) unclaimed accounts on \(name).",
                "\(state.unmanagedTotal(instance.id)) unmanaged users across all your domains: the two numbers differ when you have more than one domain.",
            ])
        screen.button("Export CSV", .downloadUnmanagedUsers(name))
        screen.link("Back to \(name)", .go(.domain(name)))
        return screen
    }

    // MARK: Storage (POL)

    func storageScreen() -> Screen {
        guard let instance = administered else { return notAllowed("Storage") }
        var screen = controlsPage("Storage", ["Storage"])
        var rows = [
            ["Personal workspaces", instance.storage.personalWorkspace.label],
            ["Organizations", instance.storage.orgDefault.label],
        ]
        var scopes: [(String, StorageScope)] = [
            ("Personal workspaces", .personalWorkspaces), ("Organizations", .organizations),
        ]
        let orgs = state.orgs.filtered { Text.equal($0.instanceID, instance.id) }
        for (org, row) in zip(orgs, ConsoleSession.rowNames(orgs)) {
            let override = instance.storage.overrides.firstWhere { Text.equal($0.orgID, org.id) }
            rows.append([org.name, override.map { $0.rules.label + " (override)" } ?? "Organization default"])
            scopes.append((row, .organization(org.id)))
        }
        screen.table("Storage", section: "Storage", columns: ["Scope", "Allowed storage"], rows: rows)
        for (label, scope) in scopes { screen.button("Edit", row: label, section: "Storage", .go(.storageEdit(scope))) }
        return screen
    }

    func storageEditScreen(_ scope: StorageScope) -> Screen {
        let name: String
        switch scope {
        case .personalWorkspaces: name = "Personal workspaces"
        case .organizations: name = "Organizations"
        case .organization(let id), .resetOrganization(let id): name = state.org(id)?.name ?? id
        }
        var screen = controlsPage("Edit storage: \(name)", ["Storage", name])
        let current = currentRules(scope)
        screen.toggle(
            "Cloud Sync", on: toggleDraft(DraftKey.cloudSync, current.cloudSync), .draftToggle(DraftKey.cloudSync))
        screen.toggle(
            "Local Vault", on: toggleDraft(DraftKey.localVault, current.localVault), .draftToggle(DraftKey.localVault))
        screen.toggle("Git Sync", on: toggleDraft(DraftKey.gitSync, current.gitSync), .draftToggle(DraftKey.gitSync))
        screen.button("Save", role: .primary, .saveStorage(scope))
        if case .organization(let org) = scope,
            administered?.storage.overrides.containsWhere({ Text.equal($0.orgID, org) }) == true
        {
            screen.button(
                "Use organization default",
                .command(
                    .editStorage(.resetOrganization(org), .allAllowed),
                    success: "\(name) follows the organization default."))
        }
        screen.link("Cancel", .go(.storage))
        return screen
    }

    // MARK: SSO and SCIM

    func ssoScreen() -> Screen {
        guard let instance = administered else { return notAllowed("SSO") }
        var screen = controlsPage("SSO", ["SSO"])
        if let sso = instance.sso {
            screen.table(
                "Connection", columns: ["Domain", "Type", "Status"],
                rows: [[sso.domain, sso.type.displayName, sso.enabled ? "Enabled" : "Disabled"]])
            screen.toggle("Enabled", on: sso.enabled, enabled: Text.equal(instance.ownerID, userID), .ssoEnabled)
            screen.text("Login", ["Once SSO is enabled, users on \(sso.domain) can no longer use other login methods."])
        }
        screen.button("Create Connection", role: .primary, .go(.newSSOConnection))
        return screen
    }

    func newSSOConnectionForm() -> Screen {
        var screen = controlsPage("Create Connection", ["SSO", "Create Connection"])
        let type = drafts[DraftKey.connectionType] ?? "SAML"
        screen.field("Domain", value: draft(DraftKey.ssoDomain), DraftKey.ssoDomain)
        screen.select("Connection type", options: ["SAML", "OIDC"], value: type, .choice(DraftKey.connectionType))
        if Text.equal(type, "OIDC") {
            screen.field("Issuer URL", value: draft(DraftKey.ssoValue1), DraftKey.ssoValue1)
            screen.field("Client ID", value: draft(DraftKey.ssoValue2), DraftKey.ssoValue2)
            screen.field("Client secret", value: draft(DraftKey.ssoValue3), DraftKey.ssoValue3)
        } else {
            screen.field("Sign-on URL", value: draft(DraftKey.ssoValue1), DraftKey.ssoValue1)
            screen.field("Signing certificate", value: draft(DraftKey.ssoValue2), DraftKey.ssoValue2)
        }
        screen.button("Create connection", role: .primary, .createSSOConnection)
        screen.link("Cancel", .go(.sso))
        screen.simulated("the identity provider values are not checked.")
        return screen
    }

    func scimScreen() -> Screen {
        guard let instance = administered else { return notAllowed("SCIM") }
        var screen = controlsPage("SCIM", ["SCIM"])
        screen.select(
            "Token expiration", options: SCIMTokenExpiry.allCases.mapped { $0.displayName },
            value: drafts[DraftKey.tokenExpiry] ?? instance.scim?.expiry.displayName
                ?? SCIMTokenExpiry.days30.displayName,
            .choice(DraftKey.tokenExpiry))
        screen.select(
            "Refresh", options: ["Manual", "Automatic"],
            value: drafts[DraftKey.refreshMode] ?? instance.scim?.refreshMode.displayName ?? "Manual",
            .choice(DraftKey.refreshMode))
        screen.toggle("Bearer Token", on: instance.scim != nil, .scimBearerToken)
        if let warning = state.scimExpiryWarning(instance.id) { screen.message(.error, warning) }
        if let scim = instance.scim {
            let expires = scim.expiresOn()
            let expired = expires.map { state.today >= $0 } ?? false
            screen.table(
                "Connection", columns: ["Connector URL", "Token expires", "Status"],
                rows: [[scim.connectorURL, expires?.iso ?? "Never", expired ? "Expired" : "Active"]])
            screen.field("Passphrase", value: draft(DraftKey.passphrase), section: "Refresh", DraftKey.passphrase)
            screen.button("Refresh Token", section: "Refresh", .refreshSCIMToken)
            screen.field(
                "IdP user email", value: draft(DraftKey.provisionEmail), section: WalkthroughScreen.simulation,
                DraftKey.provisionEmail)
            screen.button("Provision user", section: WalkthroughScreen.simulation, .simulateProvisioning)
            screen.field(
                "IdP group", value: draft(DraftKey.groupName), section: WalkthroughScreen.simulation, DraftKey.groupName
            )
            screen.field(
                "Group members", value: draft(DraftKey.groupMembers), section: WalkthroughScreen.simulation,
                DraftKey.groupMembers)
            screen.button("Provision team", section: WalkthroughScreen.simulation, .scimTeam(delete: false))
            screen.button("Delete group", section: WalkthroughScreen.simulation, .scimTeam(delete: true))
            screen.simulated(
                "Provision user, Provision team and Delete group stand in for your identity provider sending a user or a group (its members' emails, comma-separated)."
            )
        }
        return screen
    }

    func coOwnersScreen() -> Screen {
        guard let instance = administered else { return notAllowed("Co-owners") }
        var screen = controlsPage("Co-owners", ["Co-owners"])
        var rows = [[state.user(instance.ownerID)?.email ?? "", "Owner"]]
        for coOwner in instance.coOwners {
            let email = state.user(coOwner.userID)?.email ?? ""
            rows.append([email, coOwner.role.displayName])
            // ROLE-5: removing a co-owner offers two choices.
            let removed = email + " is no longer a co-owner."
            screen.button(
                "Keep as a member", row: email, section: "Co-owners",
                .command(.removeCoOwner(coOwner.userID, keepAsMember: true), success: removed))
            screen.button(
                "Remove from organizations", row: email, section: "Co-owners", role: .danger,
                .command(.removeCoOwner(coOwner.userID, keepAsMember: false), success: removed))
        }
        screen.table("Co-owners", columns: ["Email", "Role"], rows: rows)
        screen.field("Email", value: draft(DraftKey.coOwnerEmail), DraftKey.coOwnerEmail)
        screen.select(
            "Role", options: ["Co-owner", "Billing-only"], value: drafts[DraftKey.coOwnerRole] ?? "Co-owner",
            .choice(DraftKey.coOwnerRole))
        screen.button("Invite", role: .primary, .addCoOwner)
        if !instance.coOwners.isEmpty {
            screen.simulated(
                "Remove from organizations takes a co-owner out of every organization and team of this account; their seat stays in use until they are removed on the Licenses page."
            )
        }
        return screen
    }
}
