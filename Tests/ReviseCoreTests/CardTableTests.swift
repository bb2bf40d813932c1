import Foundation
import ReviseCore
import Testing

/// CSV and TSV flashcard files, as Anki, Quizlet and students write them; and what is wrong with broken ones.
struct CardTableTests {
    func deck(_ text: String, name: String = "cards.csv") throws -> CardDeck {
        try CardTable.deck(text: text, name: name)
    }

    @Test func ourOwnCSVAndTSVReadBackExactly() throws {
        let cards = [
            Card(
                id: "c1", kind: .basic, prompt: "Who said “we are fifty, or a hundred, years behind”?", answer: "Stalin, 1931",
                topic: ["Industry"], citations: [Citation(source: "notes.txt", span: Span(line: 4))]),
            Card(
                id: "c2", kind: .cloze, prompt: "In […] the first Five-Year Plan began", answer: "1928", topic: ["Industry"],
                citations: [Citation(source: "notes.txt", span: Span(line: 9))]),
            Card(
                id: "c3", kind: .basic, prompt: "Name two \"targets\"", answer: "coal\nsteel, oil", topic: [],
                citations: [Citation(source: "notes.txt", span: Span(line: 12))]),
        ]
        let notes = CardExport.notes(for: cards)
        let csv = try deck(CardExport.csv(notes))
        #expect(csv.isHTML)
        #expect(csv.notes.map(\.shape) == [.basic, .cloze, .basic])
        #expect(csv.notes.map { Markup.plainText(fromHTML: $0.front) } == [cards[0].prompt, "In {{c1::1928}} the first Five-Year Plan began", cards[2].prompt])
        #expect(Markup.plainText(fromHTML: csv.notes[0].back) == "Stalin, 1931")
        #expect(Markup.plainText(fromHTML: csv.notes[2].back) == "coal\nsteel, oil")
        #expect(csv.notes[0].tags == ["Industry"])
        #expect(csv.notes.map(\.line) == [5, 6, 7])
        let tsv = try deck(CardExport.tsv(notes), name: "quizlet.tsv")
        #expect(tsv.notes.map(\.front) == [cards[0].prompt, "In […] the first Five-Year Plan began", "Name two \"targets\""])
        #expect(tsv.notes.map(\.back) == ["Stalin, 1931", "1928", "coal<br>steel, oil"])
        #expect(tsv.title == "quizlet")
    }

    @Test func ankisPlainTextExport() throws {
        let text = "#separator:tab\n#html:true\n#tags column:3\nmitochondria\tthe <b>powerhouse</b> of the cell\tbiology cells\nribosome\tmakes proteins\tbiology\n"
        let deck = try deck(text, name: "Biology.txt.csv")
        #expect(deck.notes.count == 2)
        #expect(deck.notes[0].back == "the <b>powerhouse</b> of the cell")
        #expect(deck.notes[0].tags == ["biology", "cells"])
        #expect(deck.notes[1].line == 5)
        #expect(deck.title == "Biology.txt")
    }

    @Test func aSemicolonFileWithAHeaderRow() throws {
        let deck = try deck("Question;Answer;Deck\nCapital of France?;Paris;Geography::Europe\nCapital of Peru?;Lima;Geography::Americas\n")
        #expect(deck.notes.map(\.front) == ["Capital of France?", "Capital of Peru?"])
        #expect(deck.notes.map(\.deck) == [["Geography", "Europe"], ["Geography", "Americas"]])
        #expect(deck.notes.map(\.line) == [2, 3])
    }

    @Test func quotedFieldsHoldSeparatorsQuotesAndLineBreaks() throws {
        let text = "term,definition\n\"a, b\",\"she said \"\"hi\"\"\"\n\"two\nlines\",back\nlast,one\n"
        let deck = try deck(text)
        #expect(deck.notes.map(\.front) == ["a, b", "two\nlines", "last"])
        #expect(deck.notes[0].back == "she said \"hi\"")
        #expect(deck.notes.map(\.line) == [2, 3, 5])
    }

    @Test func crlfAndAByteOrderMark() throws {
        let deck = try deck("\u{FEFF}front,back\r\none,uno\r\ntwo,dos\r\n")
        #expect(deck.notes.map(\.front) == ["one", "two"])
        #expect(deck.notes.map(\.back) == ["uno", "dos"])
    }

    @Test func threeColumnsWithoutAHeaderAreFrontBackAndTags() throws {
        let deck = try deck("le chat,the cat,nouns animals\nmanger,to eat,verbs\n")
        #expect(deck.notes[0].tags == ["nouns", "animals"])
        #expect(deck.notes[1].tags == ["verbs"])
    }

    @Test func noteTypesAndClozes() throws {
        let deck = try deck("Basic (and reversed card),pH,a measure of acidity\nCloze,The {{c1::Haber}} process,\nBasic,Na,sodium\n")
        #expect(deck.notes.map(\.shape) == [.bothWays, .cloze, .basic])
        let plain = try self.deck("In {{c1::1928}} the plan began\tthe first Five-Year Plan\n", name: "c.tsv")
        #expect(plain.notes[0].shape == .cloze)
    }

    @Test func brokenTablesSayWhereAndWhat() {
        func error(_ text: String) -> String {
            do {
                _ = try CardTable.deck(text: text, name: "bad.csv")
                return "no error"
            } catch {
                return error.description
            }
        }
        #expect(error("front,back\none,two\nthree,four,five\n") == "bad.csv:3: this row has 3 fields where the first has 2")
        #expect(error("front,back\n\"one,two\nthree,four\n") == "bad.csv:2: a quotation mark opened here is never closed")
        #expect(error("one,two\n ,four\n") == "bad.csv:2: this row has no front")
        #expect(error("one,two\nthree,\n") == "bad.csv:2: this row has no back")
        #expect(error("\n\n") == "bad.csv: nothing in this file reads as notes (only markup or blank lines)")
        #expect(error("just words\nand more words\n").hasPrefix("bad.csv:1: no separator"))
        #expect(error("front,back\n").contains("nothing in this file"))
    }
}
