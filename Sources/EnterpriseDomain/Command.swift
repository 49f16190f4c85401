/// Everything that can change the state, named after the documented steps (section 14). The acting
/// user is passed beside the command (`State.perform(_:by:)`); the clock moves only by `advanceClock`.
public enum Command: Equatable, Sendable {
    // Accounts and upgrade
    case signUp(email: String, method: LoginMethod)
    case logIn(UserID, method: LoginMethod)
    case recordActivity(UserID)
    case upgradeSubscription(code: String)
    case startTrial
    /// Fixture: sales issues a code (for seat increases, UPG-7).
    case issueActivationCode(code: String, seats: Int, customerID: String, expiresOn: Day?)
    // Organizations and members
    case createOrganization(name: String)
    case invite(emails: [String], to: InviteTarget, role: OrgRole)
    case acceptInvitation(InvitationID)
    case revokeInvitation(InvitationID)
    /// INV-10: send again (a new 30-day period) or change the role of a pending invitation.
    case resendInvitation(InvitationID)
    case changeInvitationRole(InvitationID, role: OrgRole)
    case changeRole(UserID, org: OrgID, role: OrgRole)
    case removeFromOrganization(UserID, org: OrgID)
    case removeFromTeam(UserID, team: TeamID)
    case removeLicense(UserID)
    case addCoOwner(email: String, role: AccountRole)
    /// ROLE-5: **Keep as a member** (`keepAsMember: true`) or **Remove from organizations**.
    case removeCoOwner(UserID, keepAsMember: Bool)
    case transferOrganization(OrgID, to: UserID)
    case respondToTransfer(OrgID, accept: Bool)
    // Teams
    case createTeam(name: String, description: String)
    case linkTeam(TeamID, org: OrgID)
    case unlinkTeam(TeamID, org: OrgID)
    case renameTeam(TeamID, name: String)
    case deleteTeam(TeamID)
    // Domains
    case createDomain(name: String, method: VerificationMethod)
    case confirmTXTRecordAdded(domain: String)
    case verifyDomain(String)
    case setDomainCapture(domain: String, on: Bool)
    case setDomainLock(domain: String, on: Bool)
    // Policies and identity
    case setInviteControl(org: OrgID, InviteControl)
    case editStorage(StorageScope, StorageRules)
    case createProject(in: OrgID, type: StorageType, name: String)
    case createSSOConnection(domain: String, type: SSOType)
    case setSSOEnabled(Bool)
    case enableSCIM(expiry: SCIMTokenExpiry, refresh: SCIMRefreshMode)
    case refreshSCIMToken(passphrase: String)
    case scimProvision(email: String)
    case scimDeactivate(email: String)
    /// SCIM-7: the IdP pushes a group with its assigned users (a shorter list unassigns the others) or deletes it.
    case scimProvisionTeam(name: String, emails: [String])
    case scimDeleteTeam(name: String)
    /// UPD-4: the desktop app's `updateAutomatically` user setting.
    case setUpdateAutomatically(Bool)
    // Environment and time
    case setEnvironment(name: String, value: String?)
    case advanceClock(days: Int)
}

/// POL-1/POL-3: where a storage rule applies.
public enum StorageScope: Equatable, Sendable {
    case personalWorkspaces
    case organizations
    case organization(OrgID)
    /// Removes an organization's override.
    case resetOrganization(OrgID)
}
