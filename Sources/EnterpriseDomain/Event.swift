/// What happened, in past tense. `perform` returns them in order; the console shows their summaries.
public enum Event: Equatable, Sendable {
    case accountCreated(UserID, email: String)
    case loggedIn(UserID)
    case activityRecorded(UserID, on: Day)
    case subscriptionUpgraded(InstanceID, owner: UserID, seats: Int)
    case seatsUpdated(InstanceID, seats: Int)
    case redirectedToOrganizationDashboard
    case activationCodeIssued(String)
    case trialStarted(InstanceID, endsOn: Day)
    case trialEnded(InstanceID)
    case organizationCreated(OrgID, name: String)
    case invitationSent(InvitationID, email: String)
    case seatReserved(email: String)
    case invitationAccepted(InvitationID)
    case invitationRevoked(InvitationID)
    case invitationResent(InvitationID, expiresOn: Day)
    case invitationRoleChanged(InvitationID, role: OrgRole)
    case invitationExpired(InvitationID)
    case seatReleased(email: String)
    case licenseGranted(UserID)
    case licenseRemoved(UserID)
    case roleChanged(UserID, org: OrgID, role: OrgRole)
    case membershipRemoved(UserID, org: OrgID)
    case removedFromTeam(UserID, team: TeamID)
    case coOwnerAdded(UserID, role: AccountRole)
    case coOwnerRemoved(UserID)
    case transferRequested(OrgID, to: UserID)
    case organizationTransferred(OrgID, to: UserID)
    case transferDeclined(OrgID)
    case teamCreated(TeamID, name: String)
    case teamLinked(TeamID, org: OrgID)
    case teamUnlinked(TeamID, org: OrgID)
    case teamRenamed(TeamID, name: String)
    case teamDeleted(TeamID)
    case domainCreated(String, txtRecord: String)
    case txtRecordConfirmed(String)
    case domainVerified(String)
    case domainCaptureChanged(String, on: Bool)
    case domainLockChanged(String, on: Bool)
    case userCaptured(UserID)
    case signUpBlocked(email: String, reason: String)
    case inviteControlChanged(OrgID)
    case storageRulesChanged
    case projectCreated(OrgID, name: String, type: StorageType)
    case ssoConnectionCreated(message: String)
    case ssoEnabledChanged(Bool)
    case scimEnabled(token: String, connectorURL: String)
    case scimTokenRefreshed(token: String)
    case userProvisioned(UserID, matchedExisting: Bool)
    case userDeprovisioned(UserID)
    case environmentChanged(String)
    case updateSettingChanged(Bool)
    case clockAdvanced(to: Day)

    public var name: String {
        switch self {
        case .accountCreated: "AccountCreated"
        case .loggedIn: "LoggedIn"
        case .activityRecorded: "ActivityRecorded"
        case .subscriptionUpgraded: "SubscriptionUpgraded"
        case .seatsUpdated: "SeatsUpdated"
        case .redirectedToOrganizationDashboard: "RedirectedToOrganizationDashboard"
        case .activationCodeIssued: "ActivationCodeIssued"
        case .trialStarted: "TrialStarted"
        case .trialEnded: "TrialEnded"
        case .organizationCreated: "OrganizationCreated"
        case .invitationSent: "InvitationSent"
        case .seatReserved: "SeatReserved"
        case .invitationAccepted: "InvitationAccepted"
        case .invitationRevoked: "InvitationRevoked"
        case .invitationResent: "InvitationResent"
        case .invitationRoleChanged: "InvitationRoleChanged"
        case .invitationExpired: "InvitationExpired"
        case .seatReleased: "SeatReleased"
        case .licenseGranted: "LicenseGranted"
        case .licenseRemoved: "LicenseRemoved"
        case .roleChanged: "RoleChanged"
        case .membershipRemoved: "MembershipRemoved"
        case .removedFromTeam: "RemovedFromTeam"
        case .coOwnerAdded: "CoOwnerAdded"
        case .coOwnerRemoved: "CoOwnerRemoved"
        case .transferRequested: "TransferRequested"
        case .organizationTransferred: "OrganizationTransferred"
        case .transferDeclined: "TransferDeclined"
        case .teamCreated: "TeamCreated"
        case .teamLinked: "TeamLinked"
        case .teamUnlinked: "TeamUnlinked"
        case .teamRenamed: "TeamRenamed"
        case .teamDeleted: "TeamDeleted"
        case .domainCreated: "DomainCreated"
        case .txtRecordConfirmed: "TXTRecordConfirmed"
        case .domainVerified: "DomainVerified"
        case .domainCaptureChanged: "DomainCaptureChanged"
        case .domainLockChanged: "DomainLockChanged"
        case .userCaptured: "UserCaptured"
        case .signUpBlocked: "SignUpBlocked"
        case .inviteControlChanged: "InviteControlChanged"
        case .storageRulesChanged: "StorageRulesChanged"
        case .projectCreated: "ProjectCreated"
        case .ssoConnectionCreated: "SSOConnectionCreated"
        case .ssoEnabledChanged: "SSOEnabledChanged"
        case .scimEnabled: "SCIMEnabled"
        case .scimTokenRefreshed: "SCIMTokenRefreshed"
        case .userProvisioned: "UserProvisioned"
        case .userDeprovisioned: "UserDeprovisioned"
        case .environmentChanged: "EnvironmentChanged"
        case .updateSettingChanged: "UpdateSettingChanged"
        case .clockAdvanced: "ClockAdvanced"
        }
    }
}
