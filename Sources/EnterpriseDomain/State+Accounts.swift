/// Accounts, sign-in, activity, upgrade with an activation code, trials (ACC, UPG, DOM-7/8/16, SSO-5, RPT-10).
extension State {
    mutating func signUp(email rawEmail: String, method: LoginMethod) throws(DomainError) -> [Event] {
        let email = Text.lowercased(Text.trimmed(rawEmail))
        guard Text.isValidEmail(email) else { throw .invalidEmail(rawEmail) }
        if user(email: email) != nil { throw .emailAlreadyRegistered(email) }
        // DOM-7/DOM-8/LIC-5: domain capture on a verified domain.
        var captureInstance: InstanceID? = nil
        if let match = verifiedDomain(forEmail: email), match.domain.capture,
            let instance = instance(match.instanceID), instance.active
        {
            let holdsInviteSeat = seatHoldingInviteEmails(in: instance.id).containsText(email)
            if !holdsInviteSeat && licenseUsage(instance.id).free == 0 {
                return [.signUpBlocked(email: email, reason: "noSeats")]
            }
            captureInstance = instance.id
        }
        let id = createAccount(email: email, method: method)
        var events: [Event] = [.accountCreated(id, email: email)]
        if let captureInstance {
            grantLicense(id, in: captureInstance)
            events += [.userCaptured(id), .licenseGranted(id)]
        }
        return events
    }

    /// Creates the account and its Personal Workspace (ACC-2).
    @inline(never)
    mutating func createAccount(email: String, method: LoginMethod) -> UserID {
        let id = State.nextID("user", &counters.user)
        let orgID = State.nextID("org", &counters.org)
        users.append(
            User(
                id: id, email: email, plan: .free, previousPlan: .free, passphraseSet: true, createdOn: today,
                lastLoginOn: today, lastActiveOn: today >= configuration.activityTrackingStart ? today : nil,
                loginMethod: method, personalOrgID: orgID))
        orgs.append(
            Organization(
                id: orgID, name: "Personal Workspace", type: .personal, ownerID: id, instanceID: nil,
                directMembers: [DirectMember(userID: id, role: .owner)], projects: [], createdOn: today))
        return id
    }

    mutating func logIn(_ id: UserID, method: LoginMethod) throws(DomainError) -> [Event] {
        guard let index = userIndex(id) else { throw .notFound("user \(id)") }
        let domainName = Text.emailDomain(users[index].email)
        // SSO-5/SSO-8: SSO is enforced for accounts on the connection's domain.
        for instance in instances {
            if let sso = instance.sso, sso.enabled, Text.equal(sso.domain, domainName), method != .sso {
                throw .ssoLoginRequired(domain: domainName)
            }
        }
        users[index].lastLoginOn = today
        users[index].loginMethod = method
        var events: [Event] = [.loggedIn(id)]
        // DOM-16 (I): existing unmanaged users are captured at their next sign-in, unless the domain is locked.
        if configuration.captureExistingUsersAtSignIn, let match = verifiedDomain(forEmail: users[index].email),
            match.domain.capture, !match.domain.lock, !isLicensed(id, in: match.instanceID),
            let instance = instance(match.instanceID), instance.active, licenseUsage(instance.id).free > 0
        {
            grantLicense(id, in: instance.id)
            events += [.userCaptured(id), .licenseGranted(id)]
        }
        return events
    }

    mutating func recordActivity(_ id: UserID) throws(DomainError) -> [Event] {
        guard let index = userIndex(id) else { throw .notFound("user \(id)") }
        if today < configuration.activityTrackingStart {
            users[index].lastLoginOn = today
        } else {
            users[index].lastActiveOn = today
        }
        return [.activityRecorded(id, on: today)]
    }

    /// UPG-4/5/14: consume the code; raise the seats of the actor's instance or create a new one.
    mutating func upgradeSubscription(code rawCode: String, by actor: UserID) throws(DomainError) -> [Event] {
        let code = try validActivationCode(rawCode)
        guard let codeIndex = activationCodes.indexWhere({ Text.equal($0.code, code.code) }) else {
            throw .invalidActivationCode
        }
        if let administered = administeredInstance(by: actor), let index = instanceIndex(administered.id) {
            let used = licenseUsage(administered.id).used
            if used > code.seats { throw .seatsBelowUsage(used: used, seats: code.seats) }
            instances[index].seatTotal = code.seats
            instances[index].trial = nil
            instances[index].active = true
            activationCodes[codeIndex].consumedBy = actor
            return [.seatsUpdated(administered.id, seats: code.seats), .redirectedToOrganizationDashboard]
        }
        let instanceID = createInstance(owner: actor, seats: code.seats, customerID: code.customerID, trial: nil)
        activationCodes[codeIndex].consumedBy = actor
        return [
            .subscriptionUpgraded(instanceID, owner: actor, seats: code.seats), .licenseGranted(actor),
            .redirectedToOrganizationDashboard,
        ]
    }

    /// ACC-11: a 14-day, 50-seat Enterprise trial.
    mutating func startTrial(by actor: UserID) throws(DomainError) -> [Event] {
        if administeredInstanceID(by: actor) != nil {
            throw .permissionDenied("this account already has an Enterprise subscription")
        }
        let trial = Trial(startedOn: today, endsOn: today.adding(days: configuration.trialDays))
        let id = createInstance(
            owner: actor, seats: configuration.trialSeats, customerID: "trial-\(actor)", trial: trial)
        return [.trialStarted(id, endsOn: trial.endsOn), .licenseGranted(actor)]
    }

    @inline(never)

    mutating func createInstance(owner: UserID, seats: Int, customerID: String, trial: Trial?) -> InstanceID {
        let id = State.nextID("instance", &counters.instance)
        let email = user(owner)?.email ?? ""
        instances.append(
            EnterpriseInstance(
                id: id, name: State.instanceName(forEmail: email), customerID: customerID, ownerID: owner,
                coOwners: [], seatTotal: seats, licenses: [owner], scimProvisioned: [], trial: trial, active: true,
                domains: [], teams: [], storage: StoragePolicy(), inviteControls: [], sso: nil, scim: nil))
        if let index = userIndex(owner) {
            if users[index].plan != .enterprise { users[index].previousPlan = users[index].plan }
            users[index].plan = .enterprise
        }
        return id
    }

    /// "kong.com" → "Kong".
    @inline(never)
    static func instanceName(forEmail email: String) -> String {
        let domain = Text.emailDomain(email)
        var label = Text.bytes(Text.split(domain, UInt8(ascii: "."))[0])
        if label.isEmpty { return "Enterprise" }
        if label[0] >= 0x61 && label[0] <= 0x7A { label[0] -= 32 }
        return Text.string(label)
    }

    /// LIC-5, INV-13: a license, and the enterprise-member plan for accounts without a plan of their own.
    @inline(never)
    mutating func grantLicense(_ userID: UserID, in instanceID: InstanceID) {
        guard let index = instanceIndex(instanceID), !instances[index].licenses.containsText(userID) else { return }
        instances[index].licenses.append(userID)
        if let userIndex = userIndex(userID), users[userIndex].plan != .enterprise,
            users[userIndex].plan != .enterpriseMember
        {
            users[userIndex].previousPlan = users[userIndex].plan
            users[userIndex].plan = .enterpriseMember
        }
    }
}
