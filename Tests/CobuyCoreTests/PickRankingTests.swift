import Testing
@testable import CobuyCore

/// How a reference field ranks what is typed, on the sample store's public bodies (names
/// written here from Resources/sample-store/parties).
@Suite struct PickRankingTests {
    let bodies = [Pick(id: "city-of-salem", label: "City of Salem"), Pick(id: "salem-keizer-sd", label: "Salem-Keizer Public Schools"),
                  Pick(id: "marion-county", label: "Marion County"), Pick(id: "multnomah-county", label: "Multnomah County"),
                  Pick(id: "warm-springs", label: "Confederated Tribes of Warm Springs"),
                  Pick(id: "state-of-oregon", label: "State of Oregon, Department of Administrative Services")]

    @Test func aWholeWordOfTheNameComesBeforeAnIdThatStartsWithIt() {
        #expect(Pick.ranked(bodies, typed: "salem").map(\.id) == ["city-of-salem", "salem-keizer-sd"])
        #expect(Pick.ranked(bodies, typed: "Salem").first?.id == "city-of-salem")
        #expect(Pick.ranked(bodies, typed: "oregon").first?.id == "state-of-oregon", "a word before a comma is whole")
    }

    @Test func anIdStillComesFirstWhenItIsWhatWasTyped() {
        #expect(Pick.ranked(bodies, typed: "salem-keizer-sd").first?.id == "salem-keizer-sd")
        #expect(Pick.ranked(bodies, typed: "salem-k").first?.id == "salem-keizer-sd")
    }

    @Test func lettersInOrderPreferWordStartsAndCompactness() {
        // Both hold m, r, n in order; Marion's m starts a word and the three are close together.
        #expect(Pick.ranked(bodies, typed: "mrn").first?.id == "marion-county")
        #expect(Pick.ranked(bodies, typed: "mrn").contains { $0.id == "warm-springs" })
        // c and s start words of both; the City of Salem's are closer together.
        #expect(Pick.ranked(bodies, typed: "cos").first?.id == "city-of-salem")
    }

    @Test func lettersInOrderAreMeasuredWhereTheyFitBest() throws {
        let marion = try #require(Pick.lettersInOrder(Array("mrn"), in: Array("marion-county marion county")))
        #expect(marion.atWordStarts == 1 && marion.span == 6)
        let springs = try #require(Pick.lettersInOrder(Array("mrn"), in: Array("warm-springs")))
        #expect(springs.atWordStarts == 0)
        #expect(Pick.lettersInOrder(Array("zq"), in: Array("marion")) == nil)
    }
}
