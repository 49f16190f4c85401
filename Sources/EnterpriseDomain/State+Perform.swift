/// The one entry point that changes the state. A command either succeeds and returns its events, or
/// throws and leaves the state exactly as it was (the work happens on a copy).
extension State {
    @discardableResult
    @inline(never)
    public mutating func perform(_ command: Command, by actor: UserID? = nil) throws(DomainError) -> [Event] {
        var draft = self
        let events = try draft.run(command, by: actor)
        self = draft
        return events
    }

    mutating func run(_ command: Command, by actor: UserID?) throws(DomainError) -> [Event] {
        switch command {
        case .signUp(let email, let method): return try signUp(email: email, method: method)
        case .logIn(let id, let method): return try logIn(id, method: method)
        case .recordActivity(let id): return try recordActivity(id)
        case .issueActivationCode(let code, let seats, let customer, let expiresOn):
            activationCodes.append(
                ActivationCode(
                    code: code, seats: seats, customerID: customer, issuedOn: today, expiresOn: expiresOn,
                    consumedBy: nil))
            return [.activationCodeIssued(code)]
        case .acceptInvitation(let id): return try acceptInvitation(id, by: actor)
        case .setEnvironment(let name, let value):
            environment[name] = value
            return [.environmentChanged(name)]
        case .setUpdateAutomatically(let on):
            updateAutomatically = on
            return [.updateSettingChanged(on)]
        case .advanceClock(let days): return try advanceClock(days: days)
        default: return try runSignedIn(command, by: try actorID(actor))
        }
    }

    /// The commands a signed-in user gives; `run` handles the others and checks the actor once for these.
    mutating func runSignedIn(_ command: Command, by actor: UserID) throws(DomainError) -> [Event] {
        switch command {
        case .upgradeSubscription(let code): return try upgradeSubscription(code: code, by: actor)
        case .startTrial: return try startTrial(by: actor)
        case .createOrganization(let name): return try createOrganization(name: name, by: actor)
        case .invite(let emails, let target, let role):
            return try invite(emails: emails, to: target, role: role, by: actor)
        case .revokeInvitation(let id): return try revokeInvitation(id, by: actor)
        case .resendInvitation(let id): return try resendInvitation(id, role: nil, by: actor)
        case .changeInvitationRole(let id, let role):
            return try resendInvitation(id, role: role, by: actor)
        case .changeRole(let user, let org, let role):
            return try changeRole(user, org: org, role: role, by: actor)
        case .removeFromOrganization(let user, let org):
            return try removeFromOrganization(user, org: org, by: actor)
        case .removeFromTeam(let user, let team): return try removeFromTeam(user, team: team, by: actor)
        case .removeLicense(let user): return try removeLicense(user, by: actor)
        case .addCoOwner(let email, let role): return try addCoOwner(email: email, role: role, by: actor)
        case .removeCoOwner(let user, let keep): return try removeCoOwner(user, keepAsMember: keep, by: actor)
        case .transferOrganization(let org, let to):
            return try transferOrganization(org, to: to, by: actor)
        case .respondToTransfer(let org, let accept):
            return try respondToTransfer(org, accept: accept, by: actor)
        case .createTeam(let name, let description):
            return try createTeam(name: name, description: description, by: actor)
        case .linkTeam(let team, let org): return try linkTeam(team, org: org, link: true, by: actor)
        case .unlinkTeam(let team, let org): return try linkTeam(team, org: org, link: false, by: actor)
        case .renameTeam(let team, let name): return try renameTeam(team, name: name, by: actor)
        case .deleteTeam(let team): return try deleteTeam(team, by: actor)
        case .createDomain(let name, let method):
            return try createDomain(name: name, method: method, by: actor)
        case .confirmTXTRecordAdded(let domain): return try confirmTXTRecord(domain, by: actor)
        case .verifyDomain(let domain): return try verifyDomain(domain, by: actor)
        case .setDomainCapture(let domain, let on):
            return try setDomainFlag(domain, capture: on, lock: nil, by: actor)
        case .setDomainLock(let domain, let on):
            return try setDomainFlag(domain, capture: nil, lock: on, by: actor)
        case .setInviteControl(let org, let control): return try setInviteControl(org, control, by: actor)
        case .editStorage(let scope, let rules): return try editStorage(scope, rules, by: actor)
        case .createProject(let org, let type, let name):
            return try createProject(in: org, type: type, name: name, by: actor)
        case .createSSOConnection(let domain, let type):
            return try createSSOConnection(domain: domain, type: type, by: actor)
        case .setSSOEnabled(let on): return try setSSOEnabled(on, by: actor)
        case .enableSCIM(let expiry, let refresh):
            return try enableSCIM(expiry: expiry, refresh: refresh, by: actor)
        case .refreshSCIMToken(let passphrase):
            return try refreshSCIMToken(passphrase: passphrase, by: actor)
        case .scimProvision(let email): return try scimProvision(email: email, by: actor)
        case .scimDeactivate(let email): return try scimDeactivate(email: email, by: actor)
        case .scimProvisionTeam(let name, let emails): return try scimSyncTeam(name, emails: emails, by: actor)
        case .scimDeleteTeam(let name): return try scimSyncTeam(name, emails: nil, by: actor)
        case .signUp, .logIn, .recordActivity, .issueActivationCode, .acceptInvitation, .setEnvironment,
            .setUpdateAutomatically, .advanceClock:
            return try run(command, by: actor)
        }
    }

    @inline(never)

    func actorID(_ actor: UserID?) throws(DomainError) -> UserID {
        guard let actor, user(actor) != nil else { throw .permissionDenied("sign in first") }
        return actor
    }

    /// The instance the actor administers (Owner or Co-owner).
    @inline(never)
    func adminInstanceIndex(_ actor: UserID) throws(DomainError) -> Int {
        guard let index = administeredInstanceIndex(by: actor) else {
            throw .permissionDenied("only the Owner or a Co-owner of an Enterprise account can do this")
        }
        return index
    }

    @inline(never)

    static func nextID(_ prefix: String, _ counter: inout Int) -> String {
        counter += 1
        return "\(prefix)_\(counter)"
    }
}

// MARK: - Time

extension State {
    @inline(never)
    mutating func advanceClock(days: Int) throws(DomainError) -> [Event] {
        if days < 0 || days > Day.latest.number - today.number { throw .invalidClockAdvance }
        today = today.adding(days: days)
        var events: [Event] = [.clockAdvanced(to: today)]
        // INV-7/LIC-2: expire invitations and release the seats they held.
        for index in invitations.indices
        where invitations[index].status == .pending && today >= invitations[index].expiresOn {
            let holdsSeat =
                invitations[index].instanceID.map {
                    seatHoldingInviteEmails(in: $0).containsText(invitations[index].email)
                }
                ?? false
            invitations[index].status = .expired
            events.append(.invitationExpired(invitations[index].id))
            let stillHeld =
                invitations[index].instanceID.map {
                    seatHoldingInviteEmails(in: $0).containsText(invitations[index].email)
                }
                ?? false
            if holdsSeat && !stillHeld { events.append(.seatReleased(email: invitations[index].email)) }
        }
        // ACC-11/ACC-12: trials end and revert to the previous plan.
        for index in instances.indices {
            guard let trial = instances[index].trial, instances[index].active, today >= trial.endsOn else { continue }
            instances[index].active = false
            if let owner = userIndex(instances[index].ownerID) { users[owner].plan = users[owner].previousPlan }
            events.append(.trialEnded(instances[index].id))
        }
        return events
    }
}
