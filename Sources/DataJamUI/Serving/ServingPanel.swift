import DataJamCore

/// The facilitator's side of `datajam serve`: the join lines in `?`, and `Ctrl-O`, the live list of
/// connections where Enter disconnects one or changes the access code.
enum ServingPanel {
    static let changeCodeID = "change-code"

    static func helpSection(_ serving: ServingStatus) -> HelpSection {
        var hints = serving.joinLines.map { line in
            BindingHint(keyLabel: "", short: Localized(fr: line, en: line), help: Localized(fr: line, en: line), footer: false)
        }
        hints.append(BindingHint(keyLabel: "code", short: Localized(fr: serving.code, en: serving.code),
                                 help: Localized(fr: "Code d’accès (le mot de passe) : \(serving.code)", en: "Access code (the password): \(serving.code)"),
                                 footer: false))
        hints.append(BindingHint(keyLabel: "SHA256", short: Localized(fr: serving.fingerprint, en: serving.fingerprint),
                                 help: Localized(fr: "Empreinte de la clé, que ssh affiche à la première connexion : \(serving.fingerprint)",
                                                 en: "Host key fingerprint, shown by ssh on first connection: \(serving.fingerprint)"),
                                 footer: false))
        return HelpSection(title: Localized(fr: "Rejoindre par SSH (Ctrl-O : connexions)", en: "Join over SSH (Ctrl-O: connections)"), hints: hints)
    }

    /// The popup: "change the code" first, then one line per connection.
    static func popup(_ serving: ServingStatus, lang: Lang, utcOffsetSeconds: Int64, selected: Int = 0) -> Popup {
        var options = [Choice.Option(id: changeCodeID, label: lang.pick(fr: "Changer le code d’accès (actuel : \(serving.code))",
                                                                         en: "Change the access code (now \(serving.code))"))]
        for connection in serving.connections {
            let since = ClockFormat.time(connection.since, offsetSeconds: utcOffsetSeconds)
            let active = ClockFormat.time(connection.lastActivity, offsetSeconds: utcOffsetSeconds)
            let label = lang.pick(fr: "Déconnecter \(connection.who) · \(connection.address) · depuis \(since) · actif \(active)",
                                  en: "Disconnect \(connection.who) · \(connection.address) · since \(since) · active \(active)")
            options.append(Choice.Option(id: "\(connection.id)", label: label))
        }
        let title = lang.pick(fr: "Connexions SSH (\(serving.connections.count)) · Échap fermer",
                              en: "SSH connections (\(serving.connections.count)) · Esc close")
        return .choice(Choice(title: title, options: options, selected: selected, purpose: .serving(.connections)))
    }

    /// The popup again, after the list changed, with the same line selected when it is still there.
    static func refreshed(_ popup: Popup?, _ serving: ServingStatus, lang: Lang, utcOffsetSeconds: Int64) -> Popup? {
        guard case .choice(let choice)? = popup, choice.purpose == .serving(.connections) else { return popup }
        let id = choice.options.indices.contains(choice.selected) ? choice.options[choice.selected].id : changeCodeID
        let fresh = Self.popup(serving, lang: lang, utcOffsetSeconds: utcOffsetSeconds)
        guard case .choice(let rebuilt) = fresh else { return fresh }
        return Self.popup(serving, lang: lang, utcOffsetSeconds: utcOffsetSeconds, selected: rebuilt.options.firstIndex { $0.id == id } ?? 0)
    }

    /// What the facilitator's answer does.
    static func resolve(_ purpose: ServingPurpose, _ result: PopupResult, _ state: inout AppState) -> [Effect] {
        let lang = state.lang
        switch (purpose, result) {
        case (.connections, .choice(changeCodeID)):
            state.popup = .prompt(Prompt(title: lang.pick(fr: "Nouveau code d’accès (6 caractères ou plus)", en: "New access code (6 characters or more)"),
                                         purpose: .serving(.changeCode)))
            return []
        case (.connections, .choice(let id)):
            guard let number = Int(id), let connection = state.serving?.connections.first(where: { $0.id == number }) else { return [] }
            state.inform(lang.pick(fr: "Déconnecté : \(connection.who) (\(connection.address))", en: "Disconnected: \(connection.who) (\(connection.address))"))
            return [.disconnect(connection: number)]
        case (.changeCode, .text(let code)):
            guard code.count >= 6, !code.contains(where: \.isWhitespace) else {
                state.fail(lang.pick(fr: "Code refusé : 6 caractères ou plus, sans espace ; l’ancien code reste valable",
                                     en: "Code refused: 6 characters or more, no spaces; the old code still works"))
                return []
            }
            state.serving?.code = code
            state.inform(lang.pick(fr: "Nouveau code d’accès : \(code) (les connexions ouvertes restent)",
                                   en: "New access code: \(code) (open connections stay)"), seconds: 10)
            return [.changeAccessCode(code)]
        default:
            return []
        }
    }
}
