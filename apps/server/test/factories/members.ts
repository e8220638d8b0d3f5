import type { PoliticalStatus, Role } from '@unionhall/contracts'
import { createMember } from '../../src/core/members'
import { grantRoleAsSystem } from '../../src/core/roles'
import { systemCtx, type Ctx } from '../../src/core/access'
import { idCardFor } from '../../src/demo/demo-names'
import type { TestApp } from '../build-test-app'

let next = 0

/** A fresh mobile number that no demo member uses (demo workers are 139xxxxxxxx). */
export const freshMobile = (): string =>
  `177${String(Date.now() % 1e5).padStart(5, '0')}${String(next++ % 1000).padStart(3, '0')}`

/** A GB 11643-valid ID-card number no demo member uses (region 440300, Shenzhen). */
export const freshIdCard = (): string => idCardFor(100_000 + next++, '440300')

/** Creates a member through the members service, optionally granting roles at their org. */
export const makeMember = async (
  t: TestApp,
  ctx: Ctx,
  input: {
    orgId: string
    name?: string
    mobile?: string
    idCardNumber?: string
    password?: string
    roles?: Role[]
    /** Default 'unknown', as for anyone staff have not recorded. */
    politicalStatus?: PoliticalStatus
  },
) => {
  const member = await createMember({ db: t.database.db, crypto: t.crypto }, ctx, {
    name: input.name ?? `测试会员${next++}`,
    mobile: input.mobile ?? freshMobile(),
    idCardNumber: input.idCardNumber,
    orgId: input.orgId,
    password: input.password,
    politicalStatus: input.politicalStatus,
  })
  for (const role of input.roles ?? [])
    await grantRoleAsSystem(t.database.db, systemCtx(), member.id, input.orgId, role)
  return member
}
