/**
 * Micro-wishes (微心愿): workers post small wishes (or staff enter them at a station), staff
 * publish them on the wall of their org or station, volunteers, party members and partner
 * companies claim and fulfil them, the worker confirms (or edits or withdraws a wish before
 * anyone claims it); the expiry job (claims past due, wishes past their deadline, and
 * confirmation after WISH_AUTO_CONFIRM_DAYS of the worker's silence), reports and exports.
 * Owns tables: wish, wish_claim, wish_partner, wish_partner_member.
 */
export { wishesRoutes, myWishesRoutes, publicWishesRoutes } from './wishes.routes'
export { wishesMigrations } from './migrations'
export type { WishesDeps } from './wishes.deps'
export { expireDueClaims } from './expiry.service'
/** The uploads wish rows refer to, for the orphan upload collector (app.ts registers it). */
export { listWishUploadIds } from './wishes.repository'
export { createWishForWorker, postWish, reviewWish } from './wishes.service'
export { claimWish, confirmMyWish, fulfilClaim, reopenMyWish } from './claims.service'
export { updateMyWish, updateWishAsStaff, withdrawMyWish } from './edits.service'
/** Partner companies and the members who claim for them (the demo registers its bank). */
export { addPartnerMember, createPartner } from './partners/partners.service'
