/// Domains: verification, capture and lock (DOM-1..10).
extension State {
    mutating func createDomain(name rawName: String, method: VerificationMethod, by actor: UserID) throws(DomainError)
        -> [Event]
    {
        let index = try adminInstanceIndex(actor)
        let name = Text.lowercased(Text.trimmed(rawName))
        guard State.isDomainName(name) else { throw .invalidDomainName(rawName) }
        for instance in instances where instance.domains.containsWhere({ Text.equal($0.name, name) }) {
            throw .domainAlreadyExists(name)
        }
        counters.token += 1
        let record = "insomnia-domain-verification=\(instances[index].id)-\(counters.token)"
        // DOM-3: a subdomain of an already verified root domain is verified at once.
        let underVerifiedRoot =
            method == .rootDomainRecord
            && instances[index].domains.containsWhere { $0.verified && Text.hasSuffix(name, "." + $0.name) }
        instances[index].domains.append(
            Domain(
                name: name, method: method, txtRecord: record, txtConfirmed: underVerifiedRoot,
                verified: underVerifiedRoot, capture: false, lock: false, createdOn: today))
        var events: [Event] = [.domainCreated(name, txtRecord: record)]
        if underVerifiedRoot { events.append(.domainVerified(name)) }
        return events
    }

    static func isDomainName(_ name: String) -> Bool {
        let bytes = Text.bytes(name)
        guard bytes.containsWhere({ $0 == 0x2E }), bytes.first != 0x2E, bytes.last != 0x2E else { return false }
        var previous: UInt8 = 0x20
        for byte in bytes {
            if byte == 0x2E && previous == 0x2E { return false }
            // Letters and digits (any non-ASCII byte counts as a letter of an internationalized name), "-", ".".
            let letterOrDigit = ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            if !(letterOrDigit || byte >= 0x80 || byte == 0x2D || byte == 0x2E) { return false }
            previous = byte
        }
        return true
    }

    @inline(never)

    mutating func updateDomain(_ name: String, actor: UserID, _ change: (inout Domain) throws(DomainError) -> [Event])
        throws(DomainError) -> [Event]
    {
        let index = try adminInstanceIndex(actor)
        let key = Text.lowercased(Text.trimmed(name))
        guard let domainIndex = instances[index].domains.indexWhere({ Text.equal($0.name, key) }) else {
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
