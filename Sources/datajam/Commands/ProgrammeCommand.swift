import ArgumentParser
import DataJamCore
import DataJamExport
import Foundation

/// `datajam programme [FOLDER|FILE] ACTION …`: the programme file beside the session files, for
/// scripts: its name and issuer, its results, difficulties, ideas and recommendations, and the
/// links that say findings of different workshops make the same point.
struct ProgrammeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "programme",
        abstract: "Edit the programme file (programme.json beside the session files): results, difficulties, ideas, recommendations and links across workshops.",
        discussion: """
        The first argument may be the sessions folder or the programme file
        (default: $DATAJAM_SESSIONS, else ./Sessions, and its programme.json).

        Actions:
          show                     every record, one tab-separated line each
          set --name N --issuer I  the programme's name and issuer ("" clears)
          add result|difficulty|idea TEXT
          add recommendation TEXT [--owner WHO] [--deadline YYYY-MM-DD]
                                   prints the new id
          edit ID [TEXT] [--owner WHO] [--deadline YYYY-MM-DD|none]
          delete ID                an item or a link (a tombstone, for merges)
          suggest                  likely links across workshops, with references
          confirm [--lang fr|en]   each suggestion in turn: o/y, n or q on a line
          link REF... [--label TEXT] [--into LINK | --new]
                                   REF: a suggestion's reference,
                                   WORKSHOP-ID/FINDING-ID, or a finding id
          unlink LINK [REF...]     findings out of a link (none given: all of it)
          links                    link, label, workshop, finding, text per line
          merge OTHER...           copies from other laptops, merged by record
          adopt                    texts every workshop file carries become the
                                   programme's; the copies leave the workshops

        The workshops are the session files beside the programme file, unless
        --session names them. The first change creates the file; a file that
        cannot be read is never written over.
        """)

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("[FOLDER|FILE] ACTION ARGUMENTS…", valueName: "arguments"))
    var words: [String] = []

    @Option(help: "The programme's name (set).")
    var name: String?

    @Option(help: "Who runs the programme and publishes its reports (set).")
    var issuer: String?

    @Option(help: "Who is to act on a recommendation (add, edit; \"\" clears).")
    var owner: String?

    @Option(help: "A recommendation's deadline, YYYY-MM-DD (add, edit; none clears).")
    var deadline: String?

    @Option(help: "What a link's point is, in a few words (link).")
    var label: String?

    @Option(help: "Add the findings to this link (link).")
    var into: String?

    @Flag(name: .customLong("new"), help: "Make a new link even if a finding is already in one (link).")
    var makeNew = false

    @Option(name: .customLong("session"), help: "A workshop's session file (repeat it); default: those beside the programme file.")
    var sessions: [String] = []

    @Option(help: "The language of confirm's questions: fr or en (default: from the locale, else French).")
    var lang: String?

    static let actions = ["show", "set", "add", "edit", "delete", "suggest", "link", "unlink", "links", "confirm", "merge", "adopt"]

    func run() throws {
        var words = self.words
        if words.first == "--" { words.removeFirst() }
        var location: String?
        if let first = words.first, !Self.actions.contains(first) {
            location = first
            words.removeFirst()
        }
        guard let action = words.first else {
            throw CommandFailure("say what to do: one of \(Self.actions.joined(separator: ", ")) (datajam programme --help)")
        }
        guard Self.actions.contains(action) else {
            throw CommandFailure("unknown action \"\(action)\"; use one of \(Self.actions.joined(separator: ", "))")
        }
        let arguments = Array(words.dropFirst())
        let path = try ProgrammeLocation.file(location)
        try refuseOptions(for: action)
        switch action {
        case "show": try show(path, arguments)
        case "links": try listLinks(path, arguments)
        case "suggest": try suggest(path, arguments)
        case "confirm": try confirm(path, arguments)
        case "merge": try merge(path, arguments)
        case "adopt": try adopt(path, arguments)
        default: try change(action, path, arguments)
        }
    }

    /// An option that the action does not use is a mistake worth saying, not something to ignore.
    private func refuseOptions(for action: String) throws {
        let used: [(String, Bool, Set<String>)] = [
            ("--name", name != nil, ["set"]), ("--issuer", issuer != nil, ["set"]),
            ("--owner", owner != nil, ["add", "edit"]), ("--deadline", deadline != nil, ["add", "edit"]),
            ("--label", label != nil, ["link"]), ("--into", into != nil, ["link"]), ("--new", makeNew, ["link"]),
            ("--session", !sessions.isEmpty, ["link", "unlink", "links", "suggest", "confirm", "adopt"]),
            ("--lang", lang != nil, ["confirm"]),
        ]
        for (option, given, actions) in used where given && !actions.contains(action) {
            throw CommandFailure("\(option) is not for \(action); it goes with \(actions.sorted().joined(separator: " or "))")
        }
    }

    // MARK: Reading

    private func load(_ path: String) throws -> Programme? {
        do { return try ProgrammeStore().loadIfPresent(path) } catch { throw CommandFailure(error) }
    }

    private func show(_ path: String, _ arguments: [String]) throws {
        guard arguments.isEmpty else { throw CommandFailure("show takes no argument") }
        guard let programme = try load(path) else {
            throw CommandFailure("\(path): no programme file yet; start one with `datajam programme set --name NAME`")
        }
        var lines = [["programme", programme.id, programme.details.name, programme.details.issuer]]
        for (kind, items) in [("result", programme.results), ("difficulty", programme.difficulties), ("idea", programme.improvements)] {
            lines += items.live.map { [kind, $0.id, $0.text] }
        }
        lines += programme.recommendations.live.map { ["recommendation", $0.id, $0.text, $0.owner ?? "", $0.deadline?.description ?? ""] }
        lines += programme.links.live.map { ["link", $0.id, $0.label] + $0.findings.map(\.description) }
        for line in lines { printLine(Self.cells(line), layout: .tabSeparated) }
    }

    private func listLinks(_ path: String, _ arguments: [String]) throws {
        guard arguments.isEmpty else { throw CommandFailure("links takes no argument") }
        guard let programme = try load(path) else { return }
        // Texts come from the workshops that can be read; a link keeps its lines without them.
        let workshops = (sessions.isEmpty ? ProgrammeLocation.sessionFiles(besides: path) : sessions).compactMap { try? SessionStore().load($0) }
        for link in programme.links.live {
            for reference in link.findings {
                let text = workshops.first { $0.id == reference.workshop }?.findings.record(withID: reference.finding)?.text ?? ""
                printLine(Self.cells([link.id, link.label, reference.workshop, reference.finding, text]), layout: .tabSeparated)
            }
        }
    }

    func workshops(_ path: String) throws -> [Workshop] {
        let files = sessions.isEmpty ? ProgrammeLocation.sessionFiles(besides: path) : sessions
        guard !files.isEmpty else {
            throw CommandFailure("no session file beside \(path); give the workshops with --session FILE")
        }
        var workshops: [Workshop] = []
        for file in files {
            do { workshops.append(try SessionStore().load(file)) } catch {
                throw CommandFailure("\(error.description) (fix it, or name the workshops with --session FILE)")
            }
        }
        return workshops
    }

    private func suggest(_ path: String, _ arguments: [String]) throws {
        guard arguments.isEmpty else { throw CommandFailure("suggest takes no argument") }
        let programme = try load(path)
        for line in SuggestionLines.lines(try workshops(path), programme: programme) {
            printLine(line, layout: .tabSeparated)
        }
    }

    private func confirm(_ path: String, _ arguments: [String]) throws {
        guard arguments.isEmpty else { throw CommandFailure("confirm takes no argument; answer each question on its line") }
        let french: Bool
        if let lang {
            guard ["fr", "en"].contains(lang.lowercased()) else { throw CommandFailure("--lang must be fr or en, not \"\(lang)\"") }
            french = lang.lowercased() == "fr"
        } else {
            let env = ProcessInfo.processInfo.environment
            french = !(env["LC_ALL"] ?? env["LC_MESSAGES"] ?? env["LANG"] ?? "").lowercased().hasPrefix("en")
        }
        let outcome = try LinkConfirmation(path: path, workshops: try workshops(path), french: french).run()
        printLine("")  // after the last question, whose answer a piped input does not echo
        printLine(french ? "\(outcome.linked) lien(s) confirmé(s), \(outcome.skipped) écarté(s) : \(path)"
                         : "\(outcome.linked) link(s) confirmed, \(outcome.skipped) skipped: \(path)")
    }

    // MARK: Changing

    private func change(_ action: String, _ path: String, _ arguments: [String]) throws {
        // Everything that can be checked without the file is, so a mistake changes nothing.
        let change: (inout Programme) throws(InputError) -> String?
        switch action {
        case "set":
            guard arguments.isEmpty else { throw CommandFailure("set takes --name NAME and --issuer NAME, no other argument") }
            let (name, issuer) = (self.name, self.issuer)
            change = { programme throws(InputError) in try programme.setDetails(name: name, issuer: issuer); return nil }
        case "add":
            guard arguments.count == 2 else {
                throw CommandFailure("add takes a kind and a text: add result|difficulty|idea|recommendation \"TEXT\"")
            }
            let text = arguments[1]
            if arguments[0] == "recommendation" {
                let owner = self.owner
                let deadline = try parsedDeadline()
                if case .clear = deadline { throw CommandFailure("--deadline none is for edit; leave it out to add without a deadline") }
                change = { programme throws(InputError) in
                    let date: WorkshopDate? = if case .set(let d) = deadline { d } else { nil }
                    return try programme.addRecommendation(text, owner: owner, deadline: date)
                }
            } else {
                guard let section = Self.section(arguments[0]) else {
                    throw CommandFailure("unknown kind \"\(arguments[0])\"; use result, difficulty, idea or recommendation")
                }
                guard owner == nil, deadline == nil else { throw CommandFailure("only a recommendation has --owner and --deadline") }
                change = { programme throws(InputError) in try programme.add(section, text) }
            }
        case "edit":
            guard (1...2).contains(arguments.count) else { throw CommandFailure("edit takes an id and, to change it, the new text: edit ID \"TEXT\"") }
            let id = arguments[0], text = arguments.count == 2 ? arguments[1] : nil
            let owner: Programme.FieldChange<String> = self.owner.map { $0.isEmpty ? .clear : .set($0) } ?? .keep
            let deadline = try parsedDeadline()
            change = { programme throws(InputError) in try programme.edit(id, text: text, owner: owner, deadline: deadline); return nil }
        case "delete":
            guard arguments.count == 1 else { throw CommandFailure("delete takes one id (datajam programme show lists them)") }
            change = { programme throws(InputError) in try programme.delete(arguments[0]); return nil }
        case "link":
            guard !arguments.isEmpty else {
                throw CommandFailure("link takes references: a suggestion's (datajam programme suggest), WORKSHOP-ID/FINDING-ID or a finding id")
            }
            guard !(makeNew && into != nil) else { throw CommandFailure("--new and --into contradict each other; give one") }
            let resolver = FindingResolver(workshops: try workshops(path), programme: try load(path))
            let references = try arguments.flatMap { try resolver.findings($0) }
            let target: Programme.LinkTarget = makeNew ? .new : into.map { .into($0) } ?? .automatic
            let label = self.label
            change = { programme throws(InputError) in try programme.link(references, label: label, target: target).id }
        case "unlink":
            guard let id = arguments.first else { throw CommandFailure("unlink takes a link's id (datajam programme links lists them)") }
            let rest = Array(arguments.dropFirst())
            var references: [FindingReference] = []
            if !rest.isEmpty {
                let resolver = FindingResolver(workshops: try workshops(path), programme: try load(path))
                for text in rest { references += try resolver.findings(text) }
            }
            change = { programme throws(InputError) in try programme.unlink(id, findings: references); return nil }
        default:
            throw CommandFailure("unknown action \"\(action)\"")
        }
        var printed: String?
        do throws(SessionFileError) {
            try ProgrammeStore().update(path) { programme throws(SessionFileError) in
                do throws(InputError) { printed = try change(&programme) } catch {
                    throw SessionFileError(file: path, message: "\(error.description) (nothing was written)")
                }
            }
        } catch {
            throw CommandFailure(error)
        }
        if let printed { printLine(printed) }
    }

    private func parsedDeadline() throws -> Programme.FieldChange<WorkshopDate> {
        guard let deadline else { return .keep }
        if deadline == "none" || deadline.isEmpty { return .clear }
        guard let date = WorkshopDate(deadline) else {
            throw CommandFailure("--deadline must be a date like 2024-06-30 (or none to clear it), not \"\(deadline)\"")
        }
        return .set(date)
    }

    private static func section(_ word: String) -> Programme.Section? {
        switch word {
        case "result", "results": .result
        case "difficulty", "difficulties": .difficulty
        case "idea", "ideas", "improvement", "improvements": .idea
        default: nil
        }
    }

    /// One line's cells, without the tabs and line breaks that would split them.
    static func cells(_ values: [String]) -> String {
        values.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\t")
    }
}
