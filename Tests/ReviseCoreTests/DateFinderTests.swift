import Testing

@testable import ReviseCore

struct DateFinderTests {
    func only(_ text: String) throws -> When {
        let matches = DateFinder.dates(in: text)
        try #require(matches.count == 1, "\(text): \(matches.map(\.when))")
        return matches[0].when
    }

    @Test(arguments: [
        ("Lenin died in 1924", 1924, nil as Int?, When.Qualifier.on, "1924"),
        ("Five Year Plan 1928-32", 1928, 1932, .on, "1928-32"),
        ("the famine 1932–1934 killed many", 1932, 1934, .on, "1932–1934"),
        ("the purges between 1936 and 1938", 1936, 1938, .on, "1936 and 1938"),
        ("from 1928 to 1941 output grew", 1928, 1941, .on, "1928 to 1941"),
        ("NEP in the 1920s", 1920, 1929, .on, "1920s"),
        ("By 1935 most farms were collective", 1935, nil, .by, "By 1935"),
        ("in the late 1920s grain ran short", 1920, 1929, .late, "late 1920s"),
        ("mid-1930s terror", 1930, 1939, .mid, "mid-1930s"),
        ("1918- industry nationalised", 1918, nil, .on, "1918"),
        ("a 1998-02 range crosses a century", 1998, 2002, .on, "1998-02"),
        ("c. 1900 the empire", 1900, nil, .around, "c. 1900"),
        ("head of the commission 1921- eradicate corruption", 1921, nil, .on, "1921"),
    ])
    func readsYearsRangesDecadesAndBounds(
        text: String, year: Int, endYear: Int?, qualifier: When.Qualifier, written: String
    ) throws {
        let when = try only(text)
        #expect(when.year == year && when.endYear == endYear && when.qualifier == qualifier)
        #expect(when.text == written)
    }

    @Test func readsMonthsAndDays() throws {
        var when = try only("Kirov was murdered on 1 December 1934.")
        #expect(when.year == 1934 && when.month == 12 && when.day == 1 && when.text == "1 December 1934")
        when = try only("Stalin died March 5, 1953")
        #expect(when.month == 3 && when.day == 5 && when.description == "5 March 1953")
        when = try only("the Kronstadt rising, March 1921")
        #expect(when.month == 3 && when.day == nil)
        when = try only("on the 1st December 1934")
        #expect(when.day == 1 && when.month == 12)
    }

    @Test func severalDatesInALine() {
        let years = DateFinder.dates(in: "heroism 1905, 1917 and civil war; menshevik until 1917").map(\.when.year)
        #expect(years == [1905, 1917, 1917])
        let until = DateFinder.dates(in: "menshevik untill 1917 then Bolshevik")
        #expect(until.map(\.when.year) == [1917])
    }

    @Test(arguments: [
        "30,000 slices", "1,500,000 tonnes", "£1500 a year", "2000% growth", "output of 1500.5", "page 12",
        "an area of 12345 square miles", "19-05-12 15:05", "question 3 of 30", "year 3000",
    ])
    func numbersThatAreNotDates(text: String) {
        #expect(DateFinder.dates(in: text).isEmpty, "\(text)")
    }

    @Test func aNumberAfterAYearIsNotTheEndOfARange() {
        // "from 4 million tonnes in 1927 to 18 million tonnes": 1927 alone, not 1927–2018.
        let matches = DateFinder.dates(in: "Steel output rose from 4 million tonnes in 1927 to 18 million tonnes in 1937")
        #expect(matches.map(\.when.year) == [1927, 1937] && matches.allSatisfy { !$0.when.isRange })
        #expect(DateFinder.dates(in: "1928-32").first?.when.lastYear == 1932)
    }

    @Test func rangesThatGoBackwardsAreKeptAsWrittenWhenASlipExplainsThem() {
        // "1934-1928" is a slip of one digit (1924-1928): one date, as written, read as meant by `plausible`.
        let slip = DateFinder.dates(in: "1934-1928")
        #expect(slip.count == 1 && slip.first?.when.year == 1934 && slip.first?.when.endYear == 1928)
        #expect(slip.first?.when.plausible.year == 1924)
        // No slip of one digit makes "1934-1828" a range: two dates.
        #expect(DateFinder.dates(in: "1934-1828").map(\.when.year) == [1934, 1828])
    }

    @Test func describesDatesTheSameWayHoweverWritten() throws {
        #expect(try only("1928-32").description == "1928–1932")
        #expect(try only("the 1920s").description == "1920s")
        #expect(try only("by 1935").description == "by 1935")
        #expect(try only("late 1920s").description == "late 1920s")
    }
}
