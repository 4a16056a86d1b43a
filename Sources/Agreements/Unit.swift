import Platform

/// The platform's unit (Foundation has a `Unit` too).
package typealias Unit = Platform.Unit
