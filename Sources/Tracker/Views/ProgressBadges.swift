import Platform
import Plot

extension Localizer {
    package func status(_ s: SideStatus) -> String {
        switch s {
        case .notStarted: return t(TrackerText.notStarted)
        case .inProgress: return t(TrackerText.inProgress)
        case .ongoing: return t(TrackerText.ongoing)
        case .completed: return t(TrackerText.completed)
        case .delayed: return t(TrackerText.delayed)
        }
    }

    package func light(_ light: TrafficLight) -> String {
        switch light {
        case .grey: return t(TrackerText.notStarted)
        case .green: return t(TrackerText.onTrack)
        case .amber: return t(TrackerText.milestoneDueSoon)
        case .red: return t(TrackerText.overdue)
        }
    }
}

extension Parts {
    package static func statusBadge(_ status: SideStatus, _ l: Localizer) -> Node<HTML.BodyContext> {
        .span(.class("status status-\(status.rawValue)"), .text(l.status(status)))
    }

    package static func lightBadge(_ light: TrafficLight, _ l: Localizer) -> Node<HTML.BodyContext> {
        .span(.class("light light-\(light.rawValue)"), .text(l.light(light)))
    }
}
