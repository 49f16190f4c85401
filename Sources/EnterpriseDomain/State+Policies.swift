/// Invite control, storage control and projects (INV-11, POL-1..11).
extension State {
    mutating func setInviteControl(_ orgID: OrgID, _ control: InviteControl, by actor: UserID) throws(DomainError)
        -> [Event]
    {
        guard let org = org(orgID), let instanceID = org.instanceID, let index = instanceIndex(instanceID) else {
            throw .notFound("an Enterprise organization \(orgID)")
        }
        guard canManage(orgID, actor) else {
            throw .permissionDenied("only owners and admins can change invite control")
        }
        var normalized = control
        if case .custom(let domains) = control {
            normalized = .custom(domains.mapped { Text.lowercased(Text.trimmed($0)) }.filtered { !$0.isEmpty })
        }
        instances[index].inviteControls.removeWhere { Text.equal($0.orgID, orgID) }
        instances[index].inviteControls.append(InviteControlSetting(orgID: orgID, control: normalized))
        return [.inviteControlChanged(orgID)]
    }

    mutating func editStorage(_ scope: StorageScope, _ rules: StorageRules, by actor: UserID) throws(DomainError)
        -> [Event]
    {
        let index = try adminInstanceIndex(actor)
        switch scope {
        case .personalWorkspaces: instances[index].storage.personalWorkspace = rules
        case .organizations: instances[index].storage.orgDefault = rules
        case .organization(let orgID), .resetOrganization(let orgID):
            guard Text.equal(org(orgID)?.instanceID, instances[index].id) else {
                throw .notFound("organization \(orgID) in this Enterprise account")
            }
            instances[index].storage.overrides.removeWhere { Text.equal($0.orgID, orgID) }
            if case .organization = scope {
                instances[index].storage.overrides.append(StorageOverride(orgID: orgID, rules: rules))
            }
        }
        return [.storageRulesChanged]
    }

    /// POL-10/POL-11: unmanaged users in their personal workspace are not affected (POL-9).
    mutating func createProject(in orgID: OrgID, type: StorageType, name rawName: String, by actor: UserID)
        throws(DomainError) -> [Event]
    {
        guard let index = orgIndex(orgID) else { throw .notFound("organization \(orgID)") }
        guard Text.equal(orgs[index].ownerID, actor) || effectiveRole(of: actor, in: orgID) != nil else {
            throw .permissionDenied("not a member of \(orgs[index].name)")
        }
        let rules = storageRules(for: actor, in: orgID)
        guard rules.allows(type) else { throw .storageTypeNotAllowed(allowedLabel: rules.label) }
        if type == .gitSync, gitSyncLimitWarning(orgID) != nil { throw .needsToUpgrade }
        let trimmed = Text.trimmed(rawName)
        let name = trimmed.isEmpty ? "New Project" : trimmed
        orgs[index].projects.append(Project(name: name, type: type, createdBy: actor))
        return [.projectCreated(orgID, name: name, type: type)]
    }
}
