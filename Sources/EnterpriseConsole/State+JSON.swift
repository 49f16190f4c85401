import EnterpriseDomain
import WalkthroughContract

/// Hand-written JSON for the domain state (arrays in creation order; environment keys sorted).
extension State {
    public var json: JSON {
        .object([
            ("today", .string(today.iso)),
            ("platform", .string(platform.rawName)),
            (
                "environment",
                .object(environment.keys.sortedStably(by: Text.less).mapped { ($0, .string(environment[$0] ?? "")) })
            ),
            ("users", .array(users.mapped { $0.json })),
            ("activationCodes", .array(activationCodes.mapped { $0.json })),
            ("instances", .array(instances.mapped { $0.json })),
            ("organizations", .array(orgs.mapped { $0.json })),
            ("invitations", .array(invitations.mapped { $0.json })),
        ])
    }
}

extension User {
    var json: JSON {
        .object([
            ("id", .string(id)), ("email", .string(email)), ("plan", .string(plan.rawName)),
            ("createdOn", .string(createdOn.iso)), ("lastLoginOn", .optional(lastLoginOn?.iso)),
            ("lastActiveOn", .optional(lastActiveOn?.iso)), ("loginMethod", .string(loginMethod.rawName)),
        ])
    }
}

extension ActivationCode {
    var json: JSON {
        .object([
            ("code", .string(code)), ("seats", .int(seats)), ("customerID", .string(customerID)),
            ("issuedOn", .string(issuedOn.iso)), ("expiresOn", .optional(expiresOn?.iso)),
            ("consumedBy", .optional(consumedBy)),
        ])
    }
}

extension StorageRules {
    var json: JSON {
        .object([("cloudSync", .bool(cloudSync)), ("localVault", .bool(localVault)), ("gitSync", .bool(gitSync))])
    }
}

extension EnterpriseInstance {
    var json: JSON {
        .object([
            ("id", .string(id)), ("name", .string(name)), ("ownerID", .string(ownerID)),
            (
                "coOwners",
                .array(
                    coOwners.mapped {
                        .object([("userID", .string($0.userID)), ("role", .string($0.role.displayName))])
                    })
            ),
            ("seatTotal", .int(seatTotal)), ("licenses", .strings(licenses)), ("active", .bool(active)),
            ("trialEndsOn", .optional(trial?.endsOn.iso)),
            (
                "domains",
                .array(
                    domains.mapped { domain in
                        .object([
                            ("name", .string(domain.name)), ("method", .string(domain.method.displayName)),
                            ("verified", .bool(domain.verified)), ("capture", .bool(domain.capture)),
                            ("lock", .bool(domain.lock)),
                        ])
                    })
            ),
            (
                "teams",
                .array(
                    teams.mapped { team in
                        .object([
                            ("id", .string(team.id)), ("name", .string(team.name)),
                            ("description", .string(team.description)),
                            (
                                "members",
                                .array(
                                    team.members.mapped {
                                        .object([("userID", .string($0.userID)), ("role", .string($0.role.rawName))])
                                    })
                            ),
                            ("linkedOrgs", .strings(team.linkedOrgs)),
                        ])
                    })
            ),
            (
                "storage",
                .object([
                    ("personalWorkspace", storage.personalWorkspace.json), ("organizations", storage.orgDefault.json),
                    (
                        "overrides",
                        .array(
                            storage.overrides.mapped {
                                .object([("orgID", .string($0.orgID)), ("rules", $0.rules.json)])
                            })
                    ),
                ])
            ),
            (
                "sso",
                sso.map {
                    .object([
                        ("domain", .string($0.domain)), ("type", .string($0.type.displayName)),
                        ("enabled", .bool($0.enabled)),
                    ])
                }
                    ?? .null
            ),
            (
                "scim",
                scim.map {
                    .object([
                        ("connectorURL", .string($0.connectorURL)), ("expiry", .string($0.expiry.displayName)),
                        ("issuedOn", .string($0.issuedOn.iso)),
                    ])
                } ?? .null
            ),
        ])
    }
}

extension Organization {
    var json: JSON {
        .object([
            ("id", .string(id)), ("name", .string(name)), ("type", .string(type.rawName)),
            ("ownerID", .string(ownerID)),
            ("instanceID", .optional(instanceID)),
            (
                "members",
                .array(
                    directMembers.mapped {
                        .object([("userID", .string($0.userID)), ("role", .string($0.role.rawName))])
                    })
            ),
            (
                "projects",
                .array(
                    projects.mapped { .object([("name", .string($0.name)), ("type", .string($0.type.displayName))]) })
            ),
        ])
    }
}

extension Invitation {
    var json: JSON {
        let targetJSON: JSON
        switch target {
        case .organization(let id): targetJSON = .object([("organization", .string(id))])
        case .team(let id): targetJSON = .object([("team", .string(id))])
        }
        return .object([
            ("id", .string(id)), ("email", .string(email)), ("target", targetJSON), ("role", .string(role.rawName)),
            ("sentOn", .string(sentOn.iso)), ("expiresOn", .string(expiresOn.iso)), ("status", .string(status.rawName)),
        ])
    }
}

extension ConsoleSession {
    /// The session as JSON: starting state, signed-in user, route, and the domain state.
    public func stateJSON() -> String {
        JSON.object([
            ("startingState", .string(startingState)), ("userID", .string(userID)), ("route", .string(route.rawName)),
            ("state", state.json),
        ]).text
    }
}
