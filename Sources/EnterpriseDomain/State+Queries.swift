/// Derived queries: pure functions the console, the docs widgets and the tests call.

/// ACC-9: what "New Organization" does for this user.
public enum NewOrganizationAccess: Equatable, Sendable {
    case form(OrganizationType, InstanceID?)
    case upgradeLanding
    case denied(title: String, message: String)
}

/// One row of an organization's member list.
public struct MemberRow: Equatable, Sendable {
    public var userID: UserID
    public var email: String
    public var role: OrgRole
    /// "Direct" and/or team names, in that order.
    public var via: [String]
}

/// UPD-2.
public struct UpdatePolicy: Equatable, Sendable {
    public var enabled: Bool
    public var message: String?

    public init(enabled: Bool, message: String?) {
        self.enabled = enabled
        self.message = message
    }
}

extension State {
    // MARK: Seats (LIC-7/LIC-8)

    /// Pending, unexpired invitations in the instance whose email holds no license, counted once per email.
    @inline(never)
    public func seatHoldingInviteEmails(in instanceID: InstanceID) -> [String] {
        guard let instance = instance(instanceID) else { return [] }
        var emails: [String] = []
        for invitation in invitations
        where Text.equal(invitation.instanceID, instanceID) && invitation.status == .pending
            && !emails.containsText(invitation.email)
        {
            if let user = user(email: invitation.email), instance.licenses.containsText(user.id) { continue }
            emails.append(invitation.email)
        }
        return emails
    }

    @inline(never)

    /// INV-8/INV-12: how many seats inviting these emails would take (emails without a license or a held seat).
    public func seatsNeeded(forInviting emails: [String], in instanceID: InstanceID) -> Int {
        guard let instance = instance(instanceID) else { return 0 }
        let held = seatHoldingInviteEmails(in: instanceID)
        var counted: [String] = []
        for raw in emails {
            for piece in Text.split(raw, UInt8(ascii: ",")) {
                let email = Text.lowercased(Text.trimmed(piece))
                if email.isEmpty || counted.containsText(email) || held.containsText(email) { continue }
                if let user = user(email: email), instance.licenses.containsText(user.id) { continue }
                counted.append(email)
            }
        }
        return counted.count
    }

    @inline(never)
    public func licenseUsage(_ instanceID: InstanceID) -> LicenseUsage {
        guard let instance = instance(instanceID) else {
            return LicenseUsage(used: 0, total: 0, memberCount: 0, inviteCount: 0, free: 0)
        }
        let members = instance.licenses.count
        let invites = seatHoldingInviteEmails(in: instanceID).count
        let used = members + invites
        return LicenseUsage(
            used: used, total: instance.seatTotal, memberCount: members, inviteCount: invites,
            free: max(0, instance.seatTotal - used))
    }

    // MARK: Access and roles (TEAM-4/5/7)

    /// Every path by which the user reaches the org, with the role each gives.
    @inline(never)
    public func accessPaths(of userID: UserID, to orgID: OrgID) -> [(via: String, role: OrgRole)] {
        guard let org = org(orgID) else { return [] }
        return accessPaths(of: userID, to: org)
    }

    /// The same for an organization in hand (a dashboard row), without looking it up again.
    public func accessPaths(of userID: UserID, to org: Organization) -> [(via: String, role: OrgRole)] {
        let orgID = org.id
        var paths: [(via: String, role: OrgRole)] = []
        if let direct = org.directMembers.firstWhere({ Text.equal($0.userID, userID) }) {
            paths.append(("Direct", direct.role))
        }
        if let instanceID = org.instanceID, let instance = instance(instanceID) {
            for team in instance.teams where team.linkedOrgs.containsText(orgID) {
                if let member = team.members.firstWhere({ Text.equal($0.userID, userID) }) {
                    paths.append((team.name, member.role))
                }
            }
        }
        return paths
    }

    @inline(never)

    public func effectiveRole(of userID: UserID, in orgID: OrgID) -> OrgRole? {
        guard let org = org(orgID) else { return nil }
        return effectiveRole(of: userID, in: org)
    }

    /// The same for an organization in hand (a dashboard row), without looking it up again.
    public func effectiveRole(of userID: UserID, in org: Organization) -> OrgRole? {
        let roles = accessPaths(of: userID, to: org).mapped { $0.role }
        if roles.isEmpty { return nil }
        if Text.equal(org.ownerID, userID) { return .owner }
        return configuration.highestRoleWins ? roles.max() : roles.min()
    }

    @inline(never)

    public func members(of orgID: OrgID) -> [MemberRow] {
        guard let org = org(orgID) else { return [] }
        var ids: [UserID] = org.directMembers.mapped { $0.userID }
        if let instanceID = org.instanceID, let instance = instance(instanceID) {
            for team in instance.teams where team.linkedOrgs.containsText(orgID) {
                for member in team.members where !ids.containsText(member.userID) { ids.append(member.userID) }
            }
        }
        return ids.compactMapped { id in
            guard let user = user(id), let role = effectiveRole(of: id, in: orgID) else { return nil }
            return MemberRow(
                userID: id, email: user.email, role: role, via: accessPaths(of: id, to: orgID).mapped { $0.via })
        }
    }

    /// LIC-4: a licensed user of an active instance. Domain lock never blocks a licensed user (DOM-9).
    @inline(never)
    public func hasEnterpriseAccess(_ userID: UserID) -> Bool {
        instances.containsWhere { $0.active && $0.licenses.containsText(userID) }
    }

    /// LIC-1/DOM-11: managed users hold a license.
    public func isManaged(_ userID: UserID) -> Bool { hasEnterpriseAccess(userID) }

    /// DOM-9/DOM-10: the user's domain is locked and they hold no license there.
    public func isLockedOut(_ userID: UserID) -> Bool {
        guard let user = user(userID), let match = verifiedDomain(forEmail: user.email) else { return false }
        return match.domain.lock && !isLicensed(userID, in: match.instanceID)
    }

    // MARK: Domains (DOM-13/14/17)

    /// DOM-13: accounts whose email domain is exactly this verified domain and who hold no license in its instance.
    @inline(never)
    public func unclaimedAccounts(_ domainName: String) -> [User] {
        guard let match = verifiedDomain(forEmail: "x@" + domainName) else { return [] }
        let licenses = instance(match.instanceID)?.licenses ?? []
        return users.filtered {
            Text.equal(Text.emailDomain($0.email), match.domain.name) && !licenses.containsText($0.id)
        }
        .sortedStably { Text.less($0.email, $1.email) }
    }

    /// DOM-14: the cumulative count over all verified domains of the instance.
    public func unmanagedTotal(_ instanceID: InstanceID) -> Int {
        guard let instance = instance(instanceID) else { return 0 }
        var total = 0
        for domain in instance.domains where domain.verified { total += unclaimedAccounts(domain.name).count }
        return total
    }

    // MARK: Storage (POL-10, POL-6)

    @inline(never)

    public func storageRules(for userID: UserID, in orgID: OrgID) -> StorageRules {
        guard let org = org(orgID) else { return .allAllowed }
        if let instanceID = org.instanceID, let instance = instance(instanceID) {
            if let override = instance.storage.overrides.firstWhere({ Text.equal($0.orgID, orgID) }) {
                return override.rules
            }
            return instance.storage.orgDefault
        }
        if org.type == .personal, Text.equal(org.ownerID, userID) {
            for instance in licensedInstances(of: userID) where instance.active {
                return instance.storage.personalWorkspace
            }
        }
        return .allAllowed
    }

    /// POL-12: an Essentials (free) owner's organization with more than 3 users cannot use Git Sync.
    public func gitSyncLimitWarning(_ orgID: OrgID) -> String? {
        guard let org = org(orgID), org.instanceID == nil, user(org.ownerID)?.plan == .free,
            members(of: orgID).count > 3
        else { return nil }
        return DomainError.needsToUpgrade.message
    }

    public func storageRestrictionBanner(_ rules: StorageRules) -> String? {
        if rules.cloudSync && rules.localVault && rules.gitSync { return nil }
        return "The organization owner mandates that projects must be created and stored using \(rules.label)."
    }

    // MARK: Dashboard (ORG-6, ACC-8, ACC-9)

    /// Orgs the user can reach: own personal org first, then own orgs by name, then others' by name.
    @inline(never)
    public func dashboardOrganizations(_ userID: UserID) -> [Organization] {
        let reachable = orgs.filtered { org in
            Text.equal(org.ownerID, userID) || !accessPaths(of: userID, to: org).isEmpty
        }
        let personal = reachable.filtered { $0.type == .personal && Text.equal($0.ownerID, userID) }
        let owned = reachable.filtered { $0.type != .personal && Text.equal($0.ownerID, userID) }.sortedStably(
            by: State.byName)
        let others = reachable.filtered { !Text.equal($0.ownerID, userID) }.sortedStably(by: State.byName)
        return personal + owned + others
    }

    static func byName(_ a: Organization, _ b: Organization) -> Bool {
        let order = Text.compare(a.name, b.name)
        if order != 0 { return order < 0 }
        return a.createdOn < b.createdOn || (a.createdOn == b.createdOn && Text.less(a.id, b.id))
    }

    @inline(never)

    public func newOrganizationAccess(_ userID: UserID) -> NewOrganizationAccess {
        if let instance = administeredInstance(by: userID) { return .form(.enterprise, instance.id) }
        guard let user = user(userID) else { return .upgradeLanding }
        switch user.plan {
        case .enterpriseMember:
            return .denied(
                title: "Cannot create new organization.",
                message:
                    "Your Insomnia account is tied to the enterprise corporate account. Please ask the owner of the enterprise billing to create one for you."
            )
        case .free, .individual: return .upgradeLanding
        case .team: return .form(.team, nil)
        case .enterprise: return .form(.enterprise, administeredInstanceID(by: userID))
        }
    }

    /// ACC-8: the label of the upgrade affordance, or nil.
    @inline(never)
    public func upgradeAffordance(_ userID: UserID) -> String? {
        guard let user = user(userID) else { return nil }
        switch user.plan {
        case .free, .individual, .team: return "Upgrade"
        case .enterprise: return "+ Add more seats"
        case .enterpriseMember: return administeredInstanceID(by: userID) == nil ? nil : "+ Add more seats"
        }
    }

    // MARK: Activation codes (UPG-9..13)

    /// Validates a code and describes what Upgrade Subscription would do. Changes no state.
    public func previewActivationCode(_ rawCode: String, by userID: UserID) throws(DomainError) -> PlanPreview {
        let code = try validActivationCode(rawCode)
        return PlanPreview(
            code: code.code, plan: "Enterprise", seats: code.seats,
            isSeatChange: administeredInstanceID(by: userID) != nil)
    }

    func validActivationCode(_ rawCode: String) throws(DomainError) -> ActivationCode {
        let text = Text.trimmed(rawCode)
        if text.isEmpty { throw .activationCodeRequired }
        guard let code = activationCodes.firstWhere({ Text.equal(Text.lowercased($0.code), Text.lowercased(text)) })
        else {
            throw .invalidActivationCode
        }
        if code.consumedBy != nil { throw .activationCodeAlreadyUsed }
        if let expiresOn = code.expiresOn, today > expiresOn { throw .activationCodeExpired }
        let newer = activationCodes.containsWhere { other in
            Text.equal(other.customerID, code.customerID) && !Text.equal(other.code, code.code)
                && other.issuedOn > code.issuedOn
        }
        if newer { throw .activationCodeSuperseded }
        return code
    }

    // MARK: Permissions (ROLE-6/ROLE-7, I)

    /// The app's permission keys for an organization role (the split between roles is the simulation's reading).
    public static func permissions(of role: OrgRole) -> [String] {
        let all = [
            "own:organization", "read:organization", "update:organization", "delete:organization", "read:membership",
            "update:membership", "delete:membership", "read:invitation", "create:invitation", "delete:invitation",
            "create:enterprise_connection", "read:enterprise_connection", "update:enterprise_connection",
            "delete:enterprise_connection", "leave:organization",
        ]
        switch role {
        case .owner: return all
        case .admin:
            return all.filtered {
                !Text.hasSuffix($0, ":enterprise_connection") && !Text.equal($0, "delete:organization")
                    && !Text.equal($0, "own:organization")
            }
        case .member: return ["read:organization", "read:membership", "leave:organization"]
        }
    }

    /// POL-8: projects whose storage type the current rules no longer allow.
    public func inconsistentProjects(in orgID: OrgID) -> [Project] {
        guard let org = org(orgID) else { return [] }
        let rules = storageRules(for: org.ownerID, in: orgID)
        return org.projects.filtered { !rules.allows($0.type) }
    }

    /// SCIM-4: with automatic refresh, owners and co-owners are warned from 20 days before the token expires.
    public func scimExpiryWarning(_ instanceID: InstanceID) -> String? {
        guard let scim = instance(instanceID)?.scim, scim.refreshMode == .automatic, let expires = scim.expiresOn()
        else {
            return nil
        }
        let days = expires - today
        if days > 20 { return nil }
        if days <= 0 { return "The SCIM token has expired. Refresh the token to resume provisioning." }
        return "The SCIM token expires in \(days) days (\(expires.iso)) and automatic refresh has not succeeded."
    }

    /// DOM-19: a CSV of one domain's unmanaged users.
    public func unmanagedUsersCSV(_ domainName: String) -> String {
        var text = "Email,Created,Last login\n"
        for user in unclaimedAccounts(domainName) {
            text += State.csvField(user.email) + "," + user.createdOn.iso + "," + (user.lastLoginOn?.iso ?? "") + "\n"
        }
        return text
    }

    // MARK: Automatic updates (UPD-2/3)

    public func updatePolicy(isDevelopmentBuild: Bool = false) -> UpdatePolicy {
        if let value = environment["INSOMNIA_DISABLE_AUTOMATIC_UPDATES"], !value.isEmpty {
            return UpdatePolicy(enabled: false, message: "Updates disabled by administrator")
        }
        if platform == .linux { return UpdatePolicy(enabled: false, message: "Updates disabled on linux") }
        if platform == .windowsPortable {
            return UpdatePolicy(enabled: false, message: "Updates not supported on portable")
        }
        if isDevelopmentBuild, (environment["ALLOW_UPDATES_IN_DEV"] ?? "").isEmpty {
            return UpdatePolicy(enabled: false, message: "Updates not supported in dev")
        }
        return UpdatePolicy(enabled: true, message: nil)
    }

    /// UPD-4: with updates supported, the `updateAutomatically` user setting still decides whether the app checks
    /// on start and every interval.
    public func checksForUpdatesAutomatically(isDevelopmentBuild: Bool = false) -> Bool {
        updateAutomatically && updatePolicy(isDevelopmentBuild: isDevelopmentBuild).enabled
    }
}
