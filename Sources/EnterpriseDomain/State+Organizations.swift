/// Organizations, invitations, roles, licenses, co-owners, transfers (ORG, INV, ROLE, LIC).
extension State {
    mutating func createOrganization(name rawName: String, by actor: UserID) throws(DomainError) -> [Event] {
        let type: OrganizationType
        let instanceID: InstanceID?
        switch newOrganizationAccess(actor) {
        case .denied(let title, let message): throw .cannotCreateOrganization(title: title, message: message)
        case .upgradeLanding:
            throw .upgradeRequired("Creating organizations needs a Team plan or above. Upgrade to continue.")
        case .form(let allowedType, let instance):
            type = allowedType
            instanceID = instance
        }
        // ORG-4 (I): trimmed, non-empty, casing kept, duplicates allowed.
        let name = Text.trimmed(rawName)
        if name.isEmpty { throw .organizationNameRequired }
        if let max = configuration.organizationNameMaxLength, name.unicodeScalars.count > max {
            throw .organizationNameTooLong(max: max)
        }
        let id = State.nextID("org", &counters.org)
        orgs.append(
            Organization(
                id: id, name: name, type: type, ownerID: actor, instanceID: instanceID,
                directMembers: [DirectMember(userID: actor, role: .owner)], projects: [], createdOn: today))
        return [.organizationCreated(id, name: name)]
    }

    /// INV-2: org owners and admins, and the instance's Owner and Co-owners, manage an org.
    @inline(never)
    func canManage(_ orgID: OrgID, _ actor: UserID) -> Bool {
        guard let org = org(orgID) else { return false }
        if effectiveRole(of: actor, in: orgID)?.canManage ?? false { return true }
        if let instanceID = org.instanceID, Text.equal(administeredInstanceID(by: actor), instanceID) { return true }
        return false
    }

    mutating func invite(emails rawEmails: [String], to target: InviteTarget, role: OrgRole, by actor: UserID)
        throws(DomainError) -> [Event]
    {
        if role == .owner { throw .ownerRoleNotAssignable }
        // INV-9: trim, lowercase, merge duplicates; any invalid email blocks the whole send.
        var emails: [String] = []
        var invalid: [String] = []
        for raw in rawEmails {
            for piece in Text.split(raw, UInt8(ascii: ",")) {
                let email = Text.lowercased(Text.trimmed(piece))
                if email.isEmpty || emails.containsText(email) { continue }
                if Text.isValidEmail(email) { emails.append(email) } else { invalid.append(email) }
            }
        }
        if !invalid.isEmpty || emails.isEmpty { throw .invalidEmails(invalid) }

        let targetInstance: InstanceID?
        switch target {
        case .organization(let orgID):
            guard let org = org(orgID) else { throw .notFound("organization \(orgID)") }
            guard canManage(orgID, actor) else { throw .permissionDenied("only owners and admins can invite") }
            targetInstance = org.instanceID
            // ACC-10: RBAC needs Team plan or above.
            if role != .member, org.instanceID == nil, let owner = user(org.ownerID),
                owner.plan == .free || owner.plan == .individual
            {
                throw .rbacRequiresTeamPlan
            }
            try checkInviteControl(emails, org: org)
        case .team(let teamID):
            guard let owning = instanceID(ofTeam: teamID) else { throw .notFound("team \(teamID)") }
            guard Text.equal(administeredInstanceID(by: actor), owning) else {
                throw .permissionDenied("only the Owner or a Co-owner can invite to a team")
            }
            targetInstance = owning
        }

        // Skip people who already have what the invite would give, and duplicates of a pending invite.
        let fresh = emails.filtered { email in
            if invitations.containsWhere({ Text.equal($0.email, email) && $0.target == target && $0.status == .pending }
            ) {
                return false
            }
            guard let existing = user(email: email) else { return true }
            switch target {
            case .organization(let orgID): return effectiveRole(of: existing.id, in: orgID) == nil
            case .team(let teamID):
                return !(team(teamID)?.members.containsWhere { Text.equal($0.userID, existing.id) } ?? false)
            }
        }

        // INV-6/INV-8/INV-12: all-or-nothing seat check, counting only emails without a license or a held seat.
        var needingSeats: [String] = []
        if let instanceID = targetInstance, let instance = instance(instanceID) {
            let held = seatHoldingInviteEmails(in: instanceID)
            for email in fresh {
                if held.containsText(email) { continue }
                if let existing = user(email: email), instance.licenses.containsText(existing.id) { continue }
                needingSeats.append(email)
            }
            if needingSeats.count > licenseUsage(instanceID).free {
                throw .needsToIncreaseSeats(viewerIsOwner: Text.equal(instance.ownerID, actor))
            }
        }

        var events: [Event] = []
        for email in fresh {
            let id = State.nextID("inv", &counters.invitation)
            invitations.append(
                Invitation(
                    id: id, email: email, target: target, instanceID: targetInstance, role: role, sentOn: today,
                    expiresOn: today.adding(days: configuration.invitationLifetimeDays), status: .pending))
            events.append(.invitationSent(id, email: email))
            if needingSeats.containsText(email) { events.append(.seatReserved(email: email)) }
        }
        return events
    }

    /// INV-11/INV-14.
    @inline(never)
    func checkInviteControl(_ emails: [String], org: Organization) throws(DomainError) {
        guard let instanceID = org.instanceID, let instance = instance(instanceID) else { return }
        let control = instance.inviteControls.firstWhere { Text.equal($0.orgID, org.id) }?.control ?? .allDomains
        for email in emails {
            let domain = Text.emailDomain(email)
            switch control {
            case .allDomains: continue
            case .disabled: throw .invitesDisabled
            case .verifiedOnly:
                if !instance.domains.containsWhere({ Text.equal($0.name, domain) && $0.verified }) {
                    throw .inviteDomainNotAllowed(email)
                }
            case .custom(let allowed):
                if !allowed.containsText(domain) { throw .inviteDomainNotAllowed(email) }
            }
        }
    }

    /// INV-5/INV-13: the invitee accepts; the held seat becomes a license.
    mutating func acceptInvitation(_ id: InvitationID, by actor: UserID?) throws(DomainError) -> [Event] {
        guard let index = invitations.indexWhere({ Text.equal($0.id, id) }) else { throw .notFound("invitation \(id)") }
        let invitation = invitations[index]
        guard invitation.status == .pending else { throw .invitationNotPending }
        guard let invitee = user(email: invitation.email) else {
            throw .notFound("an account for \(invitation.email); sign up first")
        }
        if let actor, !Text.equal(actor, invitee.id) { throw .permissionDenied("only the invitee can accept") }
        var events: [Event] = [.invitationAccepted(id)]
        if let instanceID = invitation.instanceID, !isLicensed(invitee.id, in: instanceID) {
            grantLicense(invitee.id, in: instanceID)
            events.append(.licenseGranted(invitee.id))
        }
        switch invitation.target {
        case .organization(let orgID):
            guard let orgIndex = orgIndex(orgID) else { throw .notFound("organization \(orgID)") }
            if let member = orgs[orgIndex].directMembers.indexWhere({ Text.equal($0.userID, invitee.id) }) {
                if orgs[orgIndex].directMembers[member].role != .owner {
                    orgs[orgIndex].directMembers[member].role = invitation.role
                }
            } else {
                orgs[orgIndex].directMembers.append(DirectMember(userID: invitee.id, role: invitation.role))
            }
        case .team(let teamID):
            try updateTeam(teamID) { team in
                if let member = team.members.indexWhere({ Text.equal($0.userID, invitee.id) }) {
                    team.members[member].role = invitation.role
                } else {
                    team.members.append(TeamMember(userID: invitee.id, role: invitation.role))
                }
            }
        }
        invitations[index].status = .accepted
        return events
    }

    mutating func revokeInvitation(_ id: InvitationID, by actor: UserID) throws(DomainError) -> [Event] {
        guard let index = invitations.indexWhere({ Text.equal($0.id, id) }) else { throw .notFound("invitation \(id)") }
        let invitation = invitations[index]
        guard invitation.status == .pending else { throw .invitationNotPending }
        switch invitation.target {
        case .organization(let orgID):
            guard canManage(orgID, actor) else { throw .permissionDenied("only owners and admins can revoke") }
        case .team:
            guard Text.equal(administeredInstanceID(by: actor), invitation.instanceID) else {
                throw .permissionDenied("only the Owner or a Co-owner can revoke")
            }
        }
        return cancelInvitations(where: { Text.equal($0.id, id) })
    }

    /// INV-10: re-send (a fresh expiry) or change the role of a pending invitation.
    mutating func resendInvitation(_ id: InvitationID, role: OrgRole?, by actor: UserID) throws(DomainError) -> [Event]
    {
        guard let index = invitations.indexWhere({ Text.equal($0.id, id) }) else { throw .notFound("invitation \(id)") }
        let invitation = invitations[index]
        guard invitation.status == .pending else { throw .invitationNotPending }
        switch invitation.target {
        case .organization(let orgID):
            guard canManage(orgID, actor) else {
                throw .permissionDenied("only owners and admins can change invitations")
            }
        case .team:
            guard Text.equal(administeredInstanceID(by: actor), invitation.instanceID) else {
                throw .permissionDenied("only the Owner or a Co-owner can change team invitations")
            }
        }
        if let role {
            if role == .owner { throw .ownerRoleNotAssignable }
            invitations[index].role = role
            return [.invitationRoleChanged(id, role: role)]
        }
        invitations[index].sentOn = today
        invitations[index].expiresOn = today.adding(days: configuration.invitationLifetimeDays)
        return [.invitationResent(id, expiresOn: invitations[index].expiresOn)]
    }

    /// Revokes matching pending invitations, reporting the seats that become free.
    @inline(never)
    mutating func cancelInvitations(where matches: (Invitation) -> Bool) -> [Event] {
        var events: [Event] = []
        for index in invitations.indices where invitations[index].status == .pending && matches(invitations[index]) {
            let email = invitations[index].email
            let instanceID = invitations[index].instanceID
            let held = instanceID.map { seatHoldingInviteEmails(in: $0).containsText(email) } ?? false
            invitations[index].status = .revoked
            events.append(.invitationRevoked(invitations[index].id))
            let stillHeld = instanceID.map { seatHoldingInviteEmails(in: $0).containsText(email) } ?? false
            if held && !stillHeld { events.append(.seatReleased(email: email)) }
        }
        return events
    }

    mutating func changeRole(_ userID: UserID, org orgID: OrgID, role: OrgRole, by actor: UserID) throws(DomainError)
        -> [Event]
    {
        guard let index = orgIndex(orgID) else { throw .notFound("organization \(orgID)") }
        // ORG-9: the owner role is neither assignable nor changeable.
        if role == .owner || Text.equal(orgs[index].ownerID, userID) { throw .ownerRoleNotAssignable }
        guard canManage(orgID, actor) else { throw .permissionDenied("only owners and admins can change roles") }
        if orgs[index].instanceID == nil, let owner = user(orgs[index].ownerID),
            owner.plan == .free || owner.plan == .individual
        {
            throw .rbacRequiresTeamPlan
        }
        guard let member = orgs[index].directMembers.indexWhere({ Text.equal($0.userID, userID) }) else {
            throw .notFound("a direct membership; roles given by a team are changed on the team")
        }
        orgs[index].directMembers[member].role = role
        return [.roleChanged(userID, org: orgID, role: role)]
    }

    /// LIC-3: removing from an org keeps the license.
    mutating func removeFromOrganization(_ userID: UserID, org orgID: OrgID, by actor: UserID) throws(DomainError)
        -> [Event]
    {
        guard let index = orgIndex(orgID) else { throw .notFound("organization \(orgID)") }
        if Text.equal(orgs[index].ownerID, userID) { throw .ownerCannotBeRemoved }
        guard canManage(orgID, actor) || Text.equal(actor, userID) else {
            throw .permissionDenied("only owners and admins can remove members")
        }
        guard orgs[index].directMembers.containsWhere({ Text.equal($0.userID, userID) }) else {
            throw .notFound("a direct membership of \(userID) in \(orgs[index].name)")
        }
        orgs[index].directMembers.removeWhere { Text.equal($0.userID, userID) }
        return [.membershipRemoved(userID, org: orgID)]
    }

    /// LIC-4/LIC-10: frees the seat; the user keeps their account and Personal Workspace.
    mutating func removeLicense(_ userID: UserID, by actor: UserID) throws(DomainError) -> [Event] {
        let index = try adminInstanceIndex(actor)
        return try releaseLicense(userID, instanceIndex: index)
    }

    @inline(never)

    mutating func releaseLicense(_ userID: UserID, instanceIndex index: Int) throws(DomainError) -> [Event] {
        let instance = instances[index]
        if Text.equal(instance.ownerID, userID) { throw .ownerCannotBeRemoved }
        guard instance.licenses.containsText(userID) else { throw .notFound("a license for \(userID)") }
        instances[index].licenses.removeWhere { Text.equal($0, userID) }
        instances[index].scimProvisioned.removeWhere { Text.equal($0, userID) }
        instances[index].coOwners.removeWhere { Text.equal($0.userID, userID) }
        var events: [Event] = [.licenseRemoved(userID)]
        events += removeFromOrganizations(userID, instanceIndex: index)
        if let email = user(userID)?.email {
            events += cancelInvitations(where: { Text.equal($0.email, email) && Text.equal($0.instanceID, instance.id) }
            )
        }
        if let userIndex = userIndex(userID), users[userIndex].plan == .enterpriseMember,
            licensedInstances(of: userID).isEmpty
        {
            users[userIndex].plan = users[userIndex].previousPlan
        }
        return events
    }

    /// LIC-10/ROLE-5: out of every organization and team of the instance; the license stays.
    @inline(never)
    mutating func removeFromOrganizations(_ userID: UserID, instanceIndex index: Int) -> [Event] {
        let instance = instances[index]
        var events: [Event] = []
        for orgIndex in orgs.indices where Text.equal(orgs[orgIndex].instanceID, instance.id) {
            // ORG-8 (I): an org owned by the removed user passes to the instance Owner.
            if Text.equal(orgs[orgIndex].ownerID, userID) {
                orgs[orgIndex].ownerID = instance.ownerID
                orgs[orgIndex].directMembers.removeWhere { Text.equal($0.userID, instance.ownerID) }
                orgs[orgIndex].directMembers.append(DirectMember(userID: instance.ownerID, role: .owner))
            }
            if orgs[orgIndex].directMembers.containsWhere({ Text.equal($0.userID, userID) }) {
                orgs[orgIndex].directMembers.removeWhere { Text.equal($0.userID, userID) }
                events.append(.membershipRemoved(userID, org: orgs[orgIndex].id))
            }
        }
        for teamIndex in instances[index].teams.indices
        where instances[index].teams[teamIndex].members.containsWhere({ Text.equal($0.userID, userID) }) {
            instances[index].teams[teamIndex].members.removeWhere { Text.equal($0.userID, userID) }
            events.append(.removedFromTeam(userID, team: instances[index].teams[teamIndex].id))
        }
        return events
    }

    /// ROLE-4: co-owners are people who already accepted an invitation into the instance.
    mutating func addCoOwner(email: String, role: AccountRole, by actor: UserID) throws(DomainError) -> [Event] {
        if role == .owner { throw .ownerRoleNotAssignable }
        let index = try adminInstanceIndex(actor)
        let instanceID = instances[index].id
        guard let candidate = user(email: email) else { throw .coOwnerMustBeMember }
        let isMember = orgs.containsWhere {
            Text.equal($0.instanceID, instanceID) && effectiveRole(of: candidate.id, in: $0.id) != nil
        }
        guard instances[index].licenses.containsText(candidate.id), isMember else { throw .coOwnerMustBeMember }
        if Text.equal(instances[index].ownerID, candidate.id) { throw .ownerRoleNotAssignable }
        instances[index].coOwners.removeWhere { Text.equal($0.userID, candidate.id) }
        instances[index].coOwners.append(CoOwner(userID: candidate.id, role: role))
        return [.coOwnerAdded(candidate.id, role: role)]
    }

    /// ROLE-5: the co-owner role goes; **Keep as a member** leaves every membership and the license,
    /// **Remove from organizations** also takes them out of the instance's orgs and teams (the seat stays, LIC-3).
    mutating func removeCoOwner(_ userID: UserID, keepAsMember: Bool, by actor: UserID) throws(DomainError)
        -> [Event]
    {
        let index = try adminInstanceIndex(actor)
        guard instances[index].coOwners.containsWhere({ Text.equal($0.userID, userID) }) else {
            throw .notFound("a co-owner \(userID)")
        }
        instances[index].coOwners.removeWhere { Text.equal($0.userID, userID) }
        return [.coOwnerRemoved(userID)] + (keepAsMember ? [] : removeFromOrganizations(userID, instanceIndex: index))
    }

    /// ORG-10: all four preconditions, then the new owner accepts or declines.
    mutating func transferOrganization(_ orgID: OrgID, to newOwner: UserID, by actor: UserID) throws(DomainError)
        -> [Event]
    {
        guard let org = org(orgID), org.type != .personal else { throw .notFound("organization \(orgID)") }
        guard Text.equal(org.ownerID, actor) else {
            throw .permissionDenied("only the owner can transfer an organization")
        }
        guard effectiveRole(of: newOwner, in: orgID) != nil else {
            throw .transferPreconditionFailed("the new owner must already be a member.")
        }
        if let instanceID = org.instanceID {
            if !isLicensed(newOwner, in: instanceID) {
                throw .transferPreconditionFailed(
                    "the new owner needs an equal or higher subscription with free seats.")
            }
            if let sso = instance(instanceID)?.sso, sso.enabled {
                throw .transferPreconditionFailed("SSO must be disabled.")
            }
        } else if let plan = user(newOwner)?.plan, plan == .free || plan == .individual {
            throw .transferPreconditionFailed("the new owner needs an equal or higher subscription with free seats.")
        }
        if invitations.containsWhere({ $0.target == .organization(orgID) && $0.status == .pending }) {
            throw .transferPreconditionFailed("all pending invitations must be revoked.")
        }
        pendingTransfers.removeWhere { Text.equal($0.orgID, orgID) }
        pendingTransfers.append(PendingTransfer(orgID: orgID, toUserID: newOwner))
        return [.transferRequested(orgID, to: newOwner)]
    }

    mutating func respondToTransfer(_ orgID: OrgID, accept: Bool, by actor: UserID) throws(DomainError) -> [Event] {
        guard
            let transfer = pendingTransfers.firstWhere({ Text.equal($0.orgID, orgID) && Text.equal($0.toUserID, actor) }
            ),
            let index = orgIndex(orgID)
        else { throw .notFound("a transfer of \(orgID) to you") }
        pendingTransfers.removeWhere { Text.equal($0.orgID, orgID) }
        guard accept else { return [.transferDeclined(orgID)] }
        let oldOwner = orgs[index].ownerID
        orgs[index].ownerID = transfer.toUserID
        orgs[index].directMembers.removeWhere {
            Text.equal($0.userID, transfer.toUserID) || Text.equal($0.userID, oldOwner)
        }
        orgs[index].directMembers.append(DirectMember(userID: transfer.toUserID, role: .owner))
        orgs[index].directMembers.append(DirectMember(userID: oldOwner, role: .admin))
        return [.organizationTransferred(orgID, to: transfer.toUserID)]
    }
}
