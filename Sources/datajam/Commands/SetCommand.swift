import ArgumentParser
import DataJamCore

/// `datajam set FILE --theme … --session 2 --planned 150`: changes the workshop's frame and one
/// session's plan, safely while others write to the file.
struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change a workshop's frame (theme, date, place, time zone, focus, context, objectives) and a session's plan.",
        discussion: """
        Options left out are kept; an empty value ("") clears a field. --objective replaces every objective \
        (repeat it for each). Times (--start, --end) are HH:MM on the workshop's day or YYYY-MM-DDTHH:MM, in \
        the workshop's time zone; none clears them.
        """)

    @Argument(help: "The session file.")
    var file: String

    @Option(help: "The workshop's theme.")
    var theme: String?

    @Option(help: "The workshop's date, YYYY-MM-DD (\"\" to clear).")
    var date: String?

    @Option(help: "The city where it takes place.")
    var city: String?

    @Option(name: .customLong("time-zone"), help: "The IANA time zone where it takes place, e.g. Africa/Tunis (\"\" for UTC).")
    var timeZone: String?

    @Option(help: "What the workshop focuses on.")
    var focus: String?

    @Option(help: "The background the report opens with.")
    var context: String?

    @Option(name: .customLong("objective"), help: "An objective (repeat for each; replaces them all).")
    var objectives: [String] = []

    @Flag(name: .customLong("no-objectives"), help: "Remove every objective.")
    var noObjectives = false

    @Option(help: "The facilitator's notes (session 1).")
    var notes: String?

    @Option(help: "The session to change: 1, 2 or 3 (or presentation, breakouts, synthesis).")
    var session: String?

    @Option(help: "The session's title (needs --session).")
    var title: String?

    @Option(help: "The session's planned minutes (needs --session; none to clear). The timer turns red past it.")
    var planned: String?

    @Option(help: "When the session actually started (needs --session): HH:MM, YYYY-MM-DDTHH:MM or none.")
    var start: String?

    @Option(help: "When the session actually ended (needs --session): HH:MM, YYYY-MM-DDTHH:MM or none.")
    var end: String?

    func run() throws {
        var request = FrameRequest()
        request.theme = theme
        request.date = date
        request.city = city
        request.timeZone = timeZone
        request.focus = focus
        request.context = context
        request.facilitatorNotes = notes
        if noObjectives {
            guard objectives.isEmpty else { throw CommandFailure("--no-objectives and --objective contradict each other; give one") }
            request.objectives = []
        } else if !objectives.isEmpty {
            request.objectives = objectives
        }
        if let session {
            var plan = SessionPlanRequest(session: session)
            plan.title = title
            plan.planned = planned
            plan.start = start
            plan.end = end
            guard title != nil || planned != nil || start != nil || end != nil else {
                throw CommandFailure("--session \(session) needs what to change: --title, --planned, --start or --end")
            }
            request.session = plan
        } else if let option = [("--title", title), ("--planned", planned), ("--start", start), ("--end", end)].first(where: { $0.1 != nil })?.0 {
            throw CommandFailure("\(option) needs --session N (1, 2 or 3) to say which session")
        }
        guard !request.isEmpty else {
            throw CommandFailure("nothing to set; give at least one option (datajam set --help lists them)")
        }
        var changed = 0
        do throws(SessionFileError) {
            try SessionStore().update(file) { workshop throws(SessionFileError) in
                do throws(InputError) {
                    let changes = try request.resolve(in: workshop)
                    for change in changes { workshop.apply(change, now: .now()) }
                    changed = changes.count
                } catch {
                    throw SessionFileError(file: file, message: error.description)
                }
            }
        } catch {
            throw CommandFailure(error)
        }
        printLine(changed == 0 ? "\(file): already so; nothing changed" : "\(file): set")
    }
}
