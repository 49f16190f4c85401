/// RPT-8/RPT-9: the Last Active CSV of the Licenses page.
extension State {
    /// The Last Active cell for one user on report day `reportDay` (RPT-9, in its order).
    public func lastActiveCell(_ user: User, on reportDay: Day) -> String {
        let config = configuration
        guard let active = user.lastActiveOn else {
            if let login = user.lastLoginOn, login < config.activityTrackingStart { return login.iso }
            return "N/A"
        }
        let age = reportDay - active
        if age <= config.reportRetentionDays { return active.iso }
        if age <= config.reportNotAvailableAfterDays { return "" }
        return "N/A"
    }

    /// RPT-7: the report's filter periods, in days.
    public static let reportPeriods = [7, 30, 90]

    /// `Email,Last Active`, LF-separated, licensed users sorted by email, RFC-4180 quoting. With `lastDays`
    /// (RPT-7), only users active in the last that many days are listed.
    public func activityReportCSV(_ instanceID: InstanceID, on reportDay: Day, lastDays: Int? = nil) -> String {
        var lines = ["Email,Last Active"]
        let licensed = (instance(instanceID)?.licenses ?? []).compactMapped { user($0) }.sortedStably {
            Text.less($0.email, $1.email)
        }
        for user in licensed {
            if let lastDays, (user.lastActiveOn.map { reportDay - $0 > lastDays }) ?? true { continue }
            lines.append(State.csvField(user.email) + "," + State.csvField(lastActiveCell(user, on: reportDay)))
        }
        var text = ""
        for line in lines { text += line + "\n" }
        return text
    }

    static func csvField(_ value: String) -> String {
        let bytes = Text.bytes(value)
        if !bytes.containsWhere({ $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) { return value }
        var quoted: [UInt8] = [0x22]
        for byte in bytes {
            quoted.append(byte)
            if byte == 0x22 { quoted.append(byte) }
        }
        quoted.append(0x22)
        return Text.string(quoted)
    }
}
