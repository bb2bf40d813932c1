import Testing

@testable import ReviseCore

struct QuantityFinderTests {
    func found(_ text: String) -> [Quantity] {
        QuantityFinder.quantities(in: text, skipping: DateFinder.dates(in: text)).map(\.quantity)
    }

    @Test func readsScalesPercentagesAndChanges() throws {
        var q = found("the famine: 10 million died")
        #expect(q.map(\.value) == [10e6] && q.first?.text == "10 million")
        q = found("about 700,000 executed in 1937-38")
        #expect(q.map(\.value) == [700_000] && q.first?.unit == nil)
        q = found("heavy industry got 80% of investments")
        #expect(q.map(\.value) == [80] && q.first?.unit == "%")
        q = found("cattle fell from 67 to 48 million")
        #expect(q.first?.value == 67e6 && q.first?.endValue == 48e6 && q.first?.text == "from 67 to 48 million")
        q = found("coal rose to 64.3 million tonnes by 1932")
        #expect(q.first?.value == 64.3e6 && q.first?.unit == "tonnes")
        q = found("two million kulaks were deported")
        #expect(q.first?.value == 2e6 && q.first?.unit == "kulaks")
        q = found("Twenty-five million small farms were to be merged")
        #expect(q.map(\.value) == [25e6] && q.first?.text.hasPrefix("Twenty-five million") == true)
        q = found("armies from 17 foreign nations")
        #expect(q.first?.value == 17 && q.first?.unit == "foreign")
        q = found("5m peasants, 20 per cent of them")
        #expect(q.map(\.value) == [5e6, 20])
    }

    @Test func readsRanges() {
        var q = found("the economy grew by 5% to 6% per year")
        #expect(q.count == 1 && q.first?.value == 5 && q.first?.high == 6 && q.first?.unit == "%")
        q = found("between 10% and 50% of officers were shot")
        #expect(q.count == 1 && q.first?.value == 10 && q.first?.high == 50 && q.first?.text == "10% and 50%")
        q = found("10 to 15 million died, 5-6% growth, 10/15 million")
        #expect(q.map(\.high) == [15e6, 6, 15e6])
        // Without "between", two figures joined by "and" are two claims.
        q = found("45% and 55% of the vote")
        #expect(q.map(\.value) == [45, 55] && q.allSatisfy { $0.high == nil })
    }

    @Test func readsMultiples() {
        var q = found("electricity trebled, coal doubled")
        #expect(q.map(\.value) == [3, 2] && q.allSatisfy { $0.unit == "times" } && q.map(\.text) == ["trebled", "doubled"])
        q = found("in one shift dug 14x amount of coal expected")
        #expect(q.first?.value == 14 && q.first?.unit == "times" && q.first?.text == "14x")
        q = found("cutting 16 times more than the average miner")
        #expect(q.first?.value == 16 && q.first?.unit == "times")
    }

    @Test(arguments: [
        "How far do you agree? (10)", "in 1928 and 1932", "the 1930s", "3 reasons", "the 1st Five Year Plan",
        "brain sliced into pieces", "(a) Describe (4)",
    ])
    func notStatistics(text: String) {
        #expect(found(text).isEmpty, "\(text): \(found(text))")
    }
}
