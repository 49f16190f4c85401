/// Every way a command can be refused. `message` is the text the console shows.
public enum DomainError: Error, Equatable, Sendable {
    // Upgrade (UPG-10..14)
    case activationCodeRequired
    case invalidActivationCode
    case activationCodeAlreadyUsed
    case activationCodeExpired
    case activationCodeSuperseded
    case seatsBelowUsage(used: Int, seats: Int)
    // Organizations (ORG, ACC-9)
    case organizationNameRequired
    case organizationNameTooLong(max: Int)
    case cannotCreateOrganization(title: String, message: String)
    case upgradeRequired(String)
    case ownerRoleNotAssignable
    case ownerCannotBeRemoved
    case rbacRequiresTeamPlan
    case transferPreconditionFailed(String)
    // Seats and invitations (INV)
    case needsToIncreaseSeats(viewerIsOwner: Bool)
    case needsToUpgrade
    case invalidEmails([String])
    case inviteDomainNotAllowed(String)
    case invitesDisabled
    case invitationNotPending
    case coOwnerMustBeMember
    case teamNameRequired
    // Domains, policies, identity
    case invalidDomainName(String)
    case domainAlreadyExists(String)
    case domainNotVerified(String)
    case verificationRecordNotConfirmed
    case storageTypeNotAllowed(allowedLabel: String)
    case ssoLoginRequired(domain: String)
    case ssoNotConfigured
    case scimRequiresSSO
    case scimNotEnabled
    case scimTokenExpired
    case passphraseRequired
    // Accounts and general
    case emailAlreadyRegistered(String)
    case invalidEmail(String)
    case permissionDenied(String)
    case notFound(String)
    case noEnterpriseInstance
    case invalidClockAdvance

    /// A stable identifier for JSON and tests.
    public var code: String {
        switch self {
        case .activationCodeRequired: "activationCodeRequired"
        case .invalidActivationCode: "invalidActivationCode"
        case .activationCodeAlreadyUsed: "activationCodeAlreadyUsed"
        case .activationCodeExpired: "activationCodeExpired"
        case .activationCodeSuperseded: "activationCodeSuperseded"
        case .seatsBelowUsage: "seatsBelowUsage"
        case .organizationNameRequired: "organizationNameRequired"
        case .organizationNameTooLong: "organizationNameTooLong"
        case .cannotCreateOrganization: "cannotCreateOrganization"
        case .upgradeRequired: "upgradeRequired"
        case .ownerRoleNotAssignable: "ownerRoleNotAssignable"
        case .ownerCannotBeRemoved: "ownerCannotBeRemoved"
        case .rbacRequiresTeamPlan: "rbacRequiresTeamPlan"
        case .transferPreconditionFailed: "transferPreconditionFailed"
        case .needsToIncreaseSeats: "needsToIncreaseSeats"
        case .needsToUpgrade: "needsToUpgrade"
        case .invalidEmails: "invalidEmails"
        case .inviteDomainNotAllowed: "inviteDomainNotAllowed"
        case .invitesDisabled: "invitesDisabled"
        case .invitationNotPending: "invitationNotPending"
        case .coOwnerMustBeMember: "coOwnerMustBeMember"
        case .teamNameRequired: "teamNameRequired"
        case .invalidDomainName: "invalidDomainName"
        case .domainAlreadyExists: "domainAlreadyExists"
        case .domainNotVerified: "domainNotVerified"
        case .verificationRecordNotConfirmed: "verificationRecordNotConfirmed"
        case .storageTypeNotAllowed: "storageTypeNotAllowed"
        case .ssoLoginRequired: "ssoLoginRequired"
        case .ssoNotConfigured: "ssoNotConfigured"
        case .scimRequiresSSO: "scimRequiresSSO"
        case .scimNotEnabled: "scimNotEnabled"
        case .scimTokenExpired: "scimTokenExpired"
        case .passphraseRequired: "passphraseRequired"
        case .emailAlreadyRegistered: "emailAlreadyRegistered"
        case .invalidEmail: "invalidEmail"
        case .permissionDenied: "permissionDenied"
        case .notFound: "notFound"
        case .noEnterpriseInstance: "noEnterpriseInstance"
        case .invalidClockAdvance: "invalidClockAdvance"
        }
    }

    public var message: String {
        switch self {
        case .activationCodeRequired: "Enter an activation code."
        case .invalidActivationCode: "This activation code is not valid."
        case .activationCodeAlreadyUsed: "This activation code has already been used."
        case .activationCodeExpired: "This activation code has expired."
        case .activationCodeSuperseded: "A newer activation code exists for this subscription. Use the newest code."
        case .seatsBelowUsage(let used, let seats):
            "This code has \(seats) seats but \(used) are in use. Free seats on the Licenses page first."
        case .organizationNameRequired: "Enter a name for your organization."
        case .organizationNameTooLong(let max): "Organization names can have at most \(max) characters."
        case .cannotCreateOrganization(let title, let message): "\(title) \(message)"
        case .upgradeRequired(let message): message
        case .ownerRoleNotAssignable: "The Owner role cannot be assigned or changed."
        case .ownerCannotBeRemoved: "The owner cannot be removed."
        case .rbacRequiresTeamPlan:
            "Role-based access control (RBAC) is only enabled for Team plan or above, please upgrade your plan."
        case .transferPreconditionFailed(let which): "The organization cannot be transferred: \(which)"
        case .needsToIncreaseSeats(let viewerIsOwner):
            (viewerIsOwner ? "You have consumed all of your seats." : "Your team has consumed all of its seats.")
                + " You can still invite existing users to different organizations."
        case .needsToUpgrade: "Git Sync limited to organizations of 3 or fewer users"
        case .invalidEmails: "Some emails are invalid, please correct them before inviting."
        case .inviteDomainNotAllowed(let email):
            "Invites to \(email) are not allowed by this organization's invite control."
        case .invitesDisabled: "Invites are disabled for this organization."
        case .invitationNotPending: "This invitation is no longer pending."
        case .coOwnerMustBeMember:
            "A co-owner must first accept an invitation to an organization in this Enterprise account."
        case .teamNameRequired: "Enter a team name."
        case .invalidDomainName(let name): "\"\(name)\" is not a domain name."
        case .domainAlreadyExists(let name): "The domain \(name) already exists."
        case .domainNotVerified(let name): "The domain \(name) is not verified."
        case .verificationRecordNotConfirmed: "Confirm that you added the TXT record to your DNS before verifying."
        case .storageTypeNotAllowed(let label):
            "The organization owner mandates that projects must be created and stored using \(label)."
        case .ssoLoginRequired(let domain): "Accounts on \(domain) must log in with SSO."
        case .ssoNotConfigured: "Configure SSO first."
        case .scimRequiresSSO: "SCIM needs a verified domain and a configured SSO connection."
        case .scimNotEnabled: "SCIM is not enabled."
        case .scimTokenExpired: "The SCIM token has expired. Refresh the token to resume provisioning."
        case .passphraseRequired: "Enter your passphrase."
        case .emailAlreadyRegistered(let email): "An account for \(email) already exists."
        case .invalidEmail(let email): "\"\(email)\" is not a valid email."
        case .permissionDenied(let why): "Permission denied: \(why)"
        case .notFound(let what): "Not found: \(what)"
        case .noEnterpriseInstance: "This account is not part of an Enterprise account."
        case .invalidClockAdvance: "The clock only moves forward, and no further than 9999-12-31."
        }
    }
}
