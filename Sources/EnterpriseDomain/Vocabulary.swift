/// Identifiers are deterministic counters ("user_1", "org_3"), so whole states compare and print stably.
public typealias UserID = String
public typealias OrgID = String
public typealias TeamID = String
public typealias InstanceID = String
public typealias InvitationID = String

/// ACC-4: the app's personal plan types.
public enum PlanType: Equatable, Sendable {
    case free, individual, team, enterprise, enterpriseMember

    /// The app's raw value (`enterprise-member`).
    public var rawName: String {
        switch self {
        case .free: "free"
        case .individual: "individual"
        case .team: "team"
        case .enterprise: "enterprise"
        case .enterpriseMember: "enterprise-member"
        }
    }

    /// ACC-7 (I): display names of the current plan line-up.
    public var displayName: String {
        switch self {
        case .free: "Essentials"
        case .individual, .team: "Pro"
        case .enterprise: "Enterprise"
        case .enterpriseMember: "Enterprise member"
        }
    }
}

/// ACC-3: organization types.
public enum OrganizationType: Equatable, Sendable {
    case personal, team, enterprise
    public var rawName: String {
        switch self {
        case .personal: "personal"
        case .team: "team"
        case .enterprise: "enterprise"
        }
    }
}

public enum LoginMethod: Equatable, Sendable {
    case email, google, github, sso
    public var rawName: String {
        switch self {
        case .email: "email"
        case .google: "google"
        case .github: "github"
        case .sso: "sso"
        }
    }
}

/// ROLE-1: organization roles, ordered owner > admin > member (TEAM-5).
public enum OrgRole: Equatable, Comparable, Sendable {
    case member, admin, owner

    public var rawName: String {
        switch self {
        case .owner: "owner"
        case .admin: "admin"
        case .member: "member"
        }
    }
    public var displayName: String {
        switch self {
        case .owner: "Owner"
        case .admin: "Admin"
        case .member: "Member"
        }
    }
    /// ROLE-1 descriptions from the app.
    public var summary: String {
        switch self {
        case .owner: "Owner can manage the organization and also delete it."
        case .admin: "Admin can only manage the organization."
        case .member: "Member cannot manage the organization."
        }
    }
    /// Owner and admin manage membership and settings (INV-2, ROLE-2).
    public var canManage: Bool { self != .member }
}

/// ROLE-3: account-level roles in an Enterprise instance.
public enum AccountRole: Equatable, Sendable {
    case owner, coOwner, billingOnly
    public var displayName: String {
        switch self {
        case .owner: "Owner"
        case .coOwner: "Co-owner"
        case .billingOnly: "Billing-only"
        }
    }
}

/// POL-4: the three project storage types, in the app's label order.
public enum StorageType: Equatable, Sendable, CaseIterable {
    case cloudSync, localVault, gitSync
    public var displayName: String {
        switch self {
        case .cloudSync: "Cloud Sync"
        case .localVault: "Local Vault"
        case .gitSync: "Git Sync"
        }
    }
}

/// DOM-1: how a domain is verified.
public enum VerificationMethod: Equatable, Sendable {
    case uniqueRecord, rootDomainRecord
    public var displayName: String {
        switch self {
        case .uniqueRecord: "Unique verification record"
        case .rootDomainRecord: "Root domain verification record"
        }
    }
}

public enum SSOType: Equatable, Sendable {
    case saml, oidc
    public var displayName: String {
        switch self {
        case .saml: "SAML"
        case .oidc: "OIDC"
        }
    }
}

/// SCIM-3: token lifetimes; `nil` days means no expiration.
public enum SCIMTokenExpiry: Equatable, Sendable, CaseIterable {
    case days30, days90, days180, year1, years2, never
    public var days: Int? {
        switch self {
        case .days30: 30
        case .days90: 90
        case .days180: 180
        case .year1: 365
        case .years2: 730
        case .never: nil
        }
    }
    public var displayName: String {
        switch self {
        case .days30: "30 days"
        case .days90: "90 days"
        case .days180: "180 days"
        case .year1: "1 year"
        case .years2: "2 years"
        case .never: "No expiration"
        }
    }
}

/// SCIM-4.
public enum SCIMRefreshMode: Equatable, Sendable {
    case manual, automatic
    public var displayName: String { self == .manual ? "Manual" : "Automatic" }
}

public enum Platform: Equatable, Sendable {
    case macOS, windows, windowsPortable, linux
    public var rawName: String {
        switch self {
        case .macOS: "darwin"
        case .windows: "win32"
        case .windowsPortable: "win32-portable"
        case .linux: "linux"
        }
    }
}
