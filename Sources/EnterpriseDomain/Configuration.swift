/// The simulation's own choices (rules tagged I in domain-rules.md), gathered in one place so a docs
/// team can change them. Every field names the rule it implements.
public struct Configuration: Equatable, Sendable {
    /// INV-7 (D) vs LIC-12: an invitation expires this many days after it is sent.
    public var invitationLifetimeDays = 30
    /// RPT-3: activity dates are kept this many days.
    public var reportRetentionDays = 90
    /// RPT-4/RPT-9: older than this many days reads `N/A`.
    public var reportNotAvailableAfterDays = 100
    /// RPT-5/RPT-10: activity is tracked from this day; before it only the last login is known.
    public var activityTrackingStart = Day(year: 2025, month: 5, day: 20)
    /// ORG-4: no documented maximum; nil means unlimited.
    public var organizationNameMaxLength: Int? = nil
    /// ACC-11/LIC-11.
    public var trialSeats = 50
    public var trialDays = 14
    /// TEAM-5 (undocumented): a user reaching an org by several paths gets the highest role when true,
    /// the lowest when false.
    public var highestRoleWins = true
    /// DOM-16: existing unmanaged users are captured at their next sign-in.
    public var captureExistingUsersAtSignIn = true

    public init() {}
}
