import EnterpriseDomain
import WalkthroughContract

/// Where the reader is in the console.
enum Route: Equatable, Sendable {
    case accountDashboard
    case activation
    case organizationDashboard
    case newOrganization
    case organization(OrgID)
    case teams
    case newTeam
    case team(TeamID)
    case licenses
    case domains
    case newDomain
    case domain(String)
    case unclaimedAccounts(String)
    case storage
    case storageEdit(StorageScope)
    case sso
    case newSSOConnection
    case scim
    case coOwners

    var rawName: String {
        switch self {
        case .accountDashboard: "accountDashboard"
        case .activation: "activationCodeEntry"
        case .organizationDashboard: "organizationDashboard"
        case .newOrganization: "newOrganizationForm"
        case .organization: "organizationSetup"
        case .teams: "teams"
        case .newTeam: "newTeamForm"
        case .team: "team"
        case .licenses: "licenses"
        case .domains: "domains"
        case .newDomain: "newDomainForm"
        case .domain: "domain"
        case .unclaimedAccounts: "unclaimedAccounts"
        case .storage: "storage"
        case .storageEdit: "storageEdit"
        case .sso: "sso"
        case .newSSOConnection: "newSSOConnectionForm"
        case .scim: "scim"
        case .coOwners: "coOwners"
        }
    }

    /// The same screen of the same record. Written out rather than synthesized: this is 1.4 KB smaller in the
    /// WebAssembly build.
    static func == (lhs: Route, rhs: Route) -> Bool {
        Text.equal(lhs.rawName, rhs.rawName) && Text.equal(lhs.record, rhs.record)
    }

    /// The record the screen shows (an organization, team, domain or storage scope), or "" when it shows none.
    var record: String {
        switch self {
        case .organization(let id), .team(let id), .domain(let id), .unclaimedAccounts(let id): id
        case .storageEdit(.personalWorkspaces): "personalWorkspaces"
        case .storageEdit(.organizations): "organizations"
        case .storageEdit(.organization(let id)): "organization:" + id
        case .storageEdit(.resetOrganization(let id)): "resetOrganization:" + id
        default: ""
        }
    }
}

/// What activating a control does. Kept beside the control so a screen can only offer what it can do.
enum Intent: Equatable, Sendable {
    case go(Route)
    /// Navigating to the screen the reader is already on.
    case stay
    case field(String)
    case choice(String)
    case draftToggle(String)
    case info(String)
    case openUpgrade
    case submitActivationCode
    case upgradeSubscription
    case newOrganization
    case createOrganization
    case openTeamSwitcher
    case switchInstance(InstanceID)
    case command(Command, success: String)
    case invite(InviteTarget)
    case acceptInvitation(InvitationID)
    case inviteControl(OrgID)
    case createProject(OrgID)
    case createTeam
    case linkTeam(TeamID)
    case renameTeam(TeamID)
    case deleteTeam(TeamID)
    case downloadReport(InstanceID)
    case downloadUnmanagedUsers(String)
    case createDomain
    case domainFlag(String, DomainFlag)
    case saveStorage(StorageScope)
    case createSSOConnection
    case ssoEnabled
    case scimBearerToken
    case refreshSCIMToken
    case simulateProvisioning
    case scimTeam(delete: Bool)
    case addCoOwner
    case advanceClock(Int)
}

enum DomainFlag: Equatable, Sendable {
    case txtConfirmed, capture, lock
}
