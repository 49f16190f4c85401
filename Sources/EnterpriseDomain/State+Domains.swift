/// Domains: verification, capture and lock (DOM-1..10).
extension State {
    mutating func createDomain(name rawName: String, method: VerificationMethod, by actor: UserID) throws(DomainError)
        -> [Event]
    {
        let index = try adminInstanceIndex(actor)
        let name = Text.trimmed(rawName).lowercased()
        guard State.isDomainName(name) else { throw .invalidDomainName(rawName) }
        for instance in instances where instance.domains.containsWhere({ $0.name == name }) {
            throw .domainAlreadyExists(name)
        }
        counters.token += 1
        let record = "insomnia-domain-verification=\(instances[index].id)-\(counters.token)"
        // DOM-3: a subdomain of an already verified root domain is verified at once.
        let underVerifiedRoot =
            method == .rootDomainRecord
            && instances[index].domains.containsWhere { $0.verified && name.hasSuffix("." + $0.name) }
        instances[index].domains.append(
            Domain(
                name: name, method: method, txtRecord: record, txtConfirmed: underVerifiedRoot,
                verified: underVerifiedRoot, capture: false, lock: false, createdOn: today))
        var events: [Event] = [.domainCreated(name, txtRecord: record)]
        if underVerifiedRoot { events.append(.domainVerified(name)) }
        return events
    }

    static func isDomainName(_ name: String) -> Bool {
        guard name.contains(where: { $0 == "." }), !name.hasPrefix("."), !name.hasSuffix(".") else { return false }
        var previous: Character = " "
        for character in name {
            if character == "." && previous == "." { return false }
            if !(character.isLetter || character.isNumber || character == "-" || character == ".") { return false }
            previous = character
        }
        return true
    }

    @inline(never)

    mutating func updateDomain(_ name: String, actor: UserID, _ change: (inout Domain) throws(DomainError) -> [Event])
        throws(DomainError) -> [Event]
    {
        let index = try adminInstanceIndex(actor)
        let key = Text.trimmed(name).lowercased()
        guard let domainIndex = instances[index].domains.indexWhere({ $0.name == key }) else {
            throw .notFound("domain \(key)")
        }
        return try change(&instances[index].domains[domainIndex])
    }

    mutating func confirmTXTRecord(_ name: String, by actor: UserID) throws(DomainError) -> [Event] {
        try updateDomain(name, actor: actor) { (domain: inout Domain) throws(DomainError) -> [Event] in
            domain.txtConfirmed = true
            return [.txtRecordConfirmed(domain.name)]
        }
    }

    /// DOM-2: Verify Domain needs the confirmation tick first.
    mutating func verifyDomain(_ name: String, by actor: UserID) throws(DomainError) -> [Event] {
        try updateDomain(name, actor: actor) { (domain: inout Domain) throws(DomainError) -> [Event] in
            if domain.verified { return [] }
            guard domain.txtConfirmed else { throw .verificationRecordNotConfirmed }
            domain.verified = true
            return [.domainVerified(domain.name)]
        }
    }

    /// DOM-6/DOM-9: capture and lock need a verified domain. Enabling capture changes no user (DOM-16).
    mutating func setDomainFlag(_ name: String, capture: Bool?, lock: Bool?, by actor: UserID) throws(DomainError)
        -> [Event]
    {
        try updateDomain(name, actor: actor) { (domain: inout Domain) throws(DomainError) -> [Event] in
            guard domain.verified else { throw .domainNotVerified(domain.name) }
            if let capture {
                domain.capture = capture
                return [.domainCaptureChanged(domain.name, on: capture)]
            }
            if let lock {
                domain.lock = lock
                return [.domainLockChanged(domain.name, on: lock)]
            }
            return []
        }
    }
}
