import Testing
@testable import CobuyCore

/// "Did you mean" finds what the pickers find, plus typing slips, and nothing far off.
@Suite struct DidYouMeanTests {
    let parties = [Pick(id: "marion-county", label: "Marion County"), Pick(id: "city-of-salem", label: "City of Salem"),
                   Pick(id: "city-of-sandy", label: "City of Sandy"), Pick(id: "societe-generale", label: "Société Générale")]

    @Test func aPartOfAnIdOrANameFindsTheParty() {
        #expect(DidYouMean.candidates("marion", among: parties).map(\.id) == ["marion-county"])
        #expect(DidYouMean.candidates("Société", among: parties).map(\.id) == ["societe-generale"])
        #expect(DidYouMean.question("salem", among: parties) == "Did you mean city-of-salem (City of Salem)?")
    }

    @Test func slipsOfTheKeyboardAreForgivenWithinAFewLetters() {
        #expect(DidYouMean.candidates("marrion-county", among: parties).map(\.id) == ["marion-county"])
        #expect(DidYouMean.candidates("mairon-county", among: parties).map(\.id) == ["marion-county"], "a swap counts once")
        #expect(DidYouMean.candidates("city-of-sale", among: parties).map(\.id) == ["city-of-salem"])
        let ids = ["SOL-2026-0003", "SOL-2026-0013", "PA-2026-0003"].map { Pick(id: $0, label: "") }
        #expect(DidYouMean.candidates("SOL-2026-003", among: ids).map(\.id).first == "SOL-2026-0003")
    }

    @Test func nothingFarOffIsSuggested() {
        #expect(DidYouMean.candidates("zzzz", among: parties).isEmpty)
        #expect(DidYouMean.question("xq", among: parties) == nil)
        #expect(DidYouMean.candidates("", among: parties).isEmpty)
        // The pickers' loosest rank (letters in order) is not a suggestion after a finished word.
        #expect(DidYouMean.candidates("cy", among: parties).isEmpty)
    }

    @Test func theQuestionListsUpToThree() {
        #expect(DidYouMean.question(naming: []) == nil)
        #expect(DidYouMean.question(naming: ["a"]) == "Did you mean a?")
        #expect(DidYouMean.question(naming: ["a", "b", "c"]) == "Did you mean a, b or c?")
        #expect(DidYouMean.candidates("city", among: parties).count == 2)
    }

    @Test func anUnknownPartyInAnActionSuggestsTheOneThatExists() {
        let lookup = RecordDirectory(parties: [Party(id: "marion-county", name: "Marion County", kind: .county, region: .unitedStates)])
        let refusal = Refusal.unknownParty("marion", lookup: lookup)
        #expect(refusal.guardName == "party-known")
        #expect(refusal.description == "There is no party marion in the store. Did you mean marion-county (Marion County)? Else record it with cobuy new party.")
        #expect(Refusal.unknownParty("zz", lookup: lookup).remedy == "Create it with cobuy new party.")
    }
}
