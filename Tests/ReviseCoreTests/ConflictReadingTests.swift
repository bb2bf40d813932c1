import Testing

@testable import ReviseCore

/// The readings that let disagreements be seen: shares written as fractions or counts, changes, backwards
/// ranges, "nearly all … by YEAR". Invented notes on other subjects, not the seeds.
struct ConflictReadingTests {
    func found(_ text: String) -> [Quantity] {
        QuantityFinder.quantities(in: text, skipping: DateFinder.dates(in: text)).map(\.quantity)
    }

    func knowledge(_ notes: [(name: String, text: String)]) throws -> KnowledgeBase {
        KnowledgeBase.merge(try notes.map { FactExtractor.extract(try NoteImporter.parse(text: $0.text, name: $0.name), source: $0.name) })
    }

    // MARK: Quantities

    @Test func fractionsAreShares() throws {
        var q = found("wool exports were 1/4 of the 1900 levels")
        #expect(q.count == 1 && q.first?.value == 25 && q.first?.unit == "%" && q.first?.text == "1/4")
        q = found("trade was only one third of that in 1900")
        #expect(q.count == 1 && abs((q.first?.value ?? 0) - 100.0 / 3) < 0.01 && q.first?.unit == "%" && q.first?.text == "one third")
        q = found("by 1950, 3/4 of doctors worked in towns")
        #expect(q.first?.value == 75 && q.first?.text == "3/4")
        q = found("two thirds of the forest was cut")
        #expect(q.first.map { abs($0.value - 200.0 / 3) < 0.01 } == true)
        // "a quarter of a million" is a number, not a share.
        q = found("nearly a quarter of a million settlers arrived")
        #expect(q.first?.value == 250_000 && q.first?.unit == nil && q.first?.text == "a quarter of a million")
        // A range and a mark are not fractions.
        #expect(found("between 10/15 million refugees").first?.high == 15e6)
        #expect(found("one third").isEmpty && found("the third reason").isEmpty)
    }

    @Test func aCountOutOfAWholeIsAShare() throws {
        let text = "In all 312 of the 1840 at the synod were exiled."
        #expect(DateFinder.dates(in: text).isEmpty)
        let q = found(text)
        #expect(q.count == 1 && q.first?.unit == "%" && q.first?.text == "312 of the 1840")
        #expect(abs((q.first?.value ?? 0) - 312.0 / 1840 * 100) < 0.01)
        // A page mark is not a share.
        #expect(found("15 of 20").isEmpty)
    }

    @Test func changesAreToldFromLevels() throws {
        var q = found("wheat output dropped by 3 million during the war")
        #expect(q.first?.value == 3e6 && q.first?.unit == nil && q.first?.text == "by 3 million" && q.first?.isChange == true)
        #expect(q.first?.changeSize == 3e6)
        q = found("copper output fell from 50 million tonnes in 1914 to 30 million tonnes in 1918")
        #expect(q.count == 1 && q.first?.value == 50e6 && q.first?.endValue == 30e6 && q.first?.unit == "tonnes")
        #expect(q.first?.changeSize == 20e6 && q.first?.isChange == false)
        q = found("the navy grew from 2 million to 4 million sailors")
        #expect(q.count == 1 && q.first?.value == 2e6 && q.first?.endValue == 4e6)
        q = found("tin production went up by one third")
        #expect(q.first?.text == "by one third" && q.first?.isChange == true)
        // A level is not a change, and a preposition is not what is counted.
        q = found("output reached 4 million during the war")
        #expect(q.first?.isChange == false && q.first?.changeSize == nil && q.first?.unit == nil)
    }

    // MARK: Dates

    @Test func aBackwardsRangeIsKeptAsWrittenAndReadAsMeant() throws {
        let matches = DateFinder.dates(in: "the crackdown ran in 1955-1949")
        #expect(matches.count == 1)
        let when = try #require(matches.first?.when)
        #expect(when.year == 1955 && when.endYear == 1949 && when.isBackwards)
        #expect(when.plausible.year == 1945 && when.plausible.endYear == 1949 && !when.plausible.isBackwards)
        #expect(!When(year: 1930, endYear: 1935, text: "1930-35").isBackwards)
        // Years no slip of one digit explains are not a range.
        #expect(DateFinder.dates(in: "in 1999-1000").allSatisfy { $0.when.endYear == nil })
    }

    @Test func aYearAfterToIsABound() throws {
        let when = try #require(DateFinder.dates(in: "The Irish economy to 1950").first?.when)
        #expect(when.year == 1950 && when.qualifier == .before)
        #expect(DateFinder.dates(in: "from 1928 to 1941 output grew").first?.when.endYear == 1941)
    }

    // MARK: Conflicts

    @Test func aFallByAnAmountAgainstAFallBetweenTwoLevels() throws {
        let kb = try knowledge([
            ("a.txt", "War economy:\n\n- Copper production dropped by 5 million during the war years\n"),
            ("b.txt", "Results:\n\n- Copper production fell from 40 million tonnes in 1914 to 30 million tonnes in 1918\n"),
        ])
        let conflict = try #require(kb.conflicts.first)
        #expect(Set(conflict.claims.map(\.citation.source)) == ["a.txt", "b.txt"])
    }

    @Test func aFallAgainstACountOfLosses() throws {
        let kb = try knowledge([
            ("a.txt", "Drought:\n\n- 40 million cattle and horses were killed in the drought\n"),
            ("b.txt", "Drought:\n\n- The number of cattle and horses fell from 90 to 70 million\n"),
        ])
        let conflict = try #require(kb.conflicts.first)
        #expect(conflict.claims.map(\.value).sorted() == ["40 million cattle", "from 90 to 70 million"])
    }

    @Test func sharesAsFractionsAgainstTheSameYear() throws {
        let kb = try knowledge([
            ("a.txt", "Trade:\n\n- wool exports were 1/4 of the 1900 levels\n"),
            ("b.txt", "Trade:\n\n- Shipping in 1920 was one half of that in 1900, mainly due to fewer wool exports.\n"),
        ])
        #expect(kb.conflicts.isEmpty, "'one half' is not read: a half is too common a word")
        let kb2 = try knowledge([
            ("a.txt", "Trade:\n\n- wool exports were 1/4 of the 1900 levels\n"),
            ("b.txt", "Trade:\n\n- Shipping in 1920 was one third of that in 1900, mainly due to fewer wool exports.\n"),
        ])
        let conflict = try #require(kb2.conflicts.first)
        #expect(conflict.claims.map(\.value).sorted() == ["1/4", "one third"])
    }

    @Test func aShareAsACountAgainstAPercentage() throws {
        let kb = try knowledge([
            ("a.txt", "Purge:\n\n- 9,000 clergy were arrested and many were shot, including 60% of the bishops' council\n"),
            ("b.txt", "Purge:\n\n- In all 312 of the 1840 at the bishops' council were shot.\n"),
        ])
        let conflict = try #require(kb.conflicts.first { $0.claims.contains { $0.value == "312 of the 1840" } })
        #expect(conflict.claims.map(\.value).contains("60%"))
    }

    @Test func aRateIsNotATotal() throws {
        let kb = try knowledge([
            ("a.txt", "Growth:\n\n- the economy grew by 5% each year between 1950-1960\n"),
            ("b.txt", "Growth:\n\n- the economy grew by 60% between 1950-1960\n"),
        ])
        #expect(kb.conflicts.isEmpty, "\(kb.conflicts)")
    }

    @Test func aBackwardsRangeUnderItsHeading() throws {
        let kb = try knowledge([
            ("a.txt", "## Labour\n\n### The Long Strike (1925-1928)\n\n* The miners stopped work to win a shorter day in 1935-1928\n* Their union was broken\n")
        ])
        let conflict = try #require(kb.conflicts.first, "\(kb.facts.map { ($0.text, $0.when?.description ?? "", $0.topic) })")
        #expect(conflict.severity == .conflict)
        #expect(conflict.claims.map(\.value) == ["1925–1928", "1935–1928"])
    }

    @Test func nearlyAllByDifferentYears() throws {
        let kb = try knowledge([
            ("a.txt", "Rail:\n\n- By 1910, almost all of the railways in the country were state owned\n"),
            ("b.txt", "Rail:\n\n- By 1925 nearly all railway lines were run by the state board\n"),
        ])
        let conflict = try #require(kb.conflicts.first)
        #expect(conflict.severity == .mayDifferInScope)
        #expect(conflict.claims.map(\.value).sorted() == ["by 1910", "by 1925"])
    }

    @Test func stepsOfOneChronologyAreNotAConflict() throws {
        let kb = try knowledge([
            ("a.txt", "Reform:\n\n1905 - strike wave, tsar retreats, peasants allowed land banks\n\n1910 - allowed to sell their land banks\n")
        ])
        #expect(kb.conflicts.isEmpty, "\(kb.conflicts)")
    }

    @Test func recoveriesInDifferentYears() throws {
        let kb = try knowledge([
            ("a.txt", "Farming:\n\n- Wool output fell sharply and by 1960 the level of sheep farming barely returned to that of 1900.\n"),
            ("b.txt", "Farming:\n\n- Sheep farming collapsed: wool output did not exceed pre-war levels until 1955.\n"),
        ])
        let conflict = try #require(kb.conflicts.first)
        #expect(conflict.severity == .mayDifferInScope)
        #expect(conflict.claims.map(\.value).sorted() == ["before 1955", "by 1960"])
    }

    @Test func aYearBeforeAWordEndingInSIsStillAYear() {
        #expect(DateFinder.dates(in: "at the 1956 congress, he spoke").first?.when.year == 1956)
        #expect(DateFinder.dates(in: "the 1926 census counted them").first?.when.year == 1926)
        #expect(DateFinder.dates(in: "1500 enterprises were built").isEmpty)
    }

    @Test func takingAPostIsNotAMentionOfIt() throws {
        #expect(ConflictFinder.takes("Nasser was made President by the army", ["president"]))
        #expect(!ConflictFinder.takes("rivals asked to stand against Nasser as president", ["president"]))
        #expect(!ConflictFinder.takes("the plan was interrupted when war production became the main priority", ["plan"]))
        let kb = try knowledge([
            ("a.txt", "Egypt:\n\n- In 1954 he was made Chairman of the Council. Nasser was also then made President by the army\n"),
            ("b.txt", "Egypt:\n\n- 1962 assembly, rivals asked to stand against Nasser as president but they refused.\n"),
        ])
        #expect(kb.conflicts.isEmpty, "\(kb.conflicts)")
    }

    @Test func earlyInAYearAgainstAnotherYear() {
        #expect(ConflictFinder.comparable(.early, .on) && ConflictFinder.comparable(.late, .around))
        #expect(!ConflictFinder.comparable(.by, .on) && !ConflictFinder.comparable(.before, .by))
    }
}
