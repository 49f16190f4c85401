/// The records the state is made of. Every collection in `State` is an array in creation order, so
/// iteration, JSON and CSV output never depend on hashing.

public struct User: Equatable, Sendable {
    public var id: UserID
    /// Lowercased.
    public var email: String
    public var plan: PlanType
    /// ACC-4/ACC-11: the plan to return to when a trial or Enterprise membership ends.
    public var previousPlan: PlanType
    public var passphraseSet: Bool
    public var createdOn: Day
    public var lastLoginOn: Day?
    /// RPT-10: tracked from `Configuration.activityTrackingStart` only.
    public var lastActiveOn: Day?
    public var loginMethod: LoginMethod
    public var personalOrgID: OrgID
}

/// A test fixture: codes come from sales, never from the reader (UPG-4..14).
public struct ActivationCode: Equatable, Sendable {
    public var code: String
    public var seats: Int
    public var customerID: String
    public var issuedOn: Day
    public var expiresOn: Day?
    public var consumedBy: UserID?
}

public struct TeamMember: Equatable, Sendable {
    public var userID: UserID
    /// TEAM-4/TEAM-11: the role this member has in every organization linked to the team.
    public var role: OrgRole
}

public struct Team: Equatable, Sendable {
    public enum Source: Equatable, Sendable { case manual, scim }
    public var id: TeamID
    public var name: String
    public var description: String
    public var members: [TeamMember]
    public var linkedOrgs: [OrgID]
    public var source: Source
}

public struct Domain: Equatable, Sendable {
    public var name: String
    public var method: VerificationMethod
    public var txtRecord: String
    public var txtConfirmed: Bool
    public var verified: Bool
    public var capture: Bool
    public var lock: Bool
    public var createdOn: Day
}

/// POL-4: which project storage types are allowed.
public struct StorageRules: Equatable, Sendable {
    public var cloudSync: Bool
    public var localVault: Bool
    public var gitSync: Bool

    public init(cloudSync: Bool = true, localVault: Bool = true, gitSync: Bool = true) {
        self.cloudSync = cloudSync
        self.localVault = localVault
        self.gitSync = gitSync
    }

    public static let allAllowed = StorageRules()

    public func allows(_ type: StorageType) -> Bool {
        switch type {
        case .cloudSync: cloudSync
        case .localVault: localVault
        case .gitSync: gitSync
        }
    }

    public var allowedTypes: [StorageType] { StorageType.allCases.filtered { allows($0) } }

    /// POL-6: "Cloud Sync, Local Vault and Git Sync" or "No storage types selected".
    public var label: String {
        let names = allowedTypes.mapped { $0.displayName }
        return names.isEmpty ? "No storage types selected" : Text.joinedList(names)
    }

    /// POL-7: Local Vault if allowed, else Cloud Sync, else Git Sync, else Local Vault.
    public var defaultType: StorageType {
        if localVault { return .localVault }
        if cloudSync { return .cloudSync }
        if gitSync { return .gitSync }
        return .localVault
    }
}

public struct StorageOverride: Equatable, Sendable {
    public var orgID: OrgID
    public var rules: StorageRules
}

/// POL-1/POL-3: one rule for personal workspaces, one for organizations, per-org overrides.
public struct StoragePolicy: Equatable, Sendable {
    public var personalWorkspace = StorageRules.allAllowed
    public var orgDefault = StorageRules.allAllowed
    public var overrides: [StorageOverride] = []
}

/// INV-11.
public enum InviteControl: Equatable, Sendable {
    case allDomains, verifiedOnly, custom([String]), disabled
    public var displayName: String {
        switch self {
        case .allDomains: "All domains"
        case .verifiedOnly: "Only verified domains"
        case .custom: "Custom domains"
        case .disabled: "Invites disabled"
        }
    }
}

public struct InviteControlSetting: Equatable, Sendable {
    public var orgID: OrgID
    public var control: InviteControl
}

public struct SSOConnection: Equatable, Sendable {
    public var domain: String
    public var type: SSOType
    public var enabled: Bool
}

public struct SCIMConfig: Equatable, Sendable {
    public var expiry: SCIMTokenExpiry
    public var refreshMode: SCIMRefreshMode
    public var issuedOn: Day
    public var connectorURL: String
    /// How many tokens were issued; the token itself is never stored (SCIM-2).
    public var tokenSerial: Int

    public func expiresOn() -> Day? { expiry.days.map { issuedOn.adding(days: $0) } }
}

public struct Trial: Equatable, Sendable {
    public var startedOn: Day
    public var endsOn: Day
}

public struct CoOwner: Equatable, Sendable {
    public var userID: UserID
    public var role: AccountRole
}

public struct EnterpriseInstance: Equatable, Sendable {
    public var id: InstanceID
    /// The team-instance name shown in the dashboard sidebar (TEAM-10).
    public var name: String
    public var customerID: String
    public var ownerID: UserID
    public var coOwners: [CoOwner]
    public var seatTotal: Int
    /// Licensed users, in the order they got their license.
    public var licenses: [UserID]
    public var scimProvisioned: [UserID]
    public var trial: Trial?
    /// ACC-12: a lapsed instance is inactive.
    public var active: Bool
    public var domains: [Domain]
    public var teams: [Team]
    public var storage: StoragePolicy
    public var inviteControls: [InviteControlSetting]
    public var sso: SSOConnection?
    public var scim: SCIMConfig?
}

public struct Project: Equatable, Sendable {
    public var name: String
    public var type: StorageType
    public var createdBy: UserID

    /// The same fields, the strings compared by bytes (see String+Bytes.swift).
    public func isSame(as other: Project) -> Bool {
        Text.equal(name, other.name) && type == other.type && Text.equal(createdBy, other.createdBy)
    }
}

public struct DirectMember: Equatable, Sendable {
    public var userID: UserID
    public var role: OrgRole
}

public struct Organization: Equatable, Sendable {
    public var id: OrgID
    public var name: String
    public var type: OrganizationType
    public var ownerID: UserID
    public var instanceID: InstanceID?
    public var directMembers: [DirectMember]
    public var projects: [Project]
    public var createdOn: Day
}

public enum InviteTarget: Equatable, Sendable {
    case organization(OrgID)
    case team(TeamID)

    /// The same kind of target with the same id, compared by bytes (see String+Bytes.swift).
    public static func == (lhs: InviteTarget, rhs: InviteTarget) -> Bool {
        switch (lhs, rhs) {
        case (.organization(let a), .organization(let b)), (.team(let a), .team(let b)): return Text.equal(a, b)
        default: return false
        }
    }
}

public struct Invitation: Equatable, Sendable {
    public enum Status: Equatable, Sendable {
        case pending, accepted, revoked, expired
        public var rawName: String {
            switch self {
            case .pending: "pending"
            case .accepted: "accepted"
            case .revoked: "revoked"
            case .expired: "expired"
            }
        }
    }
    public var id: InvitationID
    public var email: String
    public var target: InviteTarget
    public var instanceID: InstanceID?
    public var role: OrgRole
    public var sentOn: Day
    public var expiresOn: Day
    public var status: Status
}

public struct PendingTransfer: Equatable, Sendable {
    public var orgID: OrgID
    public var toUserID: UserID
}

/// LIC-7: `{used, total, memberCount, inviteCount, free}`.
public struct LicenseUsage: Equatable, Sendable {
    public var used: Int
    public var total: Int
    public var memberCount: Int
    public var inviteCount: Int
    public var free: Int
}

/// UPG-9: what the reader sees after submitting a code; building it changes no state.
public struct PlanPreview: Equatable, Sendable {
    public var code: String
    public var plan: String
    public var seats: Int
    /// True when the code raises the seats of an instance the reader already owns (UPG-7/14).
    public var isSeatChange: Bool
}
