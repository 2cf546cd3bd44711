import DataJamCore
import Foundation
import TestSupport
import XCTest

/// `SessionMerge.merge(base:others:)`: files brought back from laptops, merged into BASE.
final class SessionMergeTests: XCTestCase {
    private func t(_ s: Int64) -> Timestamp { WorkshopFixtures.time(s) }

    // MARK: Generated sessions

    /// 200 generated cases: a common ancestor, BASE and three OTHER files derived from it (copies
    /// edited on their own, or files made separately with `datajam new`), with random adds, edits,
    /// deletions, new teams and categories whose names collide in case and accents.
    func testGeneratedSessionsMergeOrderIndependentlyIdempotentlyAndByLatestChange() {
        var seen = Tally()
        for seed in 1...200 as ClosedRange<UInt64> {
            var generator = ScenarioGenerator(seed: seed)
            let scenario = generator.make()
            let (result, summary) = SessionMerge.merge(base: scenario.base, others: scenario.others)
            let context = "seed \(seed)"

            XCTAssertEqual(SemanticValidator.problems(in: result), [], context)
            XCTAssertEqual(result.id, scenario.base.id, context)

            // Any order of the OTHER files gives the same workshop and the same summary.
            for order in permutations(of: scenario.others) {
                let (again, againSummary) = SessionMerge.merge(base: scenario.base, others: order)
                XCTAssertEqual(again, result, context)
                XCTAssertEqual(againSummary, summary, context)
            }

            // Merging the same files again changes nothing, and says so.
            let (twice, twiceSummary) = SessionMerge.merge(base: result, others: scenario.others)
            XCTAssertEqual(twice, result, context)
            XCTAssertFalse(twiceSummary.changedBase, "\(context): \(twiceSummary.line)")
            XCTAssertEqual([twiceSummary.findingsAdded, twiceSummary.findingsUpdated, twiceSummary.findingsDeleted,
                            twiceSummary.teamsAdded, twiceSummary.otherChanges], [0, 0, 0, 0, 0], context)
            XCTAssertEqual(SessionMerge.merge(base: result, others: [result]).workshop, result, context)

            checkAgainstOracle(scenario, result, summary, context, &seen)
        }
        // The cases exercised what they are meant to.
        XCTAssertGreaterThan(seen.deletionsKept, 50)
        XCTAssertGreaterThan(seen.editsFromOthersWon, 50)
        XCTAssertGreaterThan(seen.baseEditsWon, 20)
        XCTAssertGreaterThan(seen.resurrectedByLaterEdit, 0)
        XCTAssertGreaterThan(seen.teamsUnifiedWithBase, 50)
        XCTAssertGreaterThan(seen.teamsUnifiedAmongOthers, 20)
        XCTAssertGreaterThan(seen.categoriesUnified, 20)
        XCTAssertGreaterThan(seen.foreignFiles, 50)
        XCTAssertGreaterThan(seen.ties, 5)
    }

    /// `merge BASE A` then `merge BASE B` (the home screen's `m`, one file at a time, in any order,
    /// or in batches) ends with the same workshop, byte for byte, as `merge BASE A B`.
    func testMergingOneFileAtATimeGivesWhatMergingAllAtOnceGives() throws {
        var foldedInASecondStep = 0
        for seed in 1...200 as ClosedRange<UInt64> {
            var generator = ScenarioGenerator(seed: seed)
            let scenario = generator.make()
            let context = "seed \(seed)"
            let (all, _) = SessionMerge.merge(base: scenario.base, others: scenario.others)
            let expected = try SessionCodec().encode(all)
            for order in permutations(of: scenario.others) {
                var current = scenario.base
                for file in order {
                    let liveBefore = Set(current.teams.live.map(\.id))
                    current = SessionMerge.merge(base: current, others: [file]).workshop
                    if current.teams.contains(where: { liveBefore.contains($0.id) && $0.mergedInto != nil }) { foldedInASecondStep += 1 }
                }
                XCTAssertEqual(current, all, "\(context), one at a time")
                XCTAssertEqual(try SessionCodec().encode(current), expected, context)
                XCTAssertEqual(SemanticValidator.problems(in: current), [], context)
            }
            let firstTwo = SessionMerge.merge(base: scenario.base, others: Array(scenario.others.prefix(2))).workshop
            XCTAssertEqual(SessionMerge.merge(base: firstTwo, others: Array(scenario.others.dropFirst(2))).workshop, all, "\(context), in batches")
        }
        XCTAssertGreaterThan(foldedInASecondStep, 20, "steps where a file folds a team BASE already held live")
    }

    private struct Tally {
        var deletionsKept = 0, editsFromOthersWon = 0, baseEditsWon = 0, resurrectedByLaterEdit = 0
        var teamsUnifiedWithBase = 0, teamsUnifiedAmongOthers = 0, categoriesUnified = 0, foreignFiles = 0, ties = 0
    }

    /// Checks the result against expectations computed directly from the files, without the merge
    /// code: the latest version of each finding, the team and category each finding should end up
    /// in, BASE's frame and categories.
    private func checkAgainstOracle(_ scenario: Scenario, _ result: Workshop, _ summary: MergeSummary,
                                    _ context: String, _ seen: inout Tally) {
        let base = scenario.base
        let files = [base] + scenario.others
        let copies = [base] + scenario.others.filter { $0.id == base.id }
        seen.foreignFiles += scenario.others.count - copies.count + 1

        // Which team and category each name means: of the ids live at the end (latest version not
        // deleted), the earliest created, then the smallest id. BASE's team in the usual day.
        func latest<R: Record>(_ versions: [R]) -> R {
            versions.max { a, b in (a.updatedAt, a.isDeleted ? 1 : 0) < (b.updatedAt, b.isDeleted ? 1 : 0) }!
        }
        func canonical<R: Record>(_ records: [R], key: (R) -> String) -> [String: String] {
            let live = Dictionary(grouping: records, by: \.id).values.map(latest).filter { !$0.isDeleted }
            return Dictionary(grouping: live) { SessionMerge.nameKey(key($0)) }
                .mapValues { $0.min { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }!.id }
        }
        let teamFor = canonical(files.flatMap(\.teams), key: \.name)
        let baseCategoryIDs = Set(base.categories.map(\.id))
        // Categories BASE has keep BASE's label (no file edits them); the others keep their own.
        var categoryLabels: [String: String] = [:]
        for category in files.flatMap(\.categories) where !baseCategoryIDs.contains(category.id) {
            categoryLabels[category.id] = category.label
        }
        for category in base.categories { categoryLabels[category.id] = category.label }
        let categoryFor = canonical(files.flatMap(\.categories).filter { !baseCategoryIDs.contains($0.id) } + base.categories,
                                    key: { categoryLabels[$0.id] ?? $0.label })

        // Live teams: one per name, with the canonical id.
        let liveTeams = result.teams.live
        XCTAssertEqual(Set(liveTeams.map { SessionMerge.nameKey($0.name) }).count, liveTeams.count, "\(context): one team per name")
        for team in liveTeams {
            XCTAssertEqual(team.id, teamFor[SessionMerge.nameKey(team.name)], context)
        }
        XCTAssertTrue(base.teams.allSatisfy { result.teams.record(withID: $0.id) != nil }, "\(context): BASE's teams stay")
        for category in base.categories {
            XCTAssertEqual(result.categories.record(withID: category.id)?.label, category.label, "\(context): BASE's labels stay")
        }
        seen.teamsUnifiedWithBase += summary.teamsMatchedByName.filter { name in
            base.teams.contains { SessionMerge.nameKey($0.name) == SessionMerge.nameKey(name) }
        }.count
        seen.teamsUnifiedAmongOthers += summary.teamsMatchedByName.filter { name in
            !base.teams.contains { SessionMerge.nameKey($0.name) == SessionMerge.nameKey(name) }
        }.count
        seen.categoriesUnified += summary.categoriesMatchedByLabel.count

        // Every finding: the latest version wins (a deletion wins a tie), in the canonical team.
        var versions: [String: [(finding: Finding, file: Workshop)]] = [:]
        for file in files {
            for finding in file.findings { versions[finding.id, default: []].append((finding, file)) }
        }
        XCTAssertEqual(Set(result.findings.map(\.id)), Set(versions.keys), "\(context): nothing lost, nothing invented")
        for finding in result.findings {
            let all = versions[finding.id]!
            let latest = all.map(\.finding.updatedAt).max()!
            let newest = all.filter { $0.finding.updatedAt == latest }
            let winners = newest.contains { $0.finding.isDeleted } ? newest.filter { $0.finding.isDeleted } : newest
            if Set(winners.map { $0.finding.text }).count > 1 {
                seen.ties += 1 // two different edits in the same millisecond: any one of them, but the same one every time
                XCTAssertTrue(winners.contains { $0.finding.text == finding.text }, context)
                continue
            }
            let (winner, source) = winners[0]
            XCTAssertEqual(finding.text, winner.text, "\(context): \(finding.id) latest text")
            XCTAssertEqual(finding.isDeleted, winner.isDeleted, "\(context): \(finding.id) deleted")
            XCTAssertEqual(finding.updatedAt, winner.updatedAt, context)
            if let team = winner.teamId {
                let name = source.teams.record(withID: team)!.name
                XCTAssertEqual(finding.teamId, teamFor[SessionMerge.nameKey(name)], "\(context): \(finding.id) team")
            } else {
                XCTAssertNil(finding.teamId, context)
            }
            if let category = winner.category {
                XCTAssertEqual(finding.category, categoryFor[SessionMerge.nameKey(categoryLabels[category]!)], context)
            }

            let inBase = base.findings.record(withID: finding.id)
            if all.contains(where: { $0.finding.isDeleted }), finding.isDeleted { seen.deletionsKept += 1 }
            if let inBase, inBase.isDeleted, !finding.isDeleted { seen.resurrectedByLaterEdit += 1 }
            if let inBase, !inBase.isDeleted, !finding.isDeleted, inBase.text != finding.text { seen.editsFromOthersWon += 1 }
            if let inBase, inBase.updatedAt > inBase.createdAt, !inBase.isDeleted, inBase == finding,
               all.contains(where: { $0.finding.text != inBase.text }) { seen.baseEditsWon += 1 }
        }

        // The frame: the latest details among BASE and its copies; files made with `datajam new` bring none.
        XCTAssertEqual(result.details, copies.map(\.details).max { $0.updatedAt < $1.updatedAt }, context)
        XCTAssertEqual(summary.files, scenario.others.count)
    }

    private func permutations<T>(of items: [T]) -> [[T]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { i -> [[T]] in
            var rest = items
            let first = rest.remove(at: i)
            return permutations(of: rest).map { [first] + $0 }
        }
    }

    // MARK: Hand-made cases

    /// A copy edited on a laptop and a team file made with `datajam new`, as the summary line says.
    func testSummaryLineSaysWhatChanged() {
        var base = WorkshopFixtures.complete()
        var copy = base
        // The laptop: one new finding, one edit, one deletion; BASE and the laptop both edit f-2.
        copy.findings.append(Finding(id: "f-new", teamId: "t-invest", kind: .note, text: "nouveau", createdAt: t(100)))
        copy.findings[0].text = "Absence d’APIs ouvertes"; copy.findings[0].updatedAt = t(101)
        copy.findings[3].deletedAt = t(102); copy.findings[3].updatedAt = t(102)
        copy.findings[1].text = "laptop"; copy.findings[1].updatedAt = t(104)
        base.findings[1].text = "base"; base.findings[1].updatedAt = t(103)
        // The team file: its own workshop, a team BASE knows by another id and name spelling, one new team.
        var team = WorkshopPreset.named("blank")!.makeWorkshop(theme: "Équipe", date: nil, city: "",
                                                            teamNames: ["investissement", "Santé"], now: t(200))
        team.teams[0].id = "t-a-smaller-id"
        team.teams[1].id = "t-sante"
        team.findings = [
            Finding(id: "f-t1", teamId: "t-a-smaller-id", kind: .note, text: "depuis l’équipe", createdAt: t(201)),
            Finding(id: "f-t2", teamId: "t-sante", kind: .constraint, text: "loi", category: "legal", createdAt: t(202)),
        ]

        let (result, summary) = SessionMerge.merge(base: base, others: [copy, team])
        var named = summary
        named.target = "Sessions/a.json"
        XCTAssertEqual(named.line, "merged 2 files into Sessions/a.json: 3 findings added, 2 updated, 1 deleted, 1 team added, "
                       + "1 matched by name (Investissement), 1 conflict resolved by latest change")
        XCTAssertEqual(result.findings.record(withID: "f-t1")?.teamId, "t-invest", "BASE's id wins over a smaller one")
        XCTAssertEqual(result.teams.record(withID: "t-a-smaller-id")?.mergedInto, "t-invest", "kept as a folded tombstone")
        XCTAssertEqual(result.teams.record(withID: "t-a-smaller-id")?.isDeleted, true)
        XCTAssertEqual(result.findings.record(withID: "f-2")?.text, "laptop")
        XCTAssertEqual(result.details.theme, "Économie numérique", "a file made with `new` brings no frame")
        XCTAssertEqual(result.categories, base.categories, "nor its fresh preset categories")
        XCTAssertEqual(SemanticValidator.problems(in: result), [])

        let (again, second) = SessionMerge.merge(base: result, others: [team, copy])
        XCTAssertEqual(again, result)
        // BASE's losing edit of f-2 is gone from the files: no conflict left to report.
        XCTAssertEqual(second.line, "merged 2 files into BASE: 0 findings added, 0 updated, 0 deleted, 0 teams added, "
                       + "1 matched by name (Investissement), 0 conflicts resolved by latest change")
    }

    /// Without BASE's team, the earliest created of the same-named teams is kept (then the smallest
    /// id), in any order of the files.
    func testWithoutABaseTeamTheEarliestCreatedWinsInAnyOrder() {
        let base = WorkshopFixtures.complete()
        func teamFile(_ teamID: String, _ name: String, _ findingID: String, _ at: Int64) -> Workshop {
            var file = base
            file.teams.append(Team(id: teamID, name: name, createdAt: t(at)))
            file.findings.append(Finding(id: findingID, teamId: teamID, kind: .note, text: findingID, createdAt: t(at + 1)))
            return file
        }
        let a = teamFile("t-zeta", "Genre", "f-a", 100), b = teamFile("t-alpha", "GENRE", "f-b", 200)
        let c = teamFile("t-mid", " genre ", "f-c", 100)
        let (ab, _) = SessionMerge.merge(base: base, others: [a, b, c])
        let (ba, summary) = SessionMerge.merge(base: base, others: [c, b, a])
        XCTAssertEqual(ab, ba)
        XCTAssertEqual(ab.teams.live.filter { SessionMerge.nameKey($0.name) == "genre" }.map(\.id), ["t-mid"],
                       "created first (with t-zeta), smaller id than t-zeta")
        XCTAssertEqual(["f-a", "f-b", "f-c"].map { ab.findings.record(withID: $0)?.teamId }, ["t-mid", "t-mid", "t-mid"])
        XCTAssertEqual(["t-zeta", "t-alpha"].map { ab.teams.record(withID: $0)?.mergedInto }, ["t-mid", "t-mid"])
        XCTAssertEqual(summary.teamsAdded, 1)
        XCTAssertEqual(summary.teamsMatchedByName, [" genre "])
    }

    func testADeletedTeamIsNotMatchedByName() {
        var base = WorkshopFixtures.complete()
        base.teams[1].deletedAt = t(50); base.teams[1].updatedAt = t(50)
        var other = WorkshopFixtures.complete()
        other.id = "w-other"
        other.teams = [Team(id: "t-new-invest", name: "Investissement", createdAt: t(60))]
        other.findings = [Finding(id: "f-o", teamId: "t-new-invest", kind: .note, text: "o", createdAt: t(61))]
        let (result, summary) = SessionMerge.merge(base: base, others: [other])
        XCTAssertTrue(result.teams.record(withID: "t-invest")!.isDeleted, "the removed team stays removed")
        XCTAssertEqual(result.findings.record(withID: "f-o")?.teamId, "t-new-invest")
        XCTAssertEqual(summary.teamsAdded, 1)
        XCTAssertEqual(summary.teamsMatchedByName, [])
    }

    func testCategoriesAreMatchedByIdThenLabel() {
        var base = WorkshopFixtures.complete()
        base.categories[0].label = "Barrières techniques (API, formats)"
        base.categories[0].updatedAt = t(40)
        var other = base
        other.categories.append(ConstraintCategory(id: "cadre-juridique", label: "CADRE JURIDIQUE", createdAt: t(50)))
        other.categories.append(ConstraintCategory(id: "donnees-ouvertes", label: "Données ouvertes", createdAt: t(51)))
        other.findings.append(Finding(id: "f-c1", teamId: nil, kind: .constraint, text: "décret", category: "cadre-juridique", createdAt: t(52)))
        other.findings.append(Finding(id: "f-c2", teamId: nil, kind: .constraint, text: "portail", category: "donnees-ouvertes", createdAt: t(53)))
        var english = WorkshopPreset.named("blank")!.makeWorkshop(theme: "Team", date: nil, city: "", teamNames: [], french: false, now: t(60))
        english.findings = [Finding(id: "f-c3", teamId: nil, kind: .constraint, text: "no API", category: "technical", createdAt: t(61))]

        let (result, summary) = SessionMerge.merge(base: base, others: [other, english])
        XCTAssertEqual(result.findings.record(withID: "f-c1")?.category, "legal")
        XCTAssertEqual(result.findings.record(withID: "f-c2")?.category, "donnees-ouvertes")
        XCTAssertEqual(result.findings.record(withID: "f-c3")?.category, "technical")
        XCTAssertEqual(result.categories.record(withID: "technical")?.label, "Barrières techniques (API, formats)",
                       "a later file's unedited preset label does not replace BASE's")
        XCTAssertEqual(result.categories.record(withID: "cadre-juridique")?.mergedInto, "legal", "kept as a folded tombstone")
        XCTAssertEqual(result.categories.live.map(\.id).filter { $0 == "cadre-juridique" }, [])
        XCTAssertEqual(summary.categoriesAdded, 1)
        XCTAssertEqual(summary.categoriesMatchedByLabel, ["Cadre juridique"])
        XCTAssertEqual(SemanticValidator.problems(in: result), [])
        XCTAssertEqual(SessionMerge.merge(base: result, others: [english, other]).workshop, result)
    }

    func testACopysFrameIsMergedByLatestChangeButBaseKeepsItsId() {
        let base = WorkshopFixtures.complete()
        var copy = base
        copy.details.city = "Sfax"
        copy.details.updatedAt = t(500)
        copy.sessions[1].startedAt = t(400); copy.sessions[1].updatedAt = t(400)
        var older = base
        older.id = "w-0000-smaller"
        older.details.city = "Sousse"
        older.details.updatedAt = t(900)
        let (result, summary) = SessionMerge.merge(base: base, others: [copy, older])
        XCTAssertEqual(result.id, "w-test")
        XCTAssertEqual(result.details.city, "Sfax", "only copies of the same workshop bring their frame")
        XCTAssertEqual(result.session(.breakouts)?.startedAt, t(400))
        XCTAssertEqual(summary.otherChanges, 2)
        XCTAssertEqual(summary.line, "merged 2 files into BASE: 0 findings added, 0 updated, 0 deleted, 2 other changes, "
                       + "0 conflicts resolved by latest change")
    }

    func testDeletionWinsATieAndAnOlderCopyDoesNotBringItBack() {
        let base = WorkshopFixtures.complete()
        var deleting = base, editing = base
        deleting.findings[2].deletedAt = t(300); deleting.findings[2].updatedAt = t(300)
        editing.findings[2].text = "même instant"; editing.findings[2].updatedAt = t(300)
        let (result, summary) = SessionMerge.merge(base: base, others: [editing, deleting])
        XCTAssertTrue(result.findings[2].isDeleted)
        XCTAssertEqual(result.findings[2].text, base.findings[2].text)
        XCTAssertEqual(summary.findingsDeleted, 1)
        XCTAssertEqual(summary.conflicts, 1)
        XCTAssertTrue(SessionMerge.merge(base: result, others: [base]).workshop.findings[2].isDeleted)
    }

    func testNothingNewChangesNothing() {
        let base = WorkshopFixtures.complete()
        let (result, summary) = SessionMerge.merge(base: base, others: [base, base])
        XCTAssertEqual(result, base)
        XCTAssertFalse(summary.changedBase)
        XCTAssertEqual(summary.line, "merged 2 files into BASE: 0 findings added, 0 updated, 0 deleted, 0 conflicts resolved by latest change")
    }

    /// A fold pointer is only on a deleted record, names a record of the file, and never loops.
    func testFoldPointersAreValidated() {
        var workshop = WorkshopFixtures.complete()
        workshop.teams[1].mergedInto = workshop.teams[0].id
        XCTAssertEqual(SemanticValidator.problems(in: workshop).map(\.path.description), ["teams[1].mergedInto"], "live team")
        workshop.teams[1].deletedAt = workshop.teams[1].updatedAt
        XCTAssertEqual(SemanticValidator.problems(in: workshop), [])
        workshop.teams[1].mergedInto = "t-nowhere"
        XCTAssertEqual(SemanticValidator.problems(in: workshop).map(\.path.description), ["teams[1].mergedInto"], "missing")
        workshop.teams[0].deletedAt = workshop.teams[0].updatedAt
        workshop.teams[0].mergedInto = workshop.teams[1].id
        workshop.teams[1].mergedInto = workshop.teams[0].id
        XCTAssertEqual(SemanticValidator.problems(in: workshop).map(\.path.description), ["teams"], "circle")
        workshop.categories[0].mergedInto = workshop.categories[0].id
        workshop.categories[0].deletedAt = workshop.categories[0].updatedAt
        XCTAssertTrue(SemanticValidator.problems(in: workshop).map(\.path.description).contains("categories[0].mergedInto"), "itself")
    }

    /// A copy saved before a merge folded a team still files findings under the folded id; saving
    /// it over the merged file (live sharing) puts them in the kept team.
    func testAnOlderCopyFollowsTheFoldWhenSaved() {
        let base = WorkshopFixtures.complete()
        var file = base
        file.id = "w-rapporteur"
        file.teams = [Team(id: "t-zz-later", name: base.teams[0].name.uppercased(), createdAt: t(500))]
        file.findings = [Finding(id: "f-late", teamId: "t-zz-later", kind: .note, text: "tard", createdAt: t(501))]
        let (merged, _) = SessionMerge.merge(base: base, others: [file])
        XCTAssertEqual(merged.findings.record(withID: "f-late")?.teamId, base.teams[0].id)
        var stale = file
        stale.findings[0].text = "tard, modifiée"
        stale.findings[0].updatedAt = t(600)
        let saved = merged.merged(with: stale)
        XCTAssertEqual(saved.findings.record(withID: "f-late")?.teamId, base.teams[0].id)
        XCTAssertEqual(saved.findings.record(withID: "f-late")?.text, "tard, modifiée")
        XCTAssertEqual(saved.teams.live.count, base.teams.live.count, "the folded team does not come back")
    }

    func testNameKeyIgnoresCaseAccentsAndSpaces() {
        XCTAssertEqual(SessionMerge.nameKey("  Santé et  Affaires sociales "), SessionMerge.nameKey("sante et affaires sociales"))
        XCTAssertEqual(SessionMerge.nameKey("ÉDUCATION"), SessionMerge.nameKey("Education"))
        XCTAssertEqual(SessionMerge.nameKey("E\u{301}ducation"), SessionMerge.nameKey("Éducation"))
        XCTAssertNotEqual(SessionMerge.nameKey("Santé"), SessionMerge.nameKey("Santé publique"))
    }
}

// MARK: - Generator

/// SplitMix64: a small seeded generator, so every case can be replayed from its seed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed &* 0x2545_F491_4F6C_DD1D }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct Scenario {
    var base: Workshop
    var others: [Workshop]
}

/// Builds a common ancestor, then BASE and three OTHER files from it. Every change gets its own
/// millisecond (so the latest change is unambiguous), except a few deliberate ties. After the
/// ancestor, each file has its own clock ("lane"), interleaved with the others' so that BASE's
/// changes are sometimes the latest and sometimes not.
struct ScenarioGenerator {
    private var random: SeededRandom
    private var clock: Int64 = 1_701_072_000_000
    private var lane = 0
    private var laneClocks: [Int64] = [0, 0, 0, 0]
    private var lanesStart: Int64?
    private var editTimes: [String: [Timestamp]] = [:]
    private var counter = 0

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    static let teamNames = ["Santé et affaires sociales", "Éducation", "Empower Data", "Transport et Infrastructure", "Médias"]
    static let sharedNewTeams = ["Genre", "Égalité femmes-hommes", "Énergie"]
    static let sharedNewCategories = ["Données ouvertes", "Accès à l’information"]
    /// The default categories' French labels: a file made in English can add one under another id.
    static let frenchCategoryLabels = ["Barrières techniques", "Cadre juridique", "Vie privée", "Genre"]

    mutating func make() -> Scenario {
        var ancestor = makeWorkshop(theme: "Inclusion sociale", teams: Array(Self.teamNames.prefix(2 + int(3))), french: true)
        ancestor.details.date = WorkshopDate("2023-11-30")
        ancestor.details.city = "Tunis"
        for _ in 0..<(3 + int(10)) { addFinding(to: &ancestor, label: "a") }
        for name in ["Administration", "Société civile"] {
            ancestor.participantGroups.append(ParticipantGroup(id: id("g"), name: name, headcount: 10 + int(20), createdAt: tick()))
        }
        ancestor.synthesis.partnerships.append(Partnership(id: id("p"), producer: "INS", reuser: "Thnity", createdAt: tick()))
        ancestor.synthesis.results.append(SynthesisItem(id: id("s"), text: "Résultat commun", createdAt: tick()))
        lanesStart = clock + 10
        var base = ancestor
        edit(&base, label: "base", operations: int(8))
        let others = (0..<3).map { k -> Workshop in
            lane = k + 1
            if chance(0.3) {
                // A rapporteur's own file, made with `datajam new` after the workshop started.
                let names = (0..<(1 + int(2))).map { _ in variant(pick(Self.teamNames + Self.sharedNewTeams)) }
                var unique: [String] = []
                for name in names where !unique.contains(where: { SessionMerge.nameKey($0) == SessionMerge.nameKey(name) }) {
                    unique.append(name)
                }
                var file = makeWorkshop(theme: "Équipe \(k)", teams: unique, french: chance(0.5))
                for _ in 0..<(1 + int(6)) { addFinding(to: &file, label: "n\(k)") }
                for _ in 0..<int(3) { addCategory(to: &file, label: "n\(k)") }
                return file
            }
            var copy = ancestor
            edit(&copy, label: "o\(k)", operations: 1 + int(12))
            return copy
        }
        return Scenario(base: base, others: others)
    }

    // MARK: Operations

    private mutating func edit(_ w: inout Workshop, label: String, operations: Int) {
        for _ in 0..<operations {
            switch int(14) {
            case 0, 1: addFinding(to: &w, label: label)
            case 2, 3: editFinding(in: &w, label: label)
            case 4: deleteFinding(in: &w)
            case 5, 6: addTeam(to: &w, label: label)
            case 7: addCategory(to: &w, label: label); addCategory(to: &w, label: label)
            case 8:
                if let i = w.teams.indices.randomElement(using: &random) {
                    w.teams[i].scope = "périmètre \(label)"
                    w.teams[i].updatedAt = tick()
                }
            case 10: editParticipants(in: &w, label: label)
            case 11: editPartnerships(in: &w, label: label)
            case 12:
                let i = int(w.sessions.count)
                if w.sessions[i].startedAt == nil || chance(0.3) {
                    w.sessions[i].startedAt = tick()
                    w.sessions[i].endedAt = nil
                } else {
                    w.sessions[i].endedAt = tick()
                }
                w.sessions[i].updatedAt = tick()
            case 13: editSynthesis(in: &w, label: label)
            default:
                w.details.city = "Ville \(label)"
                w.details.updatedAt = tick()
                w.synthesis.recommendations.append(SynthesisItem(id: id("s"), text: "Recommandation \(label)", createdAt: tick()))
            }
        }
    }

    /// A group added, or one's headcounts changed.
    private mutating func editParticipants(in w: inout Workshop, label: String) {
        if chance(0.3) || w.participantGroups.isEmpty {
            w.participantGroups.append(ParticipantGroup(id: id("g"), name: "Groupe \(label)", headcount: int(30), createdAt: tick()))
            return
        }
        let i = int(w.participantGroups.count)
        let women = int(15), men = int(15)
        w.participantGroups[i].women = women
        w.participantGroups[i].men = men
        w.participantGroups[i].headcount = women + men + int(5)
        w.participantGroups[i].updatedAt = tick()
    }

    /// A partnership added, edited or deleted.
    private mutating func editPartnerships(in w: inout Workshop, label: String) {
        if chance(0.4) || w.synthesis.partnerships.isEmpty {
            w.synthesis.partnerships.append(Partnership(id: id("p"), producer: "Ministère \(label)", reuser: "ONG", createdAt: tick()))
            return
        }
        let i = int(w.synthesis.partnerships.count)
        let now = tick()
        if chance(0.3) { w.synthesis.partnerships[i].deletedAt = now } else { w.synthesis.partnerships[i].subject = "sujet \(label)" }
        w.synthesis.partnerships[i].updatedAt = now
    }

    /// A synthesis item (recommendation, result, difficulty, idea) added, edited or deleted.
    private mutating func editSynthesis(in w: inout Workshop, label: String) {
        let section = pick(Synthesis.Section.allCases)
        if chance(0.4) || w.synthesis[section].isEmpty {
            w.synthesis[section].append(SynthesisItem(id: id("s"), text: "\(section) \(label)", createdAt: tick()))
            return
        }
        let i = int(w.synthesis[section].count)
        let now = tick()
        if chance(0.3) { w.synthesis[section][i].deletedAt = now } else { w.synthesis[section][i].text = "modifié \(label)" }
        w.synthesis[section][i].updatedAt = now
    }

    private mutating func addFinding(to w: inout Workshop, label: String, team: String?? = nil) {
        let teamID = team ?? (chance(0.8) ? w.teams.live.randomElement(using: &random)?.id : nil)
        counter += 1
        if chance(0.4), let category = w.categories.live.randomElement(using: &random) {
            w.findings.append(Finding(id: id("f"), teamId: teamID, kind: .constraint, text: "contrainte \(label) \(counter)",
                                      category: category.id, createdAt: tick()))
        } else {
            w.findings.append(Finding(id: id("f"), teamId: teamID, kind: chance(0.5) ? .note : .opportunity,
                                      text: "trouvaille \(label) \(counter) é ب", createdAt: tick()))
        }
    }

    private mutating func editFinding(in w: inout Workshop, label: String) {
        let live = w.findings.indices.filter { !w.findings[$0].isDeleted }
        // Often a finding another file edited too: the conflicts a merge resolves.
        let editedElsewhere = live.filter { editTimes[w.findings[$0].id] != nil }
        guard let i = (chance(0.4) && !editedElsewhere.isEmpty ? editedElsewhere : live).randomElement(using: &random) else { return }
        counter += 1
        let id = w.findings[i].id
        w.findings[i].text = "modifiée \(label) \(counter)"
        if chance(0.2), let earlier = editTimes[id]?.first(where: { $0 > w.findings[i].updatedAt }) {
            w.findings[i].updatedAt = earlier // another file's edit of this finding, in the same millisecond
        } else {
            w.findings[i].updatedAt = tick()
        }
        editTimes[id, default: []].append(w.findings[i].updatedAt)
    }

    private mutating func deleteFinding(in w: inout Workshop) {
        guard let i = w.findings.indices.filter({ !w.findings[$0].isDeleted }).randomElement(using: &random) else { return }
        let now = tick()
        w.findings[i].updatedAt = now
        w.findings[i].deletedAt = now
    }

    private mutating func addTeam(to w: inout Workshop, label: String) {
        let name = chance(0.7) ? variant(pick(Self.teamNames + Self.sharedNewTeams)) : "Équipe \(label) \(int(1000))"
        guard !w.teams.contains(where: { SessionMerge.nameKey($0.name) == SessionMerge.nameKey(name) }) else { return }
        let team = Team(id: id("t"), name: name, createdAt: tick())
        w.teams.append(team)
        for _ in 0..<(1 + int(3)) { addFinding(to: &w, label: label, team: .some(team.id)) }
    }

    private mutating func addCategory(to w: inout Workshop, label: String) {
        let existing = w.categories.live.map(\.label) + ScenarioGenerator.frenchCategoryLabels
        let text = variant(chance(0.6) ? pick(Self.sharedNewCategories) : pick(existing))
        guard !w.categories.contains(where: { SessionMerge.nameKey($0.label) == SessionMerge.nameKey(text) }) else { return }
        let category = ConstraintCategory(id: ConstraintCategory.slug(for: text) + "-" + String(int(100)), label: text, createdAt: tick())
        w.categories.append(category)
        counter += 1
        w.findings.append(Finding(id: id("f"), teamId: nil, kind: .constraint, text: "contrainte \(label) \(counter)",
                                  category: category.id, createdAt: tick()))
    }

    // MARK: Helpers

    private mutating func makeWorkshop(theme: String, teams: [String], french: Bool) -> Workshop {
        let now = tick()
        var w = WorkshopPreset.named("blank")!.makeWorkshop(theme: theme, date: nil, city: "", teamNames: teams,
                                                            french: french, now: now)
        w.id = id("w")
        for i in w.teams.indices { w.teams[i].id = id("t") }
        // Past the preset's consecutive creation times.
        if lanesStart == nil { clock += 100 } else { laneClocks[lane] += 25 }
        return w
    }

    /// The same name as a rapporteur might type it: other case, no accents, extra spaces.
    private mutating func variant(_ name: String) -> String {
        switch int(5) {
        case 0: return name.lowercased()
        case 1: return name.uppercased()
        case 2: return name.folding(options: .diacriticInsensitive, locale: nil)
        case 3: return " " + name.replacingOccurrences(of: " ", with: "  ")
        default: return name
        }
    }

    private mutating func tick() -> Timestamp {
        let step = Int64(1 + random.next(upperBound: UInt64(5)))
        guard let lanesStart else {
            clock += step
            return Timestamp(milliseconds: clock)
        }
        laneClocks[lane] += step
        return Timestamp(milliseconds: lanesStart + laneClocks[lane] * 4 + Int64(lane))
    }

    private mutating func id(_ prefix: String) -> String { RecordID.make(prefix, using: &random) }
    private mutating func int(_ upperBound: Int) -> Int { Int(random.next(upperBound: UInt64(upperBound))) }
    private mutating func chance(_ p: Double) -> Bool { Double(random.next(upperBound: UInt64(1000))) < p * 1000 }
    private mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
}
