import EnterpriseDomain
import WalkthroughContract

/// What each intent does. Domain refusals propagate as `DomainError`.
extension ConsoleSession {
    mutating func execute(_ intent: Intent, argument: String) throws(DomainError) {
        switch intent {
        case .go(let route): go(route)
        case .stay: break
        case .field(let key):
            drafts[key] = argument
            // SEED-000: the plan preview appears after submitting the code; typing a new one withdraws it.
            if Text.equal(key, DraftKey.activationCode) { preview = nil }
        case .choice(let key): drafts[key] = argument
        case .draftToggle(let key): drafts[key] = argument
        case .info(let text): show(.info, text)
        case .openUpgrade: go(.activation)
        case .submitActivationCode:
            preview = nil
            preview = try state.previewActivationCode(draft(DraftKey.activationCode), by: userID)
        case .upgradeSubscription:
            let code = preview?.code ?? draft(DraftKey.activationCode)
            try run(.upgradeSubscription(code: code))
            preview = nil
            viewedInstance = administeredID ?? viewedInstance
            go(.organizationDashboard)
            show(.success, "Your subscription was upgraded to Enterprise.")
        case .newOrganization:
            switch state.newOrganizationAccess(userID) {
            case .form: go(.newOrganization)
            case .upgradeLanding:
                go(.activation)
                show(.info, "Creating organizations needs a Team plan or above. Upgrade to continue.")
            case .denied(let title, let message):
                show(.error, "\(title) \(message)")
            }
        case .createOrganization:
            let name = Text.trimmed(draft(DraftKey.organizationName))
            try run(.createOrganization(name: name))
            go(.organizationDashboard)
            show(.success, "Organization \(name) created.")
        case .openTeamSwitcher: switcherOpen.toggle()
        case .switchInstance(let id):
            viewedInstance = id
            go(.organizationDashboard)
        case .command(let command, let success):
            try run(command)
            if !success.isEmpty { show(.success, success) }
        case .invite(let target):
            let emails = draft(DraftKey.inviteEmails)
            let role: OrgRole = Text.equal(draft(DraftKey.inviteRole), "Admin") ? .admin : .member
            let events = try run(.invite(emails: [emails], to: target, role: role))
            drafts[DraftKey.inviteEmails] = nil
            let sent = events.filtered {
                if case .invitationSent = $0 { true } else { false }
            }.count
            show(.success, sent == 1 ? "1 invitation sent." : "\(sent) invitations sent.")
        case .acceptInvitation(let id):
            try state.perform(.acceptInvitation(id))
            show(.success, "Invitation accepted (simulated: the invitee accepts from their email).")
        case .inviteControl(let org):
            let control: InviteControl
            switch argument {
            case _ where Text.equal(argument, "Only verified domains"): control = .verifiedOnly
            case _ where Text.equal(argument, "Custom domains"):
                control = .custom(Text.split(draft(DraftKey.customDomains), UInt8(ascii: ",")))
            case _ where Text.equal(argument, "Invites disabled"): control = .disabled
            default: control = .allDomains
            }
            try run(.setInviteControl(org: org, control))
            show(.success, "Invite control set to \(argument).")
        case .createProject(let org):
            let type =
                ConsoleSession.storageType(named: draft(DraftKey.storageType))
                ?? state.storageRules(for: userID, in: org).defaultType
            try run(.createProject(in: org, type: type, name: draft(DraftKey.projectName)))
            drafts[DraftKey.projectName] = nil
            show(.success, "Project created (\(type.displayName)).")
        case .createTeam:
            let events = try run(
                .createTeam(name: draft(DraftKey.teamName), description: draft(DraftKey.teamDescription)))
            if case .teamCreated(let id, let name) = events.first {
                go(.team(id))
                show(.success, "Team \(name) created.")
            }
        case .linkTeam(let team):
            guard
                let org = state.orgs.firstWhere({
                    Text.equal($0.name, argument) && Text.equal($0.instanceID, administeredID)
                })
            else {
                throw .notFound("organization \(argument)")
            }
            try run(.linkTeam(team, org: org.id))
            show(.success, "Linked \(argument).")
        case .renameTeam(let team):
            try run(.renameTeam(team, name: draft(DraftKey.teamName)))
            show(.success, "Team renamed.")
        case .deleteTeam(let team):
            try run(.deleteTeam(team))
            go(.teams)
            show(.success, "Team deleted. Members keep access they have through another team.")
        case .downloadReport(let instance):
            let period = ConsoleSession.reportPeriods.indexWhere { Text.equal($0, draft(DraftKey.reportPeriod)) } ?? 0
            let days = period == 0 ? nil : State.reportPeriods[period - 1]
            let csv = state.activityReportCSV(instance, on: state.today, lastDays: days)
            download = Download(filename: "last-active-\(state.today.iso).csv", mediaType: "text/csv", content: csv)
            show(.success, "Downloaded last-active-\(state.today.iso).csv.")
        case .downloadUnmanagedUsers(let domain):
            let filename = "unmanaged-users-\(domain)-\(state.today.iso).csv"
            download = Download(filename: filename, mediaType: "text/csv", content: state.unmanagedUsersCSV(domain))
            show(.success, "Downloaded \(filename).")
        case .createDomain:
            let method: VerificationMethod =
                Text.equal(draft(DraftKey.verifyUsing), VerificationMethod.rootDomainRecord.displayName)
                ? .rootDomainRecord : .uniqueRecord
            let name = Text.lowercased(Text.trimmed(draft(DraftKey.domainName)))
            try run(.createDomain(name: name, method: method))
            go(.domain(name))
        case .domainFlag(let name, let flag):
            let on = Text.equal(argument, "on")
            switch flag {
            case .txtConfirmed:
                if on { try run(.confirmTXTRecordAdded(domain: name)) }
            case .capture:
                try run(.setDomainCapture(domain: name, on: on))
                show(.success, "Domain capture \(on ? "enabled" : "disabled") for \(name).")
            case .lock:
                try run(.setDomainLock(domain: name, on: on))
                show(.success, "Domain lock \(on ? "enabled" : "disabled") for \(name).")
            }
        case .saveStorage(let scope):
            let current = currentRules(scope)
            let rules = StorageRules(
                cloudSync: toggleDraft(DraftKey.cloudSync, current.cloudSync),
                localVault: toggleDraft(DraftKey.localVault, current.localVault),
                gitSync: toggleDraft(DraftKey.gitSync, current.gitSync))
            try run(.editStorage(scope, rules))
            go(.storage)
            show(.success, "Storage rules saved.")
        case .createSSOConnection:
            let type: SSOType = Text.equal(draft(DraftKey.connectionType), "OIDC") ? .oidc : .saml
            let events = try run(.createSSOConnection(domain: draft(DraftKey.ssoDomain), type: type))
            go(.sso)
            if case .ssoConnectionCreated(let message) = events.first {
                show(.success, message)
            }
        case .ssoEnabled: try run(.setSSOEnabled(Text.equal(argument, "on")))
        case .scimBearerToken:
            guard Text.equal(argument, "on") else {
                show(.info, "Simulated: turning SCIM off is not modelled.")
                return
            }
            let expiry =
                SCIMTokenExpiry.allCases.firstWhere { Text.equal($0.displayName, draft(DraftKey.tokenExpiry)) }
                ?? .days30
            let refresh: SCIMRefreshMode = Text.equal(draft(DraftKey.refreshMode), "Automatic") ? .automatic : .manual
            let events = try run(.enableSCIM(expiry: expiry, refresh: refresh))
            if case .scimEnabled(let token, _) = events.first {
                show(.success, "Copy your bearer token now. It is shown only once: \(token)")
            }
        case .refreshSCIMToken:
            let events = try run(.refreshSCIMToken(passphrase: draft(DraftKey.passphrase)))
            drafts[DraftKey.passphrase] = nil
            if case .scimTokenRefreshed(let token) = events.first {
                show(.success, "Copy your new bearer token now. It is shown only once: \(token)")
            }
        case .simulateProvisioning:
            try run(.scimProvision(email: draft(DraftKey.provisionEmail)))
            show(.success, "Provisioned \(Text.lowercased(Text.trimmed(draft(DraftKey.provisionEmail)))).")
        case .scimTeam(let delete):
            let name = draft(DraftKey.groupName)
            let emails = Text.split(draft(DraftKey.groupMembers), UInt8(ascii: ","))
            try run(delete ? .scimDeleteTeam(name: name) : .scimProvisionTeam(name: name, emails: emails))
            show(.success, delete ? "Deleted team \(name)." : "Provisioned team \(name).")
        case .addCoOwner:
            let role: AccountRole = Text.equal(draft(DraftKey.coOwnerRole), "Billing-only") ? .billingOnly : .coOwner
            try run(.addCoOwner(email: draft(DraftKey.coOwnerEmail), role: role))
            show(.success, "\(role.displayName) added.")
        case .advanceClock(let days):
            let events = try state.perform(.advanceClock(days: days))
            let expired = events.filtered {
                if case .invitationExpired = $0 { true } else { false }
            }.count
            show(
                .info, "Simulated: \(days) days passed; today is \(state.today.iso). \(expired) invitation(s) expired.")
        }
    }

    func toggleDraft(_ key: String, _ fallback: Bool) -> Bool {
        guard let value = drafts[key] else { return fallback }
        return Text.equal(value, "on")
    }

    func currentRules(_ scope: StorageScope) -> StorageRules {
        guard let instance = administered else { return .allAllowed }
        switch scope {
        case .personalWorkspaces: return instance.storage.personalWorkspace
        case .organizations: return instance.storage.orgDefault
        case .organization(let org), .resetOrganization(let org):
            return instance.storage.overrides.firstWhere { Text.equal($0.orgID, org) }?.rules
                ?? instance.storage.orgDefault
        }
    }

    /// RPT-7: "All time", then State.reportPeriods (7, 30, 90) as "Last N days".
    static let reportPeriods = ["All time", "Last 7 days", "Last 30 days", "Last 90 days"]

    static func storageType(named name: String) -> StorageType? {
        StorageType.allCases.firstWhere { Text.equal($0.displayName, name) }
    }
}

/// Keys of the form drafts (what the reader typed or chose on the current screen).
enum DraftKey {
    static let activationCode = "activationCode"
    static let organizationName = "organizationName"
    static let inviteEmails = "inviteEmails"
    static let inviteRole = "inviteRole"
    static let customDomains = "customDomains"
    static let projectName = "projectName"
    static let storageType = "storageType"
    static let teamName = "teamName"
    static let teamDescription = "teamDescription"
    static let domainName = "domainName"
    static let verifyUsing = "verifyUsing"
    static let cloudSync = "cloudSync"
    static let localVault = "localVault"
    static let gitSync = "gitSync"
    static let ssoDomain = "ssoDomain"
    static let connectionType = "connectionType"
    static let ssoValue1 = "ssoValue1"
    static let ssoValue2 = "ssoValue2"
    static let ssoValue3 = "ssoValue3"
    static let tokenExpiry = "tokenExpiry"
    static let refreshMode = "refreshMode"
    static let passphrase = "passphrase"
    static let provisionEmail = "provisionEmail"
    static let coOwnerEmail = "coOwnerEmail"
    static let coOwnerRole = "coOwnerRole"
    static let reportPeriod = "reportPeriod"
    static let groupName = "groupName"
    static let groupMembers = "groupMembers"
}
