import DataJamCore

/// A workshop open in the interface: its content, its file, its undo history and the state of
/// each session's screen.
public struct OpenWorkshop: Sendable {
    public var path: String
    public var workshop: Workshop
    public var history = EditHistory()
    /// Bumped by every local change; a save answers with the revision it wrote.
    public var revision = 0
    public var savedRevision = 0
    /// The latest revision in the journal on disk (safe from a crash, even if not saved yet).
    public var journaledRevision = 0
    /// Bumped whenever `workshop` changes (local edit, undo, or others' changes merged in), so
    /// screens know when to rebuild what they derive from it.
    public var contentVersion = 0
    /// Why the last save failed; nil once a save succeeds.
    public var saveError: String?
    public var phase: DaySession.Phase = .presentation
    /// Rapporteur mode: the one team this instance shows and edits.
    public var rapporteurTeamID: String?
    /// The name typed (or given with `--author`) in rapporteur mode: the author of its findings.
    public var rapporteurAuthor: String?
    /// Whether Esc goes back to the home screen (false when opened directly with `datajam open`).
    public var hasHome: Bool
    public var presentation = PresentationState()
    public var breakouts = BreakoutsState()
    public var synthesis = SynthesisState()

    public init(path: String, workshop: Workshop, rapporteurTeamID: String? = nil, hasHome: Bool) {
        self.path = path
        self.workshop = workshop
        self.rapporteurTeamID = rapporteurTeamID
        self.hasHome = hasHome
        if rapporteurTeamID != nil { phase = .breakouts }
        breakouts.teamID = rapporteurTeamID ?? workshop.teams.live.first?.id
    }

    public var isDirty: Bool { savedRevision < revision }

    /// Text typed on the capture line and not recorded yet (open, or kept as a draft by Esc):
    /// quitting or leaving the workshop would lose it, so they ask first.
    public var hasUnsentText: Bool {
        [breakouts.editor, breakouts.draft].contains { editor in
            guard let editor else { return false }
            return !editor.line.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
    }

    /// Forgets the unsent text (the user chose to lose it).
    public mutating func discardUnsentText() {
        breakouts.editor = nil
        breakouts.draft = nil
    }

    /// Every change is on disk, in the file or at least in the journal.
    public var isDurable: Bool { max(savedRevision, journaledRevision) >= revision }

    /// Performs `changes` as one undoable action and asks for a save.
    public mutating func perform(_ changes: [WorkshopChange], label: String, now: Timestamp) -> [Effect] {
        guard !changes.isEmpty else { return [] }
        let count = workshop.findings.count
        history.perform(changes, label: label, on: &workshop, now: now)
        if changes.count == 1, case .finding = changes[0], workshop.findings.count == count + 1 {
            // One new finding: the screens update from it alone.
            revision += 1
            contentVersion += 1
            breakouts.appended(at: count, in: workshop, contentVersion: contentVersion)
            refresh()
            return [.save(path: path, workshop: workshop, revision: revision)]
        }
        return changed()
    }

    /// The name clash undoing (or redoing) the last action would create: a team renamed back to a
    /// name another team has taken since. Such an undo is refused, as the rename would be.
    public func historyClash(redo: Bool) -> NameClash? {
        let entry = redo ? history.redoStack.last : history.undoStack.last
        return entry?.changes.lazy.compactMap { $0.nameClash(in: workshop) }.first
    }

    public mutating func undo(now: Timestamp) -> (label: String?, effects: [Effect]) {
        let touched = Self.findingIDs(history.undoStack.last)
        guard let label = history.undo(on: &workshop, now: now) else { return (nil, []) }
        let effects = changed()
        breakouts.select(anyOf: touched)
        return (label, effects)
    }

    public mutating func redo(now: Timestamp) -> (label: String?, effects: [Effect]) {
        let touched = Self.findingIDs(history.redoStack.last)
        guard let label = history.redo(on: &workshop, now: now) else { return (nil, []) }
        let effects = changed()
        breakouts.select(anyOf: touched)
        return (label, effects)
    }

    /// The findings an undo entry changes.
    private static func findingIDs(_ entry: EditHistory.Entry?) -> [String] {
        entry?.changes.compactMap { change in
            if case .finding(let finding) = change { return finding.id }
            return nil
        } ?? []
    }

    private mutating func changed() -> [Effect] {
        revision += 1
        contentVersion += 1
        refresh()
        return [.save(path: path, workshop: workshop, revision: revision)]
    }

    /// Takes the merged workshop a save returned: it holds what other writers added meanwhile.
    /// Ignored when newer local changes are already on their way to disk.
    public mutating func adoptSaved(_ merged: Workshop, revision saved: Int) {
        savedRevision = max(savedRevision, saved)
        saveError = nil
        guard saved == revision, merged != workshop else { return }
        workshop = merged
        contentVersion += 1
        refresh()
    }

    /// Takes in what another process saved: merged record by record with ours, so nothing typed
    /// here is lost, selections (kept by id) stay put and the capture line is untouched.
    /// Returns whether anything changed.
    @discardableResult
    public mutating func mergeExternal(_ disk: Workshop, premerged: PremergedChange?) -> Bool {
        guard let premerged, premerged.contentVersion == contentVersion else { return mergeExternal(disk) }
        guard premerged.changed else { return false }
        workshop = premerged.merged
        contentVersion += 1
        refresh()
        return true
    }

    public mutating func mergeExternal(_ disk: Workshop) -> Bool {
        let merged = workshop.merged(with: disk)
        guard merged != workshop else { return false }
        workshop = merged
        contentVersion += 1
        refresh()
        return true
    }

    /// Rebuilds what the screens derive from the workshop, when it changed. The synthesis's
    /// consolidation is rebuilt only while it is shown (and on arrival there): a rapporteur's
    /// Enter in session 2 should not pay for it.
    public mutating func refresh() {
        breakouts.refresh(in: workshop, contentVersion: contentVersion, rapporteurTeamID: rapporteurTeamID)
        if phase == .synthesis { synthesis.refresh(in: workshop, contentVersion: contentVersion) }
    }

    /// Shows another session of the day.
    public mutating func show(_ newPhase: DaySession.Phase) {
        phase = newPhase
        refresh()
    }
}
