import DataJamCore
import TestSupport
import XCTest

/// Teams and categories added, renamed and deleted with their findings moved; deleted records
/// restored; the frame and a session's plan set.
final class WorkshopEditingTests: XCTestCase {
    private func applying(_ changes: [WorkshopChange], to workshop: Workshop, at seconds: Int64 = 1000) -> Workshop {
        var w = workshop
        for change in changes { w.apply(change, now: WorkshopFixtures.time(seconds)) }
        return w
    }

    func testAddingAndRenamingTeamsKeepsNamesUnique() throws {
        let w = WorkshopFixtures.complete()
        XCTAssertThrowsError(try w.teamAddition(name: "  TRANSPORT et infrastructure ")) { error in
            XCTAssertEqual("\(error)", "a team is already named \"Transport et Infrastructure\"; choose another name (names that differ only by case or accents are the same)")
        }
        XCTAssertThrowsError(try w.teamAddition(name: "   ")) { XCTAssertEqual("\($0)", "the team name is empty; type one") }
        let team = try w.teamAddition(name: " Santé ", scope: "hôpitaux", rapporteur: "Amira")
        XCTAssertEqual([team.name, team.scope, team.rapporteur], ["Santé", "hôpitaux", "Amira"])
        XCTAssertThrowsError(try w.teamRenaming("t-invest", to: "transport et infrastructure"))
        XCTAssertEqual(try w.teamRenaming("t-invest", to: "INVESTISSEMENT").name, "INVESTISSEMENT", "its own name in another case is fine")
        XCTAssertEqual(try w.teamForEditing("investissement").id, "t-invest")
        XCTAssertEqual(try w.teamForEditing("t-invest").id, "t-invest")
        XCTAssertThrowsError(try w.teamForEditing("Invest"), "a prefix never designates the team to delete") { error in
            XCTAssertEqual("\(error)", "no team \"Invest\"; teams are: Transport et Infrastructure, Investissement")
        }
    }

    func testDeletingATeamMovesItsLiveFindingsAndKeepsTheTombstone() throws {
        var base = WorkshopFixtures.complete()
        base.findings[1].deletedAt = WorkshopFixtures.time(20)  // f-2, a deleted finding of Transport
        let toPlenary = applying(try base.teamDeletion("t-transport", movingFindingsTo: nil), to: base)
        XCTAssertNotNil(toPlenary.teams.record(withID: "t-transport")?.deletedAt, "tombstone kept for merges")
        XCTAssertEqual(toPlenary.teams.record(withID: "t-transport")?.updatedAt, WorkshopFixtures.time(1000))
        XCTAssertNil(toPlenary.findings.record(withID: "f-1")?.teamId, "moved to the plenary")
        XCTAssertEqual(toPlenary.findings.record(withID: "f-1")?.updatedAt, WorkshopFixtures.time(1000), "stamped, so it wins merges")
        XCTAssertEqual(toPlenary.findings.record(withID: "f-2")?.teamId, "t-transport", "a deleted finding stays where it was")
        XCTAssertEqual(SemanticValidator.problems(in: toPlenary), [])

        let toTeam = applying(try base.teamDeletion("t-transport", movingFindingsTo: "t-invest"), to: base)
        XCTAssertEqual(toTeam.findings.record(withID: "f-1")?.teamId, "t-invest")
        XCTAssertThrowsError(try base.teamDeletion("t-transport", movingFindingsTo: "t-transport"))
        XCTAssertThrowsError(try toTeam.teamDeletion("t-invest", movingFindingsTo: "t-transport"), "no moving into a deleted team")

        // An older copy that still has the team live does not bring it back.
        let merged = SessionMerge.merge(base: toTeam, others: [base]).workshop
        XCTAssertTrue(merged.teams.record(withID: "t-transport")?.isDeleted == true)
        XCTAssertEqual(merged.findings.record(withID: "f-1")?.teamId, "t-invest")
    }

    func testDeletingACategoryNeedsSomewhereForItsConstraints() throws {
        let w = WorkshopFixtures.complete()
        let used = try XCTUnwrap(w.findings.first { $0.kind == .constraint && !$0.isDeleted }?.category)
        XCTAssertThrowsError(try w.categoryDeletion(used, movingConstraintsTo: nil)) { error in
            XCTAssertTrue("\(error)".contains("say where they go with --move-to"), "\(error)")
        }
        let unused = try XCTUnwrap(w.categories.live.first { w.liveConstraints(in: $0.id).isEmpty }).id
        let emptied = applying(try w.categoryDeletion(unused, movingConstraintsTo: nil), to: w)
        XCTAssertTrue(emptied.categories.record(withID: unused)?.isDeleted == true)
        let moved = applying(try w.categoryDeletion(used, movingConstraintsTo: "legal"), to: w)
        XCTAssertTrue(moved.liveConstraints(in: used).isEmpty)
        XCTAssertEqual(moved.liveConstraints(in: "legal").count, w.liveConstraints(in: "legal").count + w.liveConstraints(in: used).count)
        XCTAssertEqual(SemanticValidator.problems(in: moved), [])
        XCTAssertThrowsError(try w.categoryDeletion(used, movingConstraintsTo: used))
    }

    func testAddedCategoriesGetFreshValidIds() throws {
        var w = WorkshopFixtures.complete()
        let long = try w.categoryAddition(label: String(repeating: "Données ouvertes ", count: 20))
        XCTAssertLessThanOrEqual(long.id.count, 40)
        XCTAssertNotNil(long.id.range(of: Limits.idPattern, options: .regularExpression))
        w.categories[0].deletedAt = WorkshopFixtures.time(50)
        let again = try w.categoryAddition(label: w.categories[0].label)
        XCTAssertNotEqual(again.id, w.categories[0].id, "a deleted category's id is not reused")
        XCTAssertThrowsError(try w.categoryAddition(label: w.categories[1].label.uppercased()))
        XCTAssertEqual(try w.categoryForEditing(w.categories[1].label.lowercased()).id, w.categories[1].id)
    }

    func testRestoringBringsBackARecordAndWhatItNeeds() throws {
        let base = WorkshopFixtures.complete()
        // Transport deleted (its findings to the plenary), then one of its findings deleted before that.
        var w = base
        w.apply(.finding({ var f = base.findings[1]; f.deletedAt = f.createdAt; return f }()), now: WorkshopFixtures.time(100))
        w = applying(try w.teamDeletion("t-transport", movingFindingsTo: nil), to: w, at: 200)
        XCTAssertEqual(w.deletedRecords.map(\.id), ["t-transport", "f-2"], "most recent first")

        let restoredFinding = applying(try w.restoration(of: .finding, id: "f-2").get(), to: w, at: 300)
        XCTAssertNil(restoredFinding.findings.record(withID: "f-2")?.deletedAt)
        XCTAssertEqual(restoredFinding.findings.record(withID: "f-2")?.updatedAt, WorkshopFixtures.time(300))
        XCTAssertFalse(restoredFinding.teams.record(withID: "t-transport")?.isDeleted ?? true, "its team comes back with it")
        XCTAssertEqual(SemanticValidator.problems(in: restoredFinding), [])

        // A team of that name created since: restoring would make two; refused, saying so.
        let clashing = applying([.team(Team(id: "t-new", name: "transport ET infrastructure", createdAt: WorkshopFixtures.time(250)))], to: w, at: 250)
        guard case .failure(.nameClash) = clashing.restoration(of: .team, id: "t-transport") else { return XCTFail("a clash is refused") }
        XCTAssertEqual(clashing.restoration(of: .finding, id: "f-1"), .failure(.notDeleted("f-1")))

        // A team folded by a merge is not in the list and not restored.
        var folded = w
        folded.teams[1].deletedAt = WorkshopFixtures.time(5)
        folded.teams[1].mergedInto = "t-transport"
        XCTAssertFalse(folded.deletedRecords.contains { $0.id == folded.teams[1].id })
        XCTAssertEqual(folded.restoration(of: .team, id: folded.teams[1].id), .failure(.folded(into: "Transport et Infrastructure")))

        // The restore wins the merge against the copy that still has it deleted.
        let merged = SessionMerge.merge(base: w, others: [restoredFinding]).workshop
        XCTAssertNil(merged.findings.record(withID: "f-2")?.deletedAt)
    }

    func testFrameRequestSetsTheFrameAndASessionsPlan() throws {
        var w = WorkshopFixtures.complete()
        var request = FrameRequest()
        request.theme = "Santé"
        request.timeZone = "Africa/Tunis"
        request.context = "  Le contexte\nsur deux lignes "
        request.objectives = ["Un", " ", "Deux"]
        request.date = ""
        var plan = SessionPlanRequest(session: "2")
        plan.title = "Data jam"
        plan.planned = "150"
        plan.start = "2023-11-27T09:30"
        plan.end = "11:45"
        request.session = plan
        XCTAssertThrowsError(try request.resolve(in: w)) { error in
            XCTAssertEqual("\(error)", "--end 11:45: the workshop has no date; give the day too (--end 2023-11-27T11:45) or set --date")
        }
        request.date = nil
        w = applying(try request.resolve(in: w), to: w)
        XCTAssertEqual(w.details.theme, "Santé")
        XCTAssertEqual(w.details.timeZone, "Africa/Tunis")
        XCTAssertEqual(w.details.context, "Le contexte\nsur deux lignes")
        XCTAssertEqual(w.details.objectives, ["Un", "Deux"])
        let session = try XCTUnwrap(w.session(.breakouts))
        XCTAssertEqual(session.title, "Data jam")
        XCTAssertEqual(session.plannedMinutes, 150)
        XCTAssertEqual(session.startedAt, Timestamp(iso8601: "2023-11-27T08:30:00Z"), "09:30 in Tunis")
        XCTAssertEqual(session.endedAt, Timestamp(iso8601: "2023-11-27T10:45:00Z"))
        XCTAssertEqual(try request.resolve(in: w), [], "setting what is already so changes nothing")

        for (field, value, message) in [
            ("planned", "abc", "--planned \"abc\" is not a number of minutes from 0 to 1440 (or none to clear it)"),
            ("end", "08:00", "the end (08:00) is before the start (09:30) of session 2; fix --start or --end"),
            ("start", "25:00", "--start \"25:00\" is not a time; write HH:MM (Africa/Tunis, on the workshop's day), YYYY-MM-DDTHH:MM, or none to clear it"),
        ] {
            var bad = SessionPlanRequest(session: "breakouts")
            switch field {
            case "planned": bad.planned = value
            case "end": bad.end = value
            default: bad.start = value
            }
            XCTAssertThrowsError(try bad.resolve(in: w)) { XCTAssertEqual("\($0)", message) }
        }
        var cleared = SessionPlanRequest(session: "2")
        cleared.start = "none"
        XCTAssertThrowsError(try cleared.resolve(in: w), "an end without a start")
        cleared.end = "none"
        cleared.planned = "none"
        guard case .session(let value)? = try cleared.resolve(in: w) else { return XCTFail() }
        XCTAssertNil(value.startedAt)
        XCTAssertNil(value.plannedMinutes)
        XCTAssertNil(SessionPlanRequest.phase("4"))
        XCTAssertEqual(SessionPlanRequest.phase("Synthesis"), .synthesis)
        var zone = FrameRequest()
        zone.timeZone = "Mars/Olympus"
        XCTAssertThrowsError(try zone.resolve(in: w))
    }
}
