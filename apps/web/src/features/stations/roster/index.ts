/**
 * The duty roster (值班) of stations: the roster tab with coverage, the shift form, and my
 * shifts with the calendar subscription. Pages load lazily through the router.
 */
export { RosterTab, ROSTER_DAYS } from './components/roster-tab'
export { CoverageView, CoverageStrip } from './components/coverage-view'
export { ShiftFormModal } from './components/shift-form-modal'
export { FeedPanel } from './components/feed-panel'
export { Component as RosterPage } from './routes/roster-page'
export { Component as MyShiftsPage } from './routes/my-shifts-page'
