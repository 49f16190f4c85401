import DocentTestSupport
import EnterpriseDomain
import Testing

/// The rules that must hold after every step, whatever happened before.
func checkInvariants(_ state: State, sourceLocation: SourceLocation = #_sourceLocation) {
    for instance in state.instances {
        let usage = state.licenseUsage(instance.id)
        #expect(
            usage.used <= usage.total, "seats used exceed seats bought in \(instance.id)",
            sourceLocation: sourceLocation)
        #expect(
            instance.licenses.contains(instance.ownerID), "the instance Owner holds a license",
            sourceLocation: sourceLocation)
    }
    for org in state.orgs {
        let owners = org.directMembers.filter { $0.role == .owner }
        #expect(
            owners.count == 1 && owners.first?.userID == org.ownerID, "one owner in \(org.name)",
            sourceLocation: sourceLocation)
        #expect(state.user(org.ownerID) != nil, sourceLocation: sourceLocation)
        #expect(state.effectiveRole(of: org.ownerID, in: org.id) == .owner, sourceLocation: sourceLocation)
    }
    for invitation in state.invitations where invitation.status == .pending {
        #expect(
            state.today < invitation.expiresOn, "a pending invitation is not past its expiry",
            sourceLocation: sourceLocation)
        guard let instanceID = invitation.instanceID else { continue }
        let licensed = state.user(email: invitation.email).map { state.isLicensed($0.id, in: instanceID) } ?? false
        #expect(
            licensed || state.seatHoldingInviteEmails(in: instanceID).contains(invitation.email),
            "a pending invite holds a seat", sourceLocation: sourceLocation)
    }
}

/// Random commands from small pools of names, so they often hit real ids.
struct CommandGenerator {
    var random: SeededRandom
    let emails = [
        "alice@kong.com", "bob@kong.com", "carol@kong.com", "erin@kong.com", "finn@kong.com", "new1@kong.com",
        "new2@konghq.com", "x@other.com", "olivia@globex.com", "bad-email", "",
    ]
    let names = ["Cargo", "Passengers", "Flight", "Sales", "  ", "Ops"]
    let domains = ["kong.com", "konghq.com", "app.kong.com", "other.com", "bad domain"]

    mutating func command(in state: State) -> Command {
        let users = state.users.map { $0.id } + ["user_999"]
        let orgs = state.orgs.map { $0.id } + ["org_999"]
        let teams = state.instances.flatMap { $0.teams.map { $0.id } } + ["team_999"]
        let invitations = state.invitations.map { $0.id } + ["inv_999"]
        let role = random.pick([OrgRole.member, .admin, .owner])
        let rules = StorageRules(
            cloudSync: random.chance(50), localVault: random.chance(50), gitSync: random.chance(50))
        switch random.next() % 36 {
        case 0: return .signUp(email: random.pick(emails), method: .email)
        case 1: return .logIn(random.pick(users), method: random.pick([.email, .sso]))
        case 2: return .recordActivity(random.pick(users))
        case 3:
            return .upgradeSubscription(code: random.pick(["ENT-100", "ENT-150", "ENT-USED", "ENT-NEW", "ENT-1", ""]))
        case 4: return .startTrial
        case 5:
            return .issueActivationCode(
                code: "ENT-1", seats: Int(random.next() % 8), customerID: "kong", expiresOn: nil)
        case 6: return .createOrganization(name: random.pick(names))
        case 7, 8:
            return .invite(
                emails: [random.pick(emails), random.pick(emails)], to: .organization(random.pick(orgs)), role: role)
        case 9: return .invite(emails: [random.pick(emails)], to: .team(random.pick(teams)), role: role)
        case 10, 11: return .acceptInvitation(random.pick(invitations))
        case 12: return .revokeInvitation(random.pick(invitations))
        case 13: return .changeRole(random.pick(users), org: random.pick(orgs), role: role)
        case 14: return .removeFromOrganization(random.pick(users), org: random.pick(orgs))
        case 15: return .removeFromTeam(random.pick(users), team: random.pick(teams))
        case 16: return .removeLicense(random.pick(users))
        case 17: return .addCoOwner(email: random.pick(emails), role: random.pick([.coOwner, .billingOnly, .owner]))
        case 18: return .transferOrganization(random.pick(orgs), to: random.pick(users))
        case 19: return .respondToTransfer(random.pick(orgs), accept: random.chance(70))
        case 20: return .createTeam(name: random.pick(names), description: "d")
        case 21: return .linkTeam(random.pick(teams), org: random.pick(orgs))
        case 22: return .unlinkTeam(random.pick(teams), org: random.pick(orgs))
        case 23: return .deleteTeam(random.pick(teams))
        case 24:
            return .createDomain(name: random.pick(domains), method: random.pick([.uniqueRecord, .rootDomainRecord]))
        case 25: return .confirmTXTRecordAdded(domain: random.pick(domains))
        case 26: return .verifyDomain(random.pick(domains))
        case 27: return .setDomainCapture(domain: random.pick(domains), on: random.chance(70))
        case 28: return .setDomainLock(domain: random.pick(domains), on: random.chance(50))
        case 29:
            return .setInviteControl(
                org: random.pick(orgs), random.pick([.allDomains, .verifiedOnly, .custom(["kong.com"]), .disabled]))
        case 30:
            return .editStorage(
                random.pick([.personalWorkspaces, .organizations, .organization(random.pick(orgs))]), rules)
        case 31: return .createProject(in: random.pick(orgs), type: random.pick(StorageType.allCases), name: "P")
        case 32: return .createSSOConnection(domain: random.pick(domains), type: .saml)
        case 33: return .enableSCIM(expiry: random.pick(SCIMTokenExpiry.allCases), refresh: .manual)
        case 34:
            return random.chance(50)
                ? .scimProvision(email: random.pick(emails)) : .scimDeactivate(email: random.pick(emails))
        default: return .advanceClock(days: random.pick([0, 1, 5, 29, 30, 31, -1]))
        }
    }
}

@Suite struct DomainPropertyTests {
    @Test(arguments: Array(UInt64(1)...UInt64(30)))
    func invariantsHoldAfterEveryRandomCommand(seed: UInt64) {
        var state = seed % 2 == 0 ? State.enterpriseAdminFixture() : State.scenarioFixture()
        var generator = CommandGenerator(random: SeededRandom(seed: seed))
        checkInvariants(state)
        var succeeded = 0
        for _ in 0..<200 {
            let command = generator.command(in: state)
            let actor: UserID? = generator.random.chance(85) ? generator.random.pick(state.users.map { $0.id }) : nil
            let before = state
            do {
                try state.perform(command, by: actor)
                succeeded += 1
            } catch {
                #expect(state == before, "a refused command changed the state: \(command)")
            }
            checkInvariants(state)
        }
        #expect(succeeded >= 20, "the generator should exercise real changes, not only refusals")
    }

    @Test func theSameSeedGivesTheSameRun() {
        func run(_ seed: UInt64) -> State {
            var state = State.enterpriseAdminFixture()
            var generator = CommandGenerator(random: SeededRandom(seed: seed))
            for _ in 0..<100 {
                let command = generator.command(in: state)
                _ = try? state.perform(command, by: generator.random.pick(state.users.map { $0.id }))
            }
            return state
        }
        #expect(run(42) == run(42))
    }
}
