/// Teams (TEAM-1..11). Access through teams is derived, so deleting or unlinking a team removes exactly
/// the access that has no other path (TEAM-7).
extension State {
    @inline(never)
    mutating func updateTeam(_ teamID: TeamID, _ change: (inout Team) -> Void) throws(DomainError) {
        for index in instances.indices {
            if let teamIndex = instances[index].teams.indexWhere({ Text.equal($0.id, teamID) }) {
                change(&instances[index].teams[teamIndex])
                return
            }
        }
        throw .notFound("team \(teamID)")
    }

    /// The index of the actor's instance, which must own the team.
    @inline(never)
    func teamAdminIndex(_ teamID: TeamID, _ actor: UserID) throws(DomainError) -> Int {
        let index = try adminInstanceIndex(actor)
        guard instances[index].teams.containsWhere({ Text.equal($0.id, teamID) }) else {
            throw .notFound("team \(teamID)")
        }
        return index
    }

    mutating func createTeam(name rawName: String, description: String, by actor: UserID) throws(DomainError) -> [Event]
    {
        let index = try adminInstanceIndex(actor)
        let name = Text.trimmed(rawName)
        if name.isEmpty { throw .teamNameRequired }
        let id = State.nextID("team", &counters.team)
        instances[index].teams.append(
            Team(
                id: id, name: name, description: Text.trimmed(description), members: [], linkedOrgs: [], source: .manual
            ))
        return [.teamCreated(id, name: name)]
    }

    mutating func linkTeam(_ teamID: TeamID, org orgID: OrgID, link: Bool, by actor: UserID) throws(DomainError)
        -> [Event]
    {
        let index = try teamAdminIndex(teamID, actor)
        guard let org = org(orgID), Text.equal(org.instanceID, instances[index].id) else {
            throw .notFound("organization \(orgID) in this Enterprise account")
        }
        try updateTeam(teamID) { team in
            team.linkedOrgs.removeWhere { Text.equal($0, orgID) }
            if link { team.linkedOrgs.append(orgID) }
        }
        return [link ? .teamLinked(teamID, org: orgID) : .teamUnlinked(teamID, org: orgID)]
    }

    mutating func renameTeam(_ teamID: TeamID, name rawName: String, by actor: UserID) throws(DomainError) -> [Event] {
        _ = try teamAdminIndex(teamID, actor)
        let name = Text.trimmed(rawName)
        if name.isEmpty { throw .teamNameRequired }
        try updateTeam(teamID) { $0.name = name }
        return [.teamRenamed(teamID, name: name)]
    }

    /// TEAM-6: members keep access they have through another team or directly, and keep their licenses.
    mutating func deleteTeam(_ teamID: TeamID, by actor: UserID) throws(DomainError) -> [Event] {
        let index = try teamAdminIndex(teamID, actor)
        instances[index].teams.removeWhere { Text.equal($0.id, teamID) }
        var events: [Event] = [.teamDeleted(teamID)]
        events += cancelInvitations(where: { $0.target == .team(teamID) })
        return events
    }

    mutating func removeFromTeam(_ userID: UserID, team teamID: TeamID, by actor: UserID) throws(DomainError) -> [Event]
    {
        let index = try teamAdminIndex(teamID, actor)
        guard let teamIndex = instances[index].teams.indexWhere({ Text.equal($0.id, teamID) }),
            instances[index].teams[teamIndex].members.containsWhere({ Text.equal($0.userID, userID) })
        else { throw .notFound("\(userID) in team \(teamID)") }
        instances[index].teams[teamIndex].members.removeWhere { Text.equal($0.userID, userID) }
        return [.removedFromTeam(userID, team: teamID)]
    }
}
