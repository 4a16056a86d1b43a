@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Fluent
import Foundation
@testable import Platform
@testable import Reporting
import SQLKit
import Testing
@testable import Tracker
import Vapor
import WorkCalendar
