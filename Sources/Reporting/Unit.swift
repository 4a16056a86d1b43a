import Consultation
import Feedback
import Platform
import Tracker

/// The platform's unit (Foundation has a `Unit` too).
package typealias Unit = Platform.Unit
