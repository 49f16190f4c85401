import EnterpriseDomain
import WalkthroughContract

/// The Invitations section that the organization setup page and a team's page share (INV-3/4/6/7/10).
extension ConsoleSession {
    /// The pending invitations to `target`, added to the screen as a table.
    func pendingInvitations(_ target: InviteTarget, on screen: inout Screen) -> [Invitation] {
        let pending = state.invitations.filtered { $0.target == target && $0.status == .pending }
        screen.table(
            "Pending invitations", section: "Invitations", columns: ["Email", "Role", "Expires"],
            rows: pending.mapped { [$0.email, $0.role.displayName, $0.expiresOn.iso] })
        return pending
    }

    /// Revoke (and Resend, when `resend`) on each pending invitation, Accept invitation (in the Simulation drawer)
    /// where the invitee has an account, then the invite form: the emails field labelled `fieldLabel`, the role and the Invite button.
    func invitationControls(
        _ pending: [Invitation], to target: InviteTarget, fieldLabel: String, resend: Bool, on screen: inout Screen
    ) {
        for invitation in pending {
            screen.button(
                "Revoke", row: invitation.email, section: "Invitations", role: .danger,
                .command(.revokeInvitation(invitation.id), success: "Invitation to \(invitation.email) revoked."))
            if resend {
                screen.button(
                    "Resend", row: invitation.email, section: "Invitations",
                    .command(.resendInvitation(invitation.id), success: "Invitation to \(invitation.email) sent again.")
                )
            }
            // The invitee's own doing, which the simulation stands in for: a control of the Simulation drawer.
            if state.user(email: invitation.email) != nil {
                screen.button(
                    "Accept invitation", row: invitation.email, section: WalkthroughScreen.simulation,
                    .acceptInvitation(invitation.id))
            }
        }
        screen.field(fieldLabel, value: draft(DraftKey.inviteEmails), section: "Invitations", DraftKey.inviteEmails)
        screen.select(
            "Role", options: ["Member", "Admin"], value: drafts[DraftKey.inviteRole] ?? "Member",
            section: "Invitations",
            .choice(DraftKey.inviteRole))
        screen.button("Invite", section: "Invitations", role: .primary, .invite(target))
    }
}
