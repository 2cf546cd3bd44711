import DataJamCore
import TestSupport
import XCTest

/// Team names and category labels stay unique (case, accents and spaces ignored) whatever
/// sequence of changes, set-up copies and merges produces them.
final class NameClashTests: XCTestCase {
    /// Names that clash with one another in groups ("Santé" ~ "SANTE" ~ " santé ").
    static let pool = ["Santé", "SANTE", " santé ", "Sante\u{301}", "Droit de l’Homme", "droit  de l’homme", "Éducation",
                       "education", "Transport", "Transports", "Eau", "EAU"]

    private func assertUnique(_ w: Workshop, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        let teams = w.teams.live.map { SessionMerge.nameKey($0.name) }
        let categories = w.categories.live.map { SessionMerge.nameKey($0.label) }
        XCTAssertEqual(Set(teams).count, teams.count, "\(context): teams \(w.teams.live.map(\.name))", file: file, line: line)
        XCTAssertEqual(Set(categories).count, categories.count, "\(context): categories \(w.categories.live.map(\.label))", file: file, line: line)
    }

    /// Random additions, renames and deletions, each applied only when `nameClash` allows it: the
    /// names stay unique, and a refused change is exactly one whose name another live record has.
    func testChangesCheckedByNameClashKeepNamesUnique() {
        for seed in 0..<200 {
            var random = SeededRandom(seed: UInt64(seed))
            var w = WorkshopFixtures.complete()
            w.teams = []
            for step in 0..<30 {
                let name = Self.pool.randomElement(using: &random)!
                let change: WorkshopChange
                switch Int.random(in: 0..<5, using: &random) {
                case 0, 1:
                    change = .team(Team(name: name, createdAt: WorkshopFixtures.time(Int64(step))))
                case 2 where !w.teams.live.isEmpty:
                    var team = w.teams.live.randomElement(using: &random)!
                    team.name = name
                    change = .team(team)
                case 3 where !w.categories.live.isEmpty:
                    var category = w.categories.live.randomElement(using: &random)!
                    category.label = name
                    change = .category(category)
                case 4 where !w.teams.live.isEmpty:
                    var team = w.teams.live.randomElement(using: &random)!
                    team.deletedAt = WorkshopFixtures.time(Int64(step))
                    change = .team(team)
                default:
                    change = .category(ConstraintCategory(id: "c-\(step)", label: name, createdAt: WorkshopFixtures.time(Int64(step))))
                }
                let clash = change.nameClash(in: w)
                var tried = w
                tried.apply(change, now: WorkshopFixtures.time(Int64(step)))
                let teamKeys = tried.teams.live.map { SessionMerge.nameKey($0.name) }
                let categoryKeys = tried.categories.live.map { SessionMerge.nameKey($0.label) }
                let wouldRepeat = Set(teamKeys).count != teamKeys.count || Set(categoryKeys).count != categoryKeys.count
                XCTAssertEqual(clash != nil, wouldRepeat, "seed \(seed) step \(step): \(change)")
                if clash == nil { w = tried }
                assertUnique(w, "seed \(seed) step \(step)")
            }
        }
    }

    func testClashMessageSaysWhatToDo() {
        var w = WorkshopFixtures.complete()
        w.teams = [Team(id: "t-1", name: "Droit de l’Homme")]
        let clash = WorkshopChange.team(Team(name: " DROIT DE L’HOMME ")).nameClash(in: w)
        XCTAssertEqual(clash?.description, "a team is already named \"Droit de l’Homme\"; choose another name (names that differ only by case or accents are the same)")
        XCTAssertNil(WorkshopChange.team(Team(id: "t-1", name: "droit de l’homme")).nameClash(in: w), "a team keeps its own name")
        XCTAssertEqual(NameClash.firstRepeat(in: ["Eau", "Santé", "SANTE"], kind: .team)?.existing, "Santé")
        XCTAssertNil(NameClash.firstRepeat(in: ["Eau", "Santé publique", "Santé"], kind: .team))
    }

    func testPresetsAndSetUpCopiesHaveUniqueNames() {
        for preset in WorkshopPreset.all {
            for french in [true, false] {
                assertUnique(preset.makeWorkshop(theme: "t", date: nil, city: "", teamNames: nil, french: french), "\(preset.name) fr=\(french)")
            }
        }
        var old = WorkshopFixtures.complete()
        old.teams += [Team(id: "t-twin", name: "INVESTISSEMENT", createdAt: WorkshopFixtures.time(9))]
        old.categories += [ConstraintCategory(id: "twin", label: old.categories[0].label.lowercased(), createdAt: WorkshopFixtures.time(9))]
        let copy = old.setupCopy(theme: "n", date: nil, city: "")
        assertUnique(copy, "set-up copy")
        XCTAssertEqual(copy.teams.map(\.name), ["Transport et Infrastructure", "Investissement"])
    }

    /// A file written before names were unique: `--team` that matches two teams gives both, so the
    /// command can refuse; an id gives one.
    func testTeamsMatchingANameOfTwoTeams() {
        var w = WorkshopFixtures.complete()
        w.teams.append(Team(id: "t-twin", name: "investissement", createdAt: WorkshopFixtures.time(9)))
        XCTAssertEqual(w.teams(matching: " INVESTISSEMENT ").map(\.id), ["t-invest", "t-twin"])
        XCTAssertNil(w.team(named: "Investissement"))
        XCTAssertEqual(w.teams(matching: "t-twin").map(\.id), ["t-twin"])
        XCTAssertEqual(w.teams(matching: "transport").map(\.id), ["t-transport"])
        w.teams.append(Team(id: "t-tr2", name: "Transition", createdAt: WorkshopFixtures.time(9)))
        XCTAssertEqual(w.teams(matching: "tr").map(\.id), ["t-transport", "t-tr2"], "a prefix of two names is ambiguous")
        XCTAssertEqual(Workshop.ambiguousTeam("tr", w.teams(matching: "tr")),
                       "\"tr\" matches 2 teams: \"Transport et Infrastructure\" (t-transport), \"Transition\" (t-tr2); give the team's id instead")
    }

    /// Copies of BASE in which teams and categories were renamed, some to another's name: the
    /// merge never leaves two live records of one name, does not depend on the order of the
    /// files, and merging its result again changes nothing.
    func testMergeOfRenamedCopiesKeepsNamesUniqueInAnyOrder() {
        for seed in 0..<150 {
            var random = SeededRandom(seed: UInt64(seed) &+ 1000)
            var base = WorkshopFixtures.complete()
            base.teams += (0..<3).map { Team(id: "t-\($0)", name: "Équipe \($0)", createdAt: WorkshopFixtures.time(Int64(5 + $0))) }
            var others: [Workshop] = []
            for copyIndex in 0..<3 {
                var copy = base
                for edit in 0..<Int.random(in: 1...4, using: &random) {
                    let stamp = WorkshopFixtures.time(Int64(100 + copyIndex * 10 + edit))
                    let name = (Self.pool + base.teams.map(\.name) + base.categories.map(\.label)).randomElement(using: &random)!
                    if Bool.random(using: &random) {
                        let i = Int.random(in: copy.teams.indices, using: &random)
                        copy.teams[i].name = name
                        copy.teams[i].updatedAt = stamp
                    } else {
                        let i = Int.random(in: copy.categories.indices, using: &random)
                        copy.categories[i].label = name
                        copy.categories[i].updatedAt = stamp
                    }
                }
                if Bool.random(using: &random) {
                    copy.id = "w-separate-\(copyIndex)"
                    copy.teams.append(Team(id: "t-new-\(copyIndex)", name: Self.pool.randomElement(using: &random)!,
                                           createdAt: WorkshopFixtures.time(Int64(200 + copyIndex))))
                }
                others.append(copy)
            }
            let (merged, _) = SessionMerge.merge(base: base, others: others)
            assertUnique(merged, "seed \(seed)")
            let (reversed, _) = SessionMerge.merge(base: base, others: others.reversed())
            XCTAssertEqual(merged, reversed, "seed \(seed): order-independent")
            let (again, summary) = SessionMerge.merge(base: merged, others: others)
            XCTAssertEqual(again, merged, "seed \(seed): merging again changes nothing")
            XCTAssertFalse(summary.changedBase, "seed \(seed)")
        }
    }

    /// Two of BASE's teams that copies renamed to one name (the longest a file may hold) become
    /// one: the later folded into the earlier, its findings moved, and the file stays valid.
    func testTwoTeamsRenamedToOneNameAreFoldedIntoTheEarlier() throws {
        let longest = String(repeating: "é", count: Limits.shortText)
        var base = WorkshopFixtures.complete()
        base.teams[0].name = longest
        var copy = base
        copy.teams[1].name = longest.uppercased()
        copy.teams[1].updatedAt = WorkshopFixtures.time(500)
        let (merged, summary) = SessionMerge.merge(base: base, others: [copy])
        assertUnique(merged, "longest")
        XCTAssertEqual(merged.teams.record(withID: "t-invest")?.mergedInto, "t-transport")
        XCTAssertEqual(Set(merged.findings.compactMap(\.teamId)), ["t-transport"])
        XCTAssertEqual(summary.teamsMatchedByName, [longest])
        XCTAssertEqual(SemanticValidator.problems(in: merged), [])
        let folder = TemporaryFolder("longest-name")
        try SessionStore().create(merged, at: folder.file("merged.json"))
        XCTAssertEqual(try SessionStore().load(folder.file("merged.json")), merged)
    }
}
