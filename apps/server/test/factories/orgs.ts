import type { OrgKind } from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import { createOrg, findOrgById, type OrgRow } from '../../src/core/orgs'
import { loadGrants } from '../../src/core/roles'
import { systemCtx, type Ctx } from '../../src/core/access'
import type { TestApp } from '../build-test-app'

/** A context acting as a demo member (through the services, so audit rows are written too). */
export const ctxAs = async (t: TestApp, memberId: string, name = 'test'): Promise<Ctx> => ({
  ...systemCtx(),
  actor: { memberId, name, orgId: '', grants: await loadGrants(t.database.db, memberId) },
})

let counter = 0

/** Creates an org under parentId through the orgs service and returns its row. */
export const makeOrg = async (
  t: TestApp,
  ctx: Ctx,
  input: { parentId: string; name?: string; kind?: OrgKind },
): Promise<OrgRow> => {
  counter += 1
  const org = await createOrg(t.database.db, ctx, {
    parentId: input.parentId,
    name: input.name ?? `测试工会${counter}-${uuidv7().slice(-6)}`,
    kind: input.kind ?? 'enterprise_union',
  })
  return (await findOrgById(t.database.db, org.id))!
}
