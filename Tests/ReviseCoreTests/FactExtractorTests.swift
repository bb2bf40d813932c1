import ReviseCore
import TestSupport
import Testing

@testable import ReviseCore

/// Each pattern of the extractor on small notes in our own words (about no subject in particular).
struct FactExtractorTests {
    func knowledge(_ text: String, name: String = "notes.txt") throws -> KnowledgeBase {
        let outline = try NoteImporter.parse(text: text, name: name)
        return KnowledgeBase.merge([FactExtractor.extract(outline, source: name)])
    }

    func facts(_ kb: KnowledgeBase, _ kind: Fact.Kind) -> [Fact] { kb.facts.filter { $0.kind == kind } }

    @Test func eventsCarryTheirDateAndCitation() throws {
        let kb = try knowledge("Harbour history:\n\n- 1851 - the lighthouse was built\n- The pier was extended 1902-05\n")
        let events = facts(kb, .event)
        #expect(events.map { $0.when?.year } == [1851, 1902])
        #expect(events[1].when?.endYear == 1905)
        #expect(events[0].citations == [Citation(source: "notes.txt", span: Span(3, 3))])
        #expect(events[0].citations[0].description == "notes.txt:3")
    }

    @Test func rolesFromSentencesLeadInsAndPromotions() throws {
        let kb = try knowledge(
            """
            Crew:

            - Marlow was captain of the Nellie, and he kept the log.
            - The owner promoted Kurtz as Chief of the Inner Station.
            - Marlow said he never forgot it.
            """)
        let roles = facts(kb, .role).map { ($0.subject ?? "", $0.detail ?? "") }
        #expect(roles.contains { $0 == ("Marlow", "captain of the Nellie") })
        #expect(roles.contains { $0 == ("Kurtz", "Chief of the Inner Station") })
        #expect(kb.people.map(\.name).contains("Marlow"))
    }

    @Test func definitionsFromLeadInsDashesAndAbbreviations() throws {
        let kb = try knowledge(
            """
            Cell biology:

            - Osmosis: the movement of water across a membrane
            - ATP - the molecule cells use to store energy
            - The Endoplasmic Reticulum (ER) folds proteins.
            - Cells divided rapidly: growth was fast
            """)
        let definitions = Dictionary(facts(kb, .definition).map { ($0.subject ?? "", $0.detail ?? "") }) { a, _ in a }
        #expect(definitions["Osmosis"] == "the movement of water across a membrane")
        #expect(definitions["ATP"] == "the molecule cells use to store energy")
        #expect(definitions["ER"] == "Endoplasmic Reticulum")
        // A statement is not a term.
        #expect(definitions["Cells divided rapidly"] == nil)
    }

    @Test func definitionsFromNamesTheNotesGiveAndAppositions() throws {
        let kb = try knowledge(
            """
            Farming:

            - This movement of farm workers into the towns is known as the rural exodus.
            - The small fields were joined into large estates known as latifundia.
            - Peasants who owned no land were called braceros by the landowners.
            - After 1950 the work was planned by INCORA, the land reform institute.
            - Reformers were known by many villagers as the 'new masters'.
            - Landlords called it theft, and the courts agreed.
            - The plan set targets for the first INCORA, the ministry and the banks.
            """)
        let definitions = Dictionary(facts(kb, .definition).map { ($0.subject ?? "", $0.detail ?? "") }, uniquingKeysWith: { a, _ in a })
        #expect(definitions["rural exodus"] == "movement of farm workers into the towns")
        #expect(definitions["latifundia"] == "large estates")
        // The words before a relative clause's verb are not what the name names.
        #expect(definitions["braceros"] == nil)
        #expect(definitions["INCORA"] == "land reform institute")
        #expect(definitions["new masters"] == "Reformers")
        // Someone calling something, and a list after a comma, are not definitions.
        #expect(definitions["theft"] == nil && definitions.values.allSatisfy { !$0.contains("ministry") })
        #expect(kb.terms.map(\.name).contains("rural exodus"))
    }

    @Test func statisticsQuotesAndCauses() throws {
        let kb = try knowledge(
            """
            The flood:

            - About 2,400 homes were flooded in 1953.
            - The mayor said 'we will rebuild every street' at the town hall.
            - Heavy rain -> river burst its banks -> homes flooded
            - The dam failed because the spillway was blocked.
            """)
        let stats = facts(kb, .statistic)
        #expect(stats.first?.quantity?.value == 2400 && stats.first?.when?.year == 1953)
        let quote = try #require(facts(kb, .quote).first)
        #expect(quote.detail == "we will rebuild every street")
        let causes = facts(kb, .cause)
        #expect(causes.contains { $0.items == ["Heavy rain", "river burst its banks", "homes flooded"] })
        #expect(causes.contains { $0.subject == "the spillway was blocked" && $0.detail == "The dam failed" })
    }

    @Test func listsFromHeadingsWithPoints() throws {
        let kb = try knowledge("Season review\n\nReasons for the win:\n\n- better training\n- more money\n- a new coach\n")
        let list = try #require(facts(kb, .list).first)
        #expect(list.subject == "Reasons for the win" && list.items.count == 3)
    }

    @Test func misspellingsPossessivesAndInitialsResolveToOnePerson() throws {
        let kb = try knowledge(
            """
            The committee:

            - Harrington argued for the plan and Beaumont opposed it.
            - Harrington wanted a vote; Harrington's allies agreed.
            - Harington said the vote was fair.
            - Harringtons speech was long.
            - H&B fell out over the budget, Harrington and Beaumont never spoke again.
            - Beaumont resigned in 1921.
            """)
        let harrington = try #require(kb.entity(named: "Harrington"))
        #expect(harrington.kind == .person)
        #expect(harrington.aliases.contains("Harington") && harrington.aliases.contains("Harringtons"))
        #expect(harrington.aliases.contains("H&B"))
        #expect(kb.entity(named: "Beaumont")?.aliases.contains("H&B") == true)
    }

    @Test func oneTermSpeltSeveralWaysIsOneEntry() throws {
        let a = FactExtractor.extract(
            try NoteImporter.parse(
                text: """
                    Farming:

                    - Mechanisation came slowly to the valley farms.
                    - Loans came from the Rural Credit Banks; the RCB set the rates.
                    - **Tithe barns** stored it.
                    """, name: "a.txt"), source: "a.txt")
        let b = FactExtractor.extract(
            try NoteImporter.parse(
                text: """
                    Farming:

                    - Farmers borrowed from the Rural Credit Bank in the town.
                    - Mechanization was resisted at first, and mechanisation spread after the war.
                    - **tithe barn** - a barn for the church's tenth of the harvest
                    """, name: "b.txt"), source: "b.txt")
        let kb = KnowledgeBase.merge([a, b])
        let terms = kb.entities.filter { $0.kind == .term || $0.kind == .organisation }
        let boards = terms.filter { $0.name.lowercased().hasPrefix("rural credit bank") }
        #expect(boards.count == 1)
        #expect(boards.first.map { ([$0.name] + $0.aliases).contains("RCB") } == true)
        #expect(terms.filter { $0.name.lowercased().hasPrefix("tithe barn") }.count == 1)
        #expect(KnowledgeBase.merge([b]).entities.filter { $0.name.lowercased().hasPrefix("mechani") }.count <= 1)
    }

    @Test func shortWordsInQuotationMarksAreAQuotationOnlyWhenSomeoneSaysThem() throws {
        let kb = try knowledge(
            """
            Railway engineers

            Brunel:

            - 'the little giant' - admired by engineers
            - His railway kept the 'broad gauge' until 1892.
            - Brunel said 'I am a strong advocate of the wide track' at the inquiry.
            - He wrote a report called 'Gauge Matters' for the board.
            """)
        let quotes = facts(kb, .quote)
        #expect(quotes.compactMap(\.detail).sorted() == ["I am a strong advocate of the wide track", "the little giant"])
        #expect(quotes.allSatisfy { $0.subject == "Brunel" })
    }

    @Test func definitionsFromTheClauseThatExplainsAName() throws {
        let kb = try knowledge(
            """
            Town politics

            - The mayor backed the "Clean Streets" policy, which paid crews to sweep every road at dawn.
            - The wardens were those who walked the night streets and reported fires.
            - Seats went to people from a roll known as the Burgess List which held only the names of property owners.
            """)
        let meanings = Dictionary(facts(kb, .definition).compactMap { f in f.subject.map { ($0, f.detail ?? "") } }, uniquingKeysWith: { a, _ in a })
        #expect(meanings["Clean Streets"] == "paid crews to sweep every road at dawn")
        #expect(meanings["wardens"] == "those who walked the night streets and reported fires")
        #expect(meanings["Burgess List"] == "held only the names of property owners")
    }

    @Test func anArrowFromABareNameGlossesIt() throws {
        let kb = try knowledge(
            """
            Harbour history

            - Harbour Board -> built the new quay in stone
            - Storms wrecked the old quay -> trade moved to the river -> the town shrank
            """)
        #expect(facts(kb, .definition).map(\.subject) == ["Harbour Board"])
        #expect(facts(kb, .cause).map(\.items.count) == [3])
    }

    @Test func namesShapedLikePlacesAreNotTerms() throws {
        let kb = try knowledge(
            """
            Trade routes

            - Barges used the Wey Canal and later the Wey Canal was widened.
            - Grain came from the Far East; the Far East also sent silk.
            - The Harbour Committee met and the Harbour Committee set the dues.
            """)
        #expect(kb.entity(named: "Wey Canal")?.kind == .place)
        #expect(kb.entity(named: "Far East")?.kind == .place)
        #expect(kb.entity(named: "Harbour Committee")?.kind == .organisation)
    }

    @Test func boldThatOpensASentenceIsItsTopicNotATerm() throws {
        let kb = try knowledge(
            """
            The arts:

            - **Painters** were told to show happy workers, and **Constructivism** was banned.
            """)
        #expect(kb.entity(named: "Painters") == nil)
        #expect(kb.entity(named: "Constructivism")?.kind == .term)
    }

    @Test func oneEventToldTwiceIsOneFactWithTwoCitations() throws {
        let a = FactExtractor.extract(try NoteImporter.parse(text: "Notes:\n\n- The bridge opened in 1894\n", name: "a.txt"), source: "a.txt")
        let b = FactExtractor.extract(try NoteImporter.parse(text: "Notes:\n\n- In 1894 the bridge opened.\n", name: "b.txt"), source: "b.txt")
        let events = KnowledgeBase.merge([a, b]).facts.filter { $0.kind == .event }
        #expect(events.count == 1)
        #expect(events.first?.citations.map(\.source) == ["a.txt", "b.txt"])
    }

    @Test func differentNumbersForTheSameThingAreAConflict() throws {
        let a = FactExtractor.extract(try NoteImporter.parse(text: "Flood:\n\n- 300 people died in the flood\n", name: "a.txt"), source: "a.txt")
        let b = FactExtractor.extract(try NoteImporter.parse(text: "Flood:\n\n- the flood: 450 people died\n", name: "b.txt"), source: "b.txt")
        let conflict = try #require(KnowledgeBase.merge([a, b]).conflicts.first)
        #expect(conflict.claims.map(\.value).sorted() == ["300 people", "450 people"])
        #expect(conflict.claims.map(\.citation.description).sorted() == ["a.txt:3", "b.txt:3"])
    }

    @Test func examQuestionsWithTheirCommandWords() throws {
        let kb = try knowledge(
            """
            Practice:

            (a) Describe the causes of the flood. (4)
            (b) Why was the dam weak? (6)
            'The council was to blame.' How far do you agree? (10)
            How significant was the rain? [40]
            """)
        #expect(kb.questions.map(\.command) == [.describe, .explainWhy, .howFarDoYouAgree, .howSignificant])
        #expect(kb.questions.map(\.marks) == [4, 6, 10, 40])
    }

    @Test func sentencesSplitWithoutBreakingQuotesOrAbbreviations() {
        let text = "Dr. Smith arrived at 9 a.m. on Monday, e.g. early. \"Stop. Now.\" he said. Then it rained heavily all day long."
        let sentences = Sentences.split(text)
        #expect(sentences.count == 3, "\(sentences)")
        #expect(sentences[1] == "\"Stop. Now.\" he said.")
    }

    @Test func deepAndHugeOutlinesAreReadWithoutRecursion() throws {
        var text = "Root:\n"
        for depth in 0..<10_000 { text += String(repeating: " ", count: depth % 60) + "- point \(depth) in 1900\n" }
        let outline = try NoteImporter.parse(text: text, name: "deep.txt")
        let knowledge = FactExtractor.extract(outline, source: "deep.txt")
        #expect(knowledge.facts.filter { $0.kind == .event }.count == 10_000)
    }
}

extension FactExtractorTests {
    @Test func eventDetailsLoseTheirDateAndTheWordsLeadingToIt() throws {
        let kb = try knowledge(
            "Town:\n\n- Output for defence rose by 300% between 1933 and 1938.\n- The school was founded in 1870 by the parish.\n")
        let details = kb.facts.filter { $0.kind == .event }.compactMap(\.detail)
        #expect(details == ["Output for defence rose by 300%", "The school was founded by the parish"])
    }
}

extension FactExtractorTests {
    /// A large outline is read in parts at once; what comes out is exactly what one reader finds.
    @Test func readingInPartsFindsWhatOneReaderFinds() throws {
        let bytes = try Fixtures.fixture("other-subject/cold-war-outline.txt")
        let text = String(decoding: bytes, as: UTF8.self)
        let outline = try NoteImporter.parse(text: String(repeating: text + "\n", count: 400), name: "big.txt")
        #expect(outline.nodes.count >= 20_000)
        #expect(FactExtractor.partition(outline, into: 4).count >= 4)
        let serial = FactExtractor.extract(outline, source: "big.txt", parts: 1)
        let parallel = FactExtractor.extract(outline, source: "big.txt", parts: 4)
        #expect(serial.facts == parallel.facts)
        #expect(serial.questions == parallel.questions)
        #expect(serial.names.map(\.name) == parallel.names.map(\.name))
        #expect(serial.names.map(\.count) == parallel.names.map(\.count))
        #expect(serial.names.map(\.lowercase) == parallel.names.map(\.lowercase))
    }
}

extension FactExtractorTests {
    @Test func rolesToldBesideANameOrAsAPosition() throws {
        let kb = try knowledge(
            """
            The society:

            - Hartley, the club secretary, kept the minutes.
            - The treasurer Wainwright checked the accounts.
            - Morland, a painter, designed the posters.
            - In 1931 Hartley lost his position as secretary of the club.
            - Pemberton was in charge of the library.
            """)
        let roles = Set(kb.facts.filter { $0.kind == .role }.map { "\($0.subject ?? ""): \($0.detail ?? "")" })
        // "club secretary" and "secretary of the club" are one role, told twice.
        #expect(roles.contains("Hartley: club secretary") != roles.contains("Hartley: secretary of the club"))
        #expect(roles.contains("Wainwright: treasurer"))
        #expect(roles.contains("Morland: painter"))
        #expect(roles.contains("Pemberton: in charge of the library"))
    }
}

extension FactExtractorTests {
    func kind(_ kb: KnowledgeBase, _ name: String) -> Entity.Kind? { kb.entities.first { $0.name == name }?.kind }

    @Test func placesByTheWordsAroundThemAndTheNamesListedWithThem() throws {
        let kb = try knowledge(
            """
            The wool trade:

            - Most of the fleeces came from the Pennine region and from the Cotswold hills.
            - Mills were built in Halifax, in Bradford and in Leeds.
            - Buyers travelled from Halifax, Bradford and the Calder.
            - The Calder carried barges of wool past the Calder mills.
            """)
        #expect(kind(kb, "Pennine") == .place)
        #expect(kind(kb, "Calder") == .place)
    }

    @Test func namesTheNotesUseOnceAfterThe() throws {
        let kb = try knowledge(
            """
            The guild:

            - In 1820 the weavers joined the Fellowship, later the Union.
            - The weavers sent their complaints to the Assembly of Master Weavers.
            - The price was set by the Wardmote. Every loom paid its levy.
            - Orders came on the Tolworth barges.
            """)
        #expect(kind(kb, "Fellowship") == .term)
        #expect(kind(kb, "Assembly of Master Weavers") == .organisation)
        #expect(kind(kb, "Wardmote") == .term)
        // A word before a noun names what the noun is about; it is not a term of its own.
        #expect(kind(kb, "Tolworth") == nil)
    }

    @Test func aThingNamedBeforeItsName() throws {
        let kb = try knowledge(
            """
            The town:

            - The town's newspaper Clarion said the mill would close.
            - Later the Clarion printed the mayor's letter, and the Clarion was read by every family.
            """)
        #expect(!kb.people.map(\.name).contains("Clarion"))
        #expect(kind(kb, "Clarion") == .term)
    }

    @Test func quotationsOfSeveralSentencesAndWordsThatOnlyNameSomething() throws {
        let kb = try knowledge(
            """
            Speeches:

            - The mayor said in 1902: 'We have built the harbour. Now we must build the railway. Nothing else will do.'
            - The council was labelled as practising "protectionism" by the traders.
            - Harbour Model - 'trade before everything', building the quays first.
            """)
        let quotes = facts(kb, .quote)
        #expect(quotes.count == 1)
        #expect(quotes.first?.detail?.hasSuffix("Nothing else will do.") == true)
        #expect(facts(kb, .definition).contains { $0.subject == "Harbour Model" })
    }

    @Test func aListOfCommentsOnEverydayTopicsHoldsNoDefinitions() throws {
        let kb = try knowledge(
            """
            Strengths of the town:

            - harbour trade - busy all year, ships from three countries
            - skilled workforce - weavers and dyers
            - schools - more of them, better attended
            - Tolbooth - the old town hall where the council meets
            """)
        let subjects = facts(kb, .definition).compactMap(\.subject)
        #expect(!subjects.contains("harbour trade"))
        #expect(!subjects.contains("skilled workforce"))
        #expect(subjects.contains("Tolbooth"))
    }
}

extension FactExtractorTests {
    @Test func namedThingsPostsAndHeadingsAreTerms() throws {
        let kb = try knowledge(
            """
            The canal age:

            - Investors put money into the Bridgewater scheme, and the Hartley pact fixed the tolls.
            - In 1793 Telford became Minister for Canals, a post he kept for years.
            - The board voted Jessop out of the position of Chief Engineer in 1801.
            - Carriers signed Brindley's Grand Charter before the work began.
            - Every boatman had to join the canal guild, or lose his licence; few joined the workforce.

            Navvy gangs:
            - They dug by hand and lived in camps.

            Living standards:
            - Wages rose slowly.
            - Rents rose fast.

            The toll disputes 1790-1795:
            - Carriers refused to pay.
            """)
        let terms = Set(kb.entities.filter { $0.kind == .term || $0.kind == .organisation }.map(\.name))
        #expect(terms.contains("Hartley pact"))
        #expect(terms.contains("Minister for Canals"))
        #expect(kb.entities.first { $0.name == "Minister for Canals" }?.summary == "a post held by Telford")
        #expect(terms.contains("Navvy gangs"))
        #expect(terms.contains("toll disputes"))
        #expect(!terms.contains("Living standards"))
        #expect(terms.contains("Grand Charter"))
        #expect(terms.contains("canal guild"))
        #expect(!terms.contains("workforce"))
        // A post someone is voted out of was theirs.
        let roles = kb.facts.filter { $0.kind == .role }.map { "\($0.subject ?? ""): \($0.detail ?? "")" }
        #expect(roles.contains("Jessop: Chief Engineer"))
        #expect(!roles.contains { $0.hasPrefix("board") })
    }

    @Test func aYearComparedWithDatesNoEvent() throws {
        let kb = try knowledge(
            """
            Output:

            - By 1840 the mills barely returned to that of the old masters in 1790.
            - Exports were higher than in 1820.
            - Output did not pass the old levels until 1835.
            - The new looms were used from 1825 onwards and doubled output.
            """)
        let years = kb.facts.filter { $0.kind == .event }.compactMap { $0.when?.year }
        #expect(years.contains(1840))
        #expect(!years.contains(1790))
        #expect(!years.contains(1820))
        #expect(years.contains(1835))
        let looms = kb.facts.first { $0.kind == .event && $0.when?.year == 1825 }
        #expect(looms?.detail == "The new looms were used and doubled output")
    }
}
