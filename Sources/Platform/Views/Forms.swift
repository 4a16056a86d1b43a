import Plot

/// Form pieces: every field has a label, and an error shown beside it and tied to it with
/// `aria-describedby`.
package struct FormContext {
    package let csrf: String
    package let errors: FieldErrors
    /// Values sent with the form that failed, to show them again.
    package let values: [String: String]
    package let l: Localizer

    package init(csrf: String, errors: FieldErrors = FieldErrors(), values: [String: String] = [:], l: Localizer) {
        self.csrf = csrf
        self.errors = errors
        self.values = values
        self.l = l
    }

    package typealias Body = Node<HTML.BodyContext>

    package func form(action: SiteURL, id: String? = nil, _ nodes: Node<HTML.FormContext>...) -> Body {
        .form(
            .method(.post), .action(action.path),
            .unwrap(id) { .id($0) },
            .input(.type(.hidden), .name(CSRF.field), .value(csrf)),
            .group(nodes)
        )
    }

    package func value(_ name: String, default fallback: String = "") -> String { values[name] ?? fallback }

    package func checkbox(_ name: String, label: String) -> Node<HTML.FormContext> {
        .div(.class("field check"),
             .unwrap(errors[name]) { .p(.class("field-error"), .id("\(name)-error"), .text($0.text(l))) },
             .selfClosedElement(named: "input", attributes: [.type(.checkbox), .name(name), .id(name), .value("yes")]
                                + (value(name) == "yes" ? [.attribute(named: "checked", value: "checked")] : [])
                                + (errors[name] != nil ? [.attribute(named: "aria-describedby", value: "\(name)-error")] : [])),
             .label(.for(name), .text(label)))
    }

    package static func fieldset(_ legend: String, _ nodes: Node<HTML.FormContext>...) -> Node<HTML.FormContext> {
        .element(named: "fieldset", nodes: [.element(named: "legend", text: legend)] + nodes)
    }

    private func errorNode(_ name: String, prefix: String) -> Node<HTML.FormContext> {
        .unwrap(errors[name]) { message in
            .p(.class("field-error"), .id("\(prefix)\(name)-error"), .text(message.text(l)))
        }
    }

    private func describedBy(_ name: String, prefix: String) -> [Attribute<HTML.InputContext>] {
        errors[name] == nil ? [] : [.attribute(named: "aria-describedby", value: "\(prefix)\(name)-error"), .attribute(named: "aria-invalid", value: "true")]
    }

    package func text(_ name: String, label: String, prefix: String = "", type: HTMLInputType = .text, value: String? = nil,
              required: Bool = true, autocomplete: String? = nil, hint: String? = nil) -> Node<HTML.FormContext> {
        let id = prefix + name
        var attributes: [Attribute<HTML.InputContext>] = [.type(type), .name(name), .id(id)]
        if type != .password { attributes.append(.value(value ?? self.value(name))) }
        if required { attributes.append(.required(true)) }
        if let autocomplete { attributes.append(.attribute(named: "autocomplete", value: autocomplete)) }
        attributes += describedBy(name, prefix: prefix)
        return .div(.class("field"),
                    .label(.for(id), .text(label)),
                    .unwrap(hint) { .p(.class("hint"), .text($0)) },
                    errorNode(name, prefix: prefix),
                    .selfClosedElement(named: "input", attributes: attributes))
    }

    package func textarea(_ name: String, label: String, prefix: String = "", rows: Int = 5, hint: String? = nil) -> Node<HTML.FormContext> {
        let id = prefix + name
        return .div(.class("field"),
                    .label(.for(id), .text(label)),
                    .unwrap(hint) { .p(.class("hint"), .text($0)) },
                    errorNode(name, prefix: prefix),
                    .textarea(.name(name), .id(id), .attribute(named: "rows", value: String(rows)),
                              .if(errors[name] != nil, .attribute(named: "aria-invalid", value: "true")),
                              .if(errors[name] != nil, .attribute(named: "aria-describedby", value: "\(id)-error")),
                              .text(value(name))))
    }

    package func select(_ name: String, label: String, prefix: String = "", options: [(value: String, label: String)], selected: String? = nil) -> Node<HTML.FormContext> {
        let id = prefix + name
        let current = values[name] ?? selected
        return .div(.class("field"),
                    .label(.for(id), .text(label)),
                    errorNode(name, prefix: prefix),
                    .select(.attribute(named: "name", value: name), .id(id),
                            .if(errors[name] != nil, .attribute(named: "aria-invalid", value: "true")),
                            .if(errors[name] != nil, .attribute(named: "aria-describedby", value: "\(id)-error")),
                            .forEach(options) { option in
                                .element(named: "option", nodes: [
                                    .attribute(named: "value", value: option.value, ignoreIfValueIsEmpty: false),
                                    option.value == current ? .attribute(named: "selected", value: "selected") : .empty,
                                    .text(option.label),
                                ])
                            }))
    }

    /// A one-button form (publish, sign off, log out …).
    /// A one-button form; `values` go along as hidden fields.
    package func button(action: SiteURL, label: String, className: String = "secondary", values: [(String, String)] = []) -> Body {
        .form(.method(.post), .action(action.path), .class("inline"),
              .input(.type(.hidden), .name(CSRF.field), .value(csrf)),
              .forEach(values) { .input(.type(.hidden), .name($0.0), .value($0.1)) },
              .button(.type(.submit), .class(className), .text(label)))
    }

    package var errorSummary: Body {
        .if(!errors.isEmpty, .div(.class("error-summary"), .attribute(named: "role", value: "alert"),
                                  .p(.text(l.t(PlatformText.nothingWasSavedPleaseCorrect))),
                                  .ul(.forEach(errors.fields.sorted { $0.key < $1.key }) { .li(.text($0.value.text(l))) })))
    }
}
