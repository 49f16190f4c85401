import EnterpriseDomain
import Testing

/// Scenario 17: storage control.
@Suite struct PolicyTests {
    @Test func storageRulesRestrictProjectTypesAndShowTheBanner() {
        var state = State.aliceWithOrganizations()
        let alice = state.id("alice@kong.com")
        let cargo = state.orgID("Cargo")
        let passengers = state.orgID("Passengers")
        state.join("carol@kong.com", .organization(cargo), by: alice)
        state.join("carol@kong.com", .organization(passengers), by: alice)
        let carol = state.id("carol@kong.com")
        // By default everything is allowed, new projects default to Local Vault, there is no banner.
        let defaults = state.storageRules(for: carol, in: cargo)
        #expect(defaults == .allAllowed)
        #expect(defaults.defaultType == .localVault)
        #expect(state.storageRestrictionBanner(defaults) == nil)

        // Enterprise Controls → Storage → Edit (organizations) → Local Vault + Git Sync → Save.
        state.step(
            .editStorage(.organizations, StorageRules(cloudSync: false, localVault: true, gitSync: true)), by: alice)
        #expect(
            state.refused(.createProject(in: cargo, type: .cloudSync, name: "API"), by: carol)
                == .storageTypeNotAllowed(allowedLabel: "Local Vault and Git Sync"))
        #expect(
            state.storageRestrictionBanner(state.storageRules(for: carol, in: cargo))
                == "The organization owner mandates that projects must be created and stored using Local Vault and Git Sync."
        )
        state.step(.createProject(in: cargo, type: .gitSync, name: "API"), by: carol)

        // Override Passengers to Cloud Sync only.
        state.step(
            .editStorage(.organization(passengers), StorageRules(cloudSync: true, localVault: false, gitSync: false)),
            by: alice)
        #expect(state.storageRules(for: carol, in: passengers).defaultType == .cloudSync)
        #expect(state.storageRules(for: carol, in: cargo).defaultType == .localVault)
        state.step(.editStorage(.resetOrganization(passengers), .allAllowed), by: alice)
        #expect(state.storageRules(for: carol, in: passengers) == StorageRules(cloudSync: false))
    }

    @Test func storageLabelsListAllowedTypesInTheAppsOrder() {
        #expect(
            StorageRules(cloudSync: true, localVault: true, gitSync: true).label
                == "Cloud Sync, Local Vault and Git Sync")
        #expect(StorageRules(cloudSync: true, localVault: false, gitSync: false).label == "Cloud Sync")
        #expect(StorageRules(cloudSync: false, localVault: false, gitSync: false).label == "No storage types selected")
        #expect(StorageRules(cloudSync: false, localVault: false, gitSync: true).defaultType == .gitSync)
        #expect(StorageRules(cloudSync: false, localVault: false, gitSync: false).defaultType == .localVault)
    }
}
