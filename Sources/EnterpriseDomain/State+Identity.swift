/// SSO and SCIM (SSO-1..9, SCIM-1..8).
extension State {
    /// SSO-2/SSO-9: the Owner, with a verified domain.
    mutating func createSSOConnection(domain rawDomain: String, type: SSOType, by actor: UserID) throws(DomainError)
        -> [Event]
    {
        guard let index = instances.indexWhere({ Text.equal($0.ownerID, actor) }) else {
            throw .permissionDenied("only the Owner can configure SSO")
        }
        let name = Text.lowercased(Text.trimmed(rawDomain))
        guard instances[index].domains.containsWhere({ Text.equal($0.name, name) && $0.verified }) else {
            throw .domainNotVerified(name)
        }
        instances[index].sso = SSOConnection(domain: name, type: type, enabled: true)
        return [.ssoConnectionCreated(message: "Your \(type.displayName) connection has been successfully updated.")]
    }

    mutating func setSSOEnabled(_ on: Bool, by actor: UserID) throws(DomainError) -> [Event] {
        guard let index = instances.indexWhere({ Text.equal($0.ownerID, actor) }) else {
            throw .permissionDenied("only the Owner can configure SSO")
        }
        guard instances[index].sso != nil else { throw .ssoNotConfigured }
        instances[index].sso?.enabled = on
        return [.ssoEnabledChanged(on)]
    }

    /// SCIM-1/SCIM-2: Owner or Co-owner, verified domain, SSO configured. The token is in the event only.
    mutating func enableSCIM(expiry: SCIMTokenExpiry, refresh: SCIMRefreshMode, by actor: UserID) throws(DomainError)
        -> [Event]
    {
        let index = try adminInstanceIndex(actor)
        let instance = instances[index]
        guard instance.sso != nil, instance.domains.containsWhere({ $0.verified }) else { throw .scimRequiresSSO }
        let serial = (instance.scim?.tokenSerial ?? 0) + 1
        let url = instance.scim?.connectorURL ?? "https://api.insomnia.rest/scim/v2/\(instance.id)"
        instances[index].scim = SCIMConfig(
            expiry: expiry, refreshMode: refresh, issuedOn: today, connectorURL: url, tokenSerial: serial)
        return [.scimEnabled(token: State.scimToken(instance.id, serial), connectorURL: url)]
    }

    @inline(never)

    static func scimToken(_ instanceID: InstanceID, _ serial: Int) -> String { "scim-\(instanceID)-token-\(serial)" }

    /// SCIM-5: Refresh Token + passphrase; the connector URL stays.
    mutating func refreshSCIMToken(passphrase: String, by actor: UserID) throws(DomainError) -> [Event] {
        let index = try adminInstanceIndex(actor)
        guard let scim = instances[index].scim else { throw .scimNotEnabled }
        if Text.trimmed(passphrase).isEmpty { throw .passphraseRequired }
        instances[index].scim?.tokenSerial = scim.tokenSerial + 1
        instances[index].scim?.issuedOn = today
        return [.scimTokenRefreshed(token: State.scimToken(instances[index].id, scim.tokenSerial + 1))]
    }

    @inline(never)

    func scimReadyIndex(_ actor: UserID) throws(DomainError) -> Int {
        let index = try adminInstanceIndex(actor)
        guard let scim = instances[index].scim else { throw .scimNotEnabled }
        if let expiresOn = scim.expiresOn(), today >= expiresOn { throw .scimTokenExpired }
        return index
    }

    /// SCIM-6: match by email, create if missing; the user gets a license (LIC-6).
    mutating func scimProvision(email rawEmail: String, by actor: UserID) throws(DomainError) -> [Event] {
        let index = try scimReadyIndex(actor)
        let instanceID = instances[index].id
        let email = Text.lowercased(Text.trimmed(rawEmail))
        guard Text.isValidEmail(email) else { throw .invalidEmail(rawEmail) }
        var events: [Event] = []
        let userID: UserID
        let matched: Bool
        if let existing = user(email: email) {
            userID = existing.id
            matched = true
        } else {
            if licenseUsage(instanceID).free == 0 && !seatHoldingInviteEmails(in: instanceID).containsText(email) {
                throw .needsToIncreaseSeats(viewerIsOwner: Text.equal(instances[index].ownerID, actor))
            }
            userID = createAccount(email: email, method: .sso)
            matched = false
            events.append(.accountCreated(userID, email: email))
        }
        if !isLicensed(userID, in: instanceID) {
            if licenseUsage(instanceID).free == 0 && !seatHoldingInviteEmails(in: instanceID).containsText(email) {
                throw .needsToIncreaseSeats(viewerIsOwner: Text.equal(instances[index].ownerID, actor))
            }
            grantLicense(userID, in: instanceID)
            if !instances[index].scimProvisioned.containsText(userID) {
                instances[index].scimProvisioned.append(userID)
            }
            events.append(.licenseGranted(userID))
        }
        events.append(.userProvisioned(userID, matchedExisting: matched))
        return events
    }

    /// SCIM-6/SCIM-8: an IdP deactivation removes the license of a SCIM-provisioned user; others are untouched.
    mutating func scimDeactivate(email: String, by actor: UserID) throws(DomainError) -> [Event] {
        let index = try scimReadyIndex(actor)
        guard let target = user(email: email), instances[index].scimProvisioned.containsText(target.id) else {
            return []
        }
        var events = try releaseLicense(target.id, instanceIndex: index)
        events.append(.userDeprovisioned(target.id))
        return events
    }
}

extension State {
    /// SCIM-7/TEAM-8/TEAM-9: a group assigned in the IdP becomes a team of that name (a manual team of the same name
    /// is taken over); its users are provisioned and join as members, users no longer in the group leave the team.
    /// `emails: nil` is the group deleted in the IdP: the team is deleted.
    mutating func scimSyncTeam(_ rawName: String, emails: [String]?, by actor: UserID) throws(DomainError) -> [Event] {
        let index = try scimReadyIndex(actor)
        let name = Text.trimmed(rawName)
        if name.isEmpty { throw .teamNameRequired }
        let found = instances[index].teams.indexWhere { Text.equal($0.name, name) }
        guard let emails else {
            guard let found else { throw .notFound("team \(name)") }
            return try deleteTeam(instances[index].teams[found].id, by: actor)
        }
        var events: [Event] = []
        var members: [TeamMember] = []
        for email in emails where !Text.trimmed(email).isEmpty {
            events += try scimProvision(email: email, by: actor)
            if let id = user(email: email)?.id, !members.containsWhere({ Text.equal($0.userID, id) }) {
                members.append(TeamMember(userID: id, role: .member))
            }
        }
        if found == nil { events += try createTeam(name: name, description: "", by: actor) }
        let teamIndex = found ?? instances[index].teams.count - 1
        let team = instances[index].teams[teamIndex]
        for member in team.members {
            if let kept = members.indexWhere({ Text.equal($0.userID, member.userID) }) {
                members[kept].role = member.role
            } else {
                events.append(.removedFromTeam(member.userID, team: team.id))
            }
        }
        instances[index].teams[teamIndex].members = members
        instances[index].teams[teamIndex].source = .scim
        return events
    }
}
