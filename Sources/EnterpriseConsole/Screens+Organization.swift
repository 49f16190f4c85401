import EnterpriseDomain
import WalkthroughContract

/// The organization setup page behind Manage Organization: members, invitations, invite control, projects, EE SSO.
extension ConsoleSession {
    func organizationSetup(_ orgID: OrgID) -> Screen {
        guard let org = state.org(orgID) else {
            var screen = Screen(title: "Organization not found", breadcrumbs: ["Dashboard"])
            screen.link("Dashboard", .go(.organizationDashboard))
            return screen
        }
        var screen = Screen(title: org.name, breadcrumbs: ["Dashboard", org.name, "Settings"])
        let myRole = state.effectiveRole(of: userID, in: orgID)
        let manages = myRole?.canManage == true || (org.instanceID != nil && Text.equal(administeredID, org.instanceID))
        screen.text(
            "Organization",
            [
                "Type: \(org.type.rawName)", "Owner: \(state.user(org.ownerID)?.email ?? "")",
                "Your role: \(myRole?.displayName ?? "None")",
            ])

        // Members (INV-2, ORG-9).
        let members = state.members(of: orgID)
        screen.table(
            "Members", section: "Members", columns: ["Email", "Role", "Access"],
            rows: members.mapped { [$0.email, $0.role.displayName, $0.via.joined(separator: ", ")] })
        if manages {
            for member in members where member.role != .owner && member.via.containsText("Direct") {
                let other: OrgRole = member.role == .admin ? .member : .admin
                screen.button(
                    "Make \(other.displayName)", row: member.email, section: "Members",
                    .command(
                        .changeRole(member.userID, org: orgID, role: other),
                        success: "\(member.email) is now \(other.displayName)."))
                screen.button(
                    "Remove", row: member.email, section: "Members", role: .danger,
                    .command(
                        .removeFromOrganization(member.userID, org: orgID),
                        success:
                            "Removed \(member.email) from \(org.name). Their seat stays in use until they are removed on the Licenses page."
                    ))
            }
        }

        // Invitations (INV-3/4/6/7).
        let pending = pendingInvitations(.organization(orgID), on: &screen)
        if manages {
            invitationControls(pending, to: .organization(orgID), fieldLabel: "Invite", resend: true, on: &screen)
            if let instanceID = org.instanceID {
                let usage = state.licenseUsage(instanceID)
                if state.seatsNeeded(forInviting: [draft(DraftKey.inviteEmails)], in: instanceID) > usage.free {
                    screen.message(.error, "You cannot invite more people than the seats you have remaining")
                }
                screen.text(
                    "Seats",
                    [
                        "\(usage.used) of \(usage.total) seats used, \(usage.free) free. Each pending invitation uses a seat."
                    ])
            }
            if !pending.isEmpty {
                screen.simulated("invitees accept from their email; Accept invitation stands in for that step.")
            }
        }

        // Invite control (INV-11).
        if manages, let instanceID = org.instanceID, let instance = state.instance(instanceID) {
            let current = instance.inviteControls.firstWhere { Text.equal($0.orgID, orgID) }?.control ?? .allDomains
            screen.field(
                "Custom domains", value: draft(DraftKey.customDomains), section: "Invite control",
                DraftKey.customDomains)
            screen.select(
                "Invite control",
                options: ["All domains", "Only verified domains", "Custom domains", "Invites disabled"],
                value: current.displayName, section: "Invite control", .inviteControl(orgID))
        }

        // Projects and storage (POL-6/7).
        let rules = state.storageRules(for: userID, in: orgID)
        screen.banner = state.storageRestrictionBanner(rules)
        let inconsistent = state.inconsistentProjects(in: orgID)
        screen.table(
            "Projects", section: "Projects", columns: ["Name", "Storage"],
            rows: org.projects.mapped { project in
                [
                    project.name,
                    project.type.displayName
                        + (inconsistent.containsWhere { $0.isSame(as: project) } ? " (no longer allowed)" : ""),
                ]
            })
        if let warning = state.gitSyncLimitWarning(orgID) { screen.message(.info, warning) }
        if !inconsistent.isEmpty {
            screen.message(.info, "Some projects use a storage type that is no longer allowed. Update them.")
        }
        if myRole != nil || Text.equal(org.ownerID, userID) {
            screen.field("Project name", value: draft(DraftKey.projectName), section: "Projects", DraftKey.projectName)
            screen.select(
                "Storage type", options: rules.allowedTypes.mapped { $0.displayName },
                value: drafts[DraftKey.storageType] ?? rules.defaultType.displayName, section: "Projects",
                .choice(DraftKey.storageType))
            screen.button("Create Project", section: "Projects", .createProject(orgID))
        }

        // EE SSO (SEED-000 Optional; section 13.6).
        if org.instanceID != nil, Text.equal(administeredID, org.instanceID) {
            screen.link("EE SSO", section: "Single Sign-On", .go(.sso))
            screen.simulated(
                "SSO is configured once per Enterprise account and domain; EE SSO opens Enterprise Controls → SSO.")
        }
        screen.link("Dashboard", section: WalkthroughScreen.sidebar, .go(.organizationDashboard))
        return screen
    }
}
