/// The whole simulated product as one value. Copying it forks the simulation; tests compare whole states.
public struct State: Equatable, Sendable {
    public var today: Day
    public var configuration: Configuration
    /// UPD: environment variables seen by the desktop app.
    public var environment: StringMap
    public var platform: Platform
    /// UPD-4: the desktop app's "update automatically" user setting.
    public var updateAutomatically = true
    public var users: [User] = []
    public var activationCodes: [ActivationCode] = []
    public var instances: [EnterpriseInstance] = []
    public var orgs: [Organization] = []
    public var invitations: [Invitation] = []
    public var pendingTransfers: [PendingTransfer] = []
    public var counters = Counters()

    public struct Counters: Equatable, Sendable {
        public var user = 0
        public var org = 0
        public var team = 0
        public var instance = 0
        public var invitation = 0
        public var token = 0
    }

    public init(
        today: Day = Day(year: 2026, month: 3, day: 1), configuration: Configuration = Configuration(),
        platform: Platform = .macOS
    ) {
        self.today = today
        self.configuration = configuration
        self.environment = [:]
        self.platform = platform
    }
}

// MARK: - Lookups

extension State {
    @inline(never)
    public func user(_ id: UserID) -> User? { users.firstWhere { Text.equal($0.id, id) } }
    @inline(never)
    public func user(email: String) -> User? {
        let key = Text.lowercased(Text.trimmed(email))
        return users.firstWhere { Text.equal($0.email, key) }
    }
    @inline(never)
    public func org(_ id: OrgID) -> Organization? { orgs.firstWhere { Text.equal($0.id, id) } }
    @inline(never)
    public func org(named name: String) -> Organization? {
        orgs.firstWhere { Text.equal($0.name, name) && $0.type != .personal }
    }
    @inline(never)
    public func instance(_ id: InstanceID) -> EnterpriseInstance? { instances.firstWhere { Text.equal($0.id, id) } }
    @inline(never)
    public func invitation(_ id: InvitationID) -> Invitation? { invitations.firstWhere { Text.equal($0.id, id) } }
    @inline(never)
    public func activationCode(_ code: String) -> ActivationCode? {
        activationCodes.firstWhere { Text.equal($0.code, code) }
    }

    @inline(never)

    public func team(_ id: TeamID) -> Team? {
        for instance in instances {
            if let team = instance.teams.firstWhere({ Text.equal($0.id, id) }) { return team }
        }
        return nil
    }

    @inline(never)

    public func instanceID(ofTeam id: TeamID) -> InstanceID? {
        instances.firstWhere { $0.teams.containsWhere { Text.equal($0.id, id) } }?.id
    }

    /// The instance where the user is Owner or a Co-owner (not Billing-only).
    public func administeredInstance(by userID: UserID) -> EnterpriseInstance? {
        administeredInstanceIndex(by: userID).map { instances[$0] }
    }

    /// The id of `administeredInstance(by:)`, without copying the instance.
    public func administeredInstanceID(by userID: UserID) -> InstanceID? {
        administeredInstanceIndex(by: userID).map { instances[$0].id }
    }

    @inline(never)
    func administeredInstanceIndex(by userID: UserID) -> Int? {
        instances.indexWhere { instance in
            Text.equal(instance.ownerID, userID)
                || instance.coOwners.containsWhere { Text.equal($0.userID, userID) && $0.role == .coOwner }
        }
    }

    @inline(never)

    public func accountRole(of userID: UserID, in instanceID: InstanceID) -> AccountRole? {
        guard let instance = instance(instanceID) else { return nil }
        if Text.equal(instance.ownerID, userID) { return .owner }
        return instance.coOwners.firstWhere { Text.equal($0.userID, userID) }?.role
    }

    /// Instances where the user holds a license, in creation order (TEAM-10: the sidebar switcher).
    @inline(never)
    public func licensedInstances(of userID: UserID) -> [EnterpriseInstance] {
        instances.filtered { $0.licenses.containsText(userID) }
    }

    @inline(never)

    public func isLicensed(_ userID: UserID, in instanceID: InstanceID) -> Bool {
        instance(instanceID)?.licenses.containsText(userID) ?? false
    }

    /// The verified domain entry (and its instance) matching an email exactly (DOM-17).
    @inline(never)
    public func verifiedDomain(forEmail email: String) -> (instanceID: InstanceID, domain: Domain)? {
        let name = Text.emailDomain(email)
        for instance in instances {
            if let domain = instance.domains.firstWhere({ Text.equal($0.name, name) && $0.verified }) {
                return (instance.id, domain)
            }
        }
        return nil
    }

    @inline(never)

    func userIndex(_ id: UserID) -> Int? { users.indexWhere { Text.equal($0.id, id) } }
    @inline(never)
    func orgIndex(_ id: OrgID) -> Int? { orgs.indexWhere { Text.equal($0.id, id) } }
    @inline(never)
    func instanceIndex(_ id: InstanceID) -> Int? { instances.indexWhere { Text.equal($0.id, id) } }
}
