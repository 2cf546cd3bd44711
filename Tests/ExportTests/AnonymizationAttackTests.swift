import DataJamCore
import DataJamExport
import Foundation
import TestSupport
import XCTest

/// `--anonymize` tried the way rapporteurs really write names: generated people, written in the
/// forms a room uses (surname first in capitals, "Surname, First", Arabic with a prefix glued on),
/// with their e-mail addresses and phone numbers, placed anywhere in any text, across workshops of a
/// consolidated report, and read back from every export format.
final class AnonymizationAttackTests: XCTestCase {
    private static let firstNames = ["Hédi", "Leïla", "Karim", "Imène", "Sonia", "Walid", "Nesrine", "Anis"]
    private static let surnames = ["Trabelsi", "Ben Salah", "Gharbi", "Jouini", "Mabrouk", "Chaabane", "Ben Romdhane", "Khelifi"]
    private static let arabicNames = ["محمد بن علي", "فاطمة الزهراء", "عبد الرحمن الجلاصي", "سلمى بوعزيزي"]

    /// A seeded sequence of choices, so a failure names the case that made it.
    private struct Choices {
        var state: UInt64
        mutating func next(_ upperBound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(upperBound))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    /// One person, recorded once (as an author or a participant) and mentioned in other forms.
    private struct Person {
        var recorded: String
        var mentions: [String]
        /// Text that must not survive anonymisation, folded.
        var traces: [String]
    }

    private static func person(_ choices: inout Choices, index: Int) -> Person {
        if choices.next(4) == 0 {
            let name = choices.pick(arabicNames)
            let words = name.split(separator: " ").map(String.init)
            let glued = choices.pick(["و", "ول", "ب", "ل", "ف"]) + name
            // Family name first, as on a list: the last word, then the others.
            let familyFirst = ([words[words.count - 1]] + words.dropLast()).joined(separator: " ")
            return Person(recorded: name, mentions: [name, glued, familyFirst], traces: words.filter { $0.count >= 3 })
        }
        let first = choices.pick(firstNames), last = choices.pick(surnames)
        let mail = "\(fold(first)).\(fold(last).replacingOccurrences(of: " ", with: ""))\(index)@gov.tn"
        let phone = choices.pick(["+216 71 \(100 + index) 456", "98-\(100 + index)-321", "0021655\(100_000 + index)"])
        let mentions = ["\(first) \(last)", "\(last.uppercased()) \(first)", "\(last), \(first)", "\(first)\n\(last)",
                        "\(first.uppercased()) \(last.uppercased())", mail, phone, "@\(fold(first))_\(index)tn"]
        let traces = [fold(last), fold(mail), phone, "\(fold(first))_\(index)tn"]
        return Person(recorded: "\(first) \(last)", mentions: mentions, traces: traces)
    }

    /// A second workshop built from the same fixture, with ids of its own (a Data Package refuses
    /// ids shared by two workshops).
    private static func giveOwnIDs(_ w: inout Workshop, suffix: String) {
        for i in w.teams.indices { w.teams[i].id += suffix }
        for i in w.participantGroups.indices { w.participantGroups[i].id += suffix }
        for i in w.synthesis.partnerships.indices { w.synthesis.partnerships[i].id += suffix }
        for section in Synthesis.Section.allCases {
            for i in w.synthesis[section].indices { w.synthesis[section][i].id += suffix }
        }
        for i in w.findings.indices {
            w.findings[i].id += suffix
            w.findings[i].teamId = w.findings[i].teamId.map { $0 + suffix }
            w.findings[i].samePointAs = w.findings[i].samePointAs.map { $0 + suffix }
        }
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    func testNoFormOfARecordedNameSurvivesAnyFormatAcrossWorkshops() throws {
        // Words the fixture itself holds (`عبد الله` in a note) are no trace of a generated person.
        let baseline = Self.fold(try Exporter.text(.json, [WorkshopFixtures.complete()], consolidated: false, language: .fr, anonymize: false))
        for seed in 1...12 as ClosedRange<UInt64> {
            var choices = Choices(state: seed)
            var workshops = [WorkshopFixtures.complete(), WorkshopFixtures.complete()]
            workshops[1].id = "w-second"
            workshops[1].details.date = WorkshopDate("2023-12-19")
            Self.giveOwnIDs(&workshops[1], suffix: "-b")
            let people = (0..<4).map { Self.person(&choices, index: Int(seed) * 10 + $0) }
            for (n, person) in people.enumerated() {
                // Recorded in one workshop only (author, participant or rapporteur)...
                let home = n % 2
                switch choices.next(3) {
                case 0: workshops[home].findings[2 + n].author = person.recorded
                case 1: workshops[home].participantGroups[0].people.append(person.recorded)
                default:
                    workshops[home].teams.append(Team(id: "t-extra-\(n)-\(home)", name: "Équipe \(n)", rapporteur: person.recorded,
                                                      createdAt: WorkshopFixtures.time(50)))
                }
                // ...and mentioned anywhere in either, at the start, middle or end of a text.
                for mention in person.mentions {
                    let w = choices.next(2)
                    let placed = choices.pick(["\(mention) a signalé ce point", "Vu avec \(mention) hier", "Contact : \(mention)"])
                    switch choices.next(5) {
                    case 0: workshops[w].findings[choices.next(workshops[w].findings.count)].text += " — " + placed
                    case 1: workshops[w].synthesis.recommendations[0].text += " " + placed
                    case 2: workshops[w].synthesis.partnerships[0].subject += " " + placed
                    case 3: workshops[w].teams[choices.next(2)].scope += " " + placed
                    default: workshops[w].details.context += " " + placed
                    }
                }
            }
            for workshop in workshops { XCTAssertEqual(SemanticValidator.problems(in: workshop), [], "seed \(seed)") }

            let folder = TemporaryFolder("anonymous-\(seed)")
            var outputs: [String: String] = [:]
            for format in ExportFormat.allCases where !format.isFolder && !format.isBinary {
                outputs["report \(format)"] = try Exporter.text(format, workshops, consolidated: true, language: .fr, anonymize: true)
                outputs["export \(format)"] = try Exporter.text(format, [workshops[0]], consolidated: false, language: .en, anonymize: true)
            }
            try Exporter.write(.datapackage, workshops, consolidated: true, language: .fr, anonymize: true, to: folder.file("package"))
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.file("package")) {
                outputs["package/\(name)"] = try String(contentsOfFile: folder.file("package/\(name)"), encoding: .utf8)
            }
            for (format, text) in outputs {
                let folded = Self.fold(text)
                // One workshop exported alone knows its own people only.
                let known = format.hasPrefix("export") ? people.enumerated().filter { $0.offset % 2 == 0 }.map(\.element) : people
                for trace in known.flatMap(\.traces) where !baseline.contains(Self.fold(trace)) {
                    if let at = folded.range(of: Self.fold(trace)) {
                        let from = folded.index(at.lowerBound, offsetBy: -40, limitedBy: folded.startIndex) ?? folded.startIndex
                        XCTFail("seed \(seed): \(format) still holds “\(trace)”: …\(folded[from..<at.upperBound])")
                    }
                }
            }
            // The check can fail: without anonymising, the report names them.
            let named = Self.fold(try workshops.map { try Exporter.text(.json, [$0], consolidated: false, language: .fr, anonymize: false) }.joined())
            XCTAssertTrue(people.allSatisfy { named.contains(Self.fold($0.traces[0])) }, "seed \(seed)")
        }
    }

    func testDatesCountsAndOrganisationsAreNotTakenForContactDetails() {
        var workshop = WorkshopFixtures.complete()
        workshop.findings[0].text = "Loi n° 2016-22 du 24 mars 2016 ; atelier du 2023-11-27 ; 27.11.2023 ; 101 participants ; INS"
        workshop.findings[1].text = "Écrire à contact@ins.tn ou au +216 71 123 456 ; @INS_Tunisie"
        let anonymous = workshop.anonymized()
        XCTAssertEqual(anonymous.findings[0].text, workshop.findings[0].text)
        XCTAssertEqual(anonymous.findings[1].text, "Écrire à […] ou au […] ; […]")
    }
}
