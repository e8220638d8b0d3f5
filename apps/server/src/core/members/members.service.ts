import {
  CreateMemberBodySchema,
  MOBILE_PATTERN,
  isPartyMemberStatus,
  isValidIdCardNumber,
  type CreateMemberBody,
  type ImportMode,
  type ImportReport,
  type ImportRowError,
  type Member,
  type MemberListQuery,
  type MemberStats,
  type Page,
  type PoliticalStatus,
  type Role,
  type UpdateMemberBody,
} from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import { toBool } from '../../platform/db/columns'
import type { Db } from '../../platform/db/create-db'
import { withTransaction } from '../../platform/db/transaction'
import { maskIdCard, maskMobile, type FieldCrypto } from '../../platform/crypto/field-crypto'
import { hashPassword } from '../../platform/crypto/password'
import { readSpreadsheet, writeXlsx } from '../../platform/files/spreadsheet'
import {
  UNSTORABLE_TEXT_MESSAGE,
  hasUnstorableCharacter,
} from '../../platform/text/unstorable-text'
import { canAt, canManageHolderOf, requireAt, scopePaths, type Ctx } from '../access'
import { recordAudit, recordScopeAudit } from '../audit'
import { listChildOrgs, loadOrg, type OrgRow } from '../orgs'
import { orgErrors } from '../orgs'
import { memberErrors } from './members.errors'
import * as repo from './members.repository'
import type { MemberTable } from './members.tables'

export type MembersDeps = { db: Db; crypto: FieldCrypto }

/** The roles a member holds and where: core/roles, which depends on this module, wires it in. */
export type MemberGrantsReader = {
  grantsOf: (memberId: string) => Promise<ReadonlyArray<{ role: Role; orgPath: string }>>
}

type ListedRow = Awaited<ReturnType<typeof repo.listMembers>>['rows'][number]

const toMember = (r: ListedRow): Member => ({
  id: r.id,
  name: r.name,
  mobileMasked: r.mobile_masked,
  idCardMasked: r.id_card_masked,
  orgId: r.org_id,
  orgName: r.org_name,
  status: r.status,
  politicalStatus: r.political_status,
  createdAt: r.created_at,
})

/** Builds the stored row: personal data encrypted, with blind indexes and masked copies. */
const sealMember = (
  crypto: FieldCrypto,
  input: {
    name: string
    mobile: string
    idCardNumber?: string
    orgId: string
    passwordHash: string | null
    politicalStatus?: PoliticalStatus
  },
  now: string,
): MemberTable => ({
  id: uuidv7(),
  name: input.name,
  mobile_enc: crypto.encrypt(input.mobile),
  mobile_hash: crypto.blindIndex(`mobile:${input.mobile}`),
  mobile_masked: maskMobile(input.mobile),
  id_card_enc: input.idCardNumber ? crypto.encrypt(input.idCardNumber) : null,
  id_card_hash: input.idCardNumber ? crypto.blindIndex(`idcard:${input.idCardNumber}`) : null,
  id_card_masked: input.idCardNumber ? maskIdCard(input.idCardNumber) : null,
  org_id: input.orgId,
  status: 'active',
  political_status: input.politicalStatus ?? 'unknown',
  password_hash: input.passwordHash,
  created_at: now,
  updated_at: now,
})

export const mobileHashOf = (crypto: FieldCrypto, mobile: string) =>
  crypto.blindIndex(`mobile:${mobile}`)

const assertOrgOpen = (org: OrgRow) => {
  if (toBool(org.is_archived)) throw orgErrors.archived(org.id)
}

/**
 * Inserts one member after checking uniqueness, inside the caller's transaction, and audits
 * it. Shared by staff registration and self-registration.
 */
export const insertMember = async (
  trx: Db,
  deps: MembersDeps,
  ctx: Ctx,
  input: {
    name: string
    mobile: string
    idCardNumber?: string
    orgId: string
    password?: string
    /** Staff only: self-registration never sets it (ADR 0033). */
    politicalStatus?: PoliticalStatus
  },
  origin: 'staff' | 'self',
) => {
  const mobileHash = mobileHashOf(deps.crypto, input.mobile)
  if (await repo.findMemberByMobileHash(trx, mobileHash)) throw memberErrors.mobileTaken()
  if (
    input.idCardNumber &&
    (await repo.idCardHashExists(trx, deps.crypto.blindIndex(`idcard:${input.idCardNumber}`)))
  ) {
    throw memberErrors.idCardTaken()
  }
  const passwordHash = input.password ? await hashPassword(input.password) : null
  const row = sealMember(deps.crypto, { ...input, passwordHash }, ctx.now.toISOString())
  await repo.insertMembers(trx, [row])
  await recordAudit(trx, ctx, {
    action: origin === 'self' ? 'member.registered' : 'member.created',
    targetType: 'member',
    targetId: row.id,
    orgId: row.org_id,
    summary: {
      after: {
        name: row.name,
        mobile: row.mobile_masked,
        orgId: row.org_id,
        politicalStatus: row.political_status,
      },
    },
  })
  return row
}

/** Staff register a member at an org in their subtree. @throws MEMBER_MOBILE_TAKEN, MEMBER_ID_CARD_TAKEN */
export const createMember = async (
  deps: MembersDeps,
  ctx: Ctx,
  body: CreateMemberBody,
): Promise<Member> => {
  const org = await loadOrg(deps.db, body.orgId)
  requireAt(ctx, 'member:manage', org.path)
  assertOrgOpen(org)
  const row = await withTransaction(deps.db, (trx) => insertMember(trx, deps, ctx, body, 'staff'))
  return toMember({ ...row, org_name: org.name })
}

/** A page of members in the actor's scope; q matches a name, or a whole mobile number exactly. */
export const listMembers = async (
  deps: MembersDeps,
  ctx: Ctx,
  query: MemberListQuery,
): Promise<Page<Member> & { totalCapped: boolean }> => {
  const filter = await buildFilter(deps, ctx, query)
  const { rows, total, capped } = await repo.listMembers(
    deps.db,
    filter,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  )
  // A list picked by political status says who the party members are: the read is audited
  // like an export (ADR 0033). Other lists only show it beside the masked mobile.
  if (query.politicalStatus !== undefined) {
    await withTransaction(deps.db, (trx) =>
      recordScopeAudit(
        trx,
        ctx,
        {
          action: 'member.listed',
          targetType: 'member',
          targetId: null,
          summary: {
            rows: rows.length,
            page: query.page,
            // Not q: it may be a whole mobile number.
            filter: {
              orgId: query.orgId,
              status: query.status,
              politicalStatus: query.politicalStatus,
            },
          },
        },
        { orgId: query.orgId, permission: 'member:read' },
      ),
    )
  }
  return {
    items: rows.map(toMember),
    total,
    totalCapped: capped,
    page: query.page,
    pageSize: query.pageSize,
  }
}

const buildFilter = async (
  deps: MembersDeps,
  ctx: Ctx,
  query: MemberListQuery,
): Promise<repo.MemberListFilter> => {
  const paths = scopePaths(ctx, 'member:read')
  let within: string | undefined
  if (query.orgId) {
    within = (await loadOrg(deps.db, query.orgId)).path
    requireAt(ctx, 'member:read', within)
  }
  const q = query.q?.trim()
  const isMobile = q !== undefined && MOBILE_PATTERN.test(q)
  return {
    paths,
    within,
    status: query.status,
    politicalStatus: query.politicalStatus,
    mobileHash: isMobile ? mobileHashOf(deps.crypto, q) : undefined,
    namePrefix: q && !isMobile ? q : undefined,
  }
}

export const MEMBER_EXPORT_LIMIT = 100_000

/** The words of union member registers, which is what the export's readers file it under. */
const POLITICAL_STATUS_LABELS: Record<PoliticalStatus, string> = {
  cpc_member: '中共党员',
  cpc_probationary_member: '中共预备党员',
  cyl_member: '共青团员',
  masses: '群众',
  other: '其他',
  unknown: '未填写',
}

/** Exports the filtered list as .xlsx with personal data masked, and audits the export. */
export const exportMembers = async (
  deps: MembersDeps,
  ctx: Ctx,
  query: MemberListQuery,
): Promise<Buffer> => {
  const filter = await buildFilter(deps, ctx, query)
  const rows = await repo.listMembersForExport(deps.db, filter, MEMBER_EXPORT_LIMIT)
  await withTransaction(deps.db, (trx) =>
    recordScopeAudit(
      trx,
      ctx,
      {
        action: 'member.exported',
        targetType: 'member',
        targetId: null,
        summary: {
          rows: rows.length,
          filter: {
            orgId: query.orgId,
            q: query.q,
            status: query.status,
            politicalStatus: query.politicalStatus,
          },
        },
      },
      { orgId: query.orgId, permission: 'member:read' },
    ),
  )
  return writeXlsx(
    'members',
    [
      '姓名 Name',
      '手机号 Mobile',
      '身份证号 ID card',
      '所属工会 Org',
      '状态 Status',
      '政治面貌 Political status',
      '登记时间 Registered',
    ],
    rows.map((r) => [
      r.name,
      r.mobile_masked,
      r.id_card_masked,
      r.org_name,
      r.status,
      POLITICAL_STATUS_LABELS[r.political_status],
      r.created_at,
    ]),
  )
}

const loadMember = async (db: Db, id: string) => {
  const m = await repo.findMemberById(db, id)
  if (!m) throw memberErrors.notFound(id)
  return m
}

/** One member, masked. */
export const getMember = async (deps: MembersDeps, ctx: Ctx, id: string): Promise<Member> => {
  const m = await loadMember(deps.db, id)
  requireAt(ctx, 'member:read', m.org_path)
  return toMember(m)
}

/**
 * Listeners told after a member's status, org or name changed, so caches of who a member is
 * (the sessions cached by core/auth) drop them at once: a suspended member must lose access now,
 * not when the cache next expires.
 */
const changeListeners = new Set<(memberId: string) => void>()
export const onMemberChanged = (fn: (memberId: string) => void) => {
  changeListeners.add(fn)
  return () => changeListeners.delete(fn)
}

/**
 * Changes name, employer org, status or political status. Moving to another org needs
 * member:manage at both.
 */
export const updateMember = async (
  deps: MembersDeps & MemberGrantsReader,
  ctx: Ctx,
  id: string,
  body: UpdateMemberBody,
): Promise<Member> => {
  const m = await loadMember(deps.db, id)
  const actor = requireAt(ctx, 'member:manage', m.org_path)
  // Someone holding a role is changed only by those who could have granted it.
  const held = await deps.grantsOf(id)
  if (held.some((g) => !canManageHolderOf(actor, g.role, g.orgPath)))
    throw memberErrors.holderOfStrongerRole()
  // Suspending or leaving oneself signs one out for good (login refuses inactive accounts) and
  // nobody may be left to undo it: the fuzz review locked out the only platform admin this way.
  if (body.status !== undefined && body.status !== m.status && ctx.actor?.memberId === id)
    throw memberErrors.ownStatus()
  let orgName = m.org_name
  if (body.orgId && body.orgId !== m.org_id) {
    const org = await loadOrg(deps.db, body.orgId)
    requireAt(ctx, 'member:manage', org.path)
    assertOrgOpen(org)
    orgName = org.name
  }
  const now = ctx.now.toISOString()
  await withTransaction(deps.db, async (trx) => {
    // Column names are snake_case: body.orgId must become org_id (spreading the body did not).
    await repo.updateMemberFields(trx, id, {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.status === undefined ? {} : { status: body.status }),
      ...(body.orgId === undefined ? {} : { org_id: body.orgId }),
      ...(body.politicalStatus === undefined ? {} : { political_status: body.politicalStatus }),
      updated_at: now,
    })
    await recordAudit(trx, ctx, {
      action: 'member.updated',
      targetType: 'member',
      targetId: id,
      orgId: body.orgId ?? m.org_id,
      summary: {
        before: {
          name: m.name,
          orgId: m.org_id,
          status: m.status,
          politicalStatus: m.political_status,
        },
        after: {
          name: body.name ?? m.name,
          orgId: body.orgId ?? m.org_id,
          status: body.status ?? m.status,
          politicalStatus: body.politicalStatus ?? m.political_status,
        },
      },
    })
  })
  // After the commit: a listener that re-read the member inside the transaction could see the
  // old row and cache it again.
  changeListeners.forEach((fn) => fn(id))
  return toMember({
    ...m,
    ...body,
    org_id: body.orgId ?? m.org_id,
    org_name: orgName,
    political_status: body.politicalStatus ?? m.political_status,
  })
}

/**
 * Whether the member's political status, kept by staff, makes them a party member (中共党员 or
 * 中共预备党员): the check behind claiming a wish as one and a party-volunteer shift.
 */
export const isPartyMember = async (db: Db, memberId: string) => {
  const status = await repo.findPoliticalStatus(db, memberId)
  return status !== undefined && isPartyMemberStatus(status)
}

/** The unmasked mobile and ID-card numbers. Every read writes an audit record. */
export const getPersonalData = async (deps: MembersDeps, ctx: Ctx, id: string) => {
  const m = await loadMember(deps.db, id)
  requireAt(ctx, 'member:read-personal', m.org_path)
  await withTransaction(deps.db, (trx) =>
    recordAudit(trx, ctx, {
      action: 'member.personal-data-read',
      targetType: 'member',
      targetId: id,
      orgId: m.org_id,
      summary: { fields: ['mobile', 'idCardNumber'] },
    }),
  )
  return {
    id,
    mobile: deps.crypto.decrypt(m.mobile_enc),
    idCardNumber: m.id_card_enc ? deps.crypto.decrypt(m.id_card_enc) : null,
  }
}

// ---- bulk import ----

export const IMPORT_MAX_ROWS = 50_000

const HEADER_ALIASES: Record<string, 'name' | 'mobile' | 'idCardNumber' | 'org'> = {
  姓名: 'name',
  name: 'name',
  手机号: 'mobile',
  手机号码: 'mobile',
  mobile: 'mobile',
  身份证号: 'idCardNumber',
  身份证号码: 'idCardNumber',
  idcardnumber: 'idCardNumber',
  'id card': 'idCardNumber',
  所属工会: 'org',
  工会: 'org',
  org: 'org',
}

const headerKey = (h: string) =>
  HEADER_ALIASES[h.trim().toLowerCase()] ?? HEADER_ALIASES[h.trim().split(/\s+/)[0] ?? '']

export type ImportOptions = { orgId: string; mode: ImportMode; dryRun: boolean }

/**
 * Imports members from an .xlsx or .csv. Every row is validated first (format, checksum,
 * duplicates in the file and in the database, org in scope). In all-or-nothing mode a file
 * with any error imports nothing; in valid-only mode the valid rows are imported. Either way
 * the inserts share one transaction, so a failure half-way leaves nothing behind.
 */
export const importMembers = async (
  deps: MembersDeps,
  ctx: Ctx,
  bytes: Buffer,
  options: ImportOptions,
): Promise<ImportReport> => {
  const defaultOrg = await loadOrg(deps.db, options.orgId)
  requireAt(ctx, 'member:manage', defaultOrg.path)
  assertOrgOpen(defaultOrg)
  const table = await readSpreadsheet(bytes)
  const errors: ImportRowError[] = []
  const [header, ...body] = table
  const columns = (header ?? []).map(headerKey)
  if (!columns.includes('name') || !columns.includes('mobile')) {
    throw memberErrors.importHeaderInvalid()
  }
  if (body.length > IMPORT_MAX_ROWS) throw memberErrors.importTooLarge(body.length, IMPORT_MAX_ROWS)

  const orgNames = new Set<string>()
  const parsed = body.map((cells, i) => {
    const rec: Record<string, string> = {}
    columns.forEach((key, c) => {
      if (key) rec[key] = (cells[c] ?? '').trim()
    })
    if (rec.org) orgNames.add(rec.org)
    return { rowNumber: i + 2, rec }
  })
  const orgs = await repo.findOrgsInSubtreeByNames(deps.db, defaultOrg.path, [...orgNames])
  const orgsByName = new Map<string, typeof orgs>()
  for (const o of orgs) orgsByName.set(o.name, [...(orgsByName.get(o.name) ?? []), o])

  const fail = (row: number, field: string, code: string, message: string) =>
    errors.push({ row, field, code, message })
  const candidates: {
    rowNumber: number
    name: string
    mobile: string
    idCardNumber?: string
    orgId: string
    mobileHash: string
    idHash?: string
  }[] = []
  const seenMobiles = new Map<string, number>()
  const seenIds = new Map<string, number>()
  for (const { rowNumber, rec } of parsed) {
    const before = errors.length
    const name = rec.name ?? ''
    const mobile = (rec.mobile ?? '').replace(/\s|-/g, '')
    const idCard = (rec.idCardNumber ?? '').toUpperCase()
    if (name.length < 1 || name.length > 50)
      fail(rowNumber, 'name', 'MEMBER_NAME_INVALID', '姓名必填，最多 50 个字')
    else if (hasUnstorableCharacter(name))
      fail(rowNumber, 'name', 'TEXT_INVALID_CHARACTER', UNSTORABLE_TEXT_MESSAGE)
    if (!MOBILE_PATTERN.test(mobile))
      fail(rowNumber, 'mobile', 'MEMBER_MOBILE_INVALID', `手机号格式不正确：${mobile || '(空)'}`)
    else if (seenMobiles.has(mobile))
      fail(
        rowNumber,
        'mobile',
        'MEMBER_MOBILE_DUPLICATE_IN_FILE',
        `手机号与第 ${seenMobiles.get(mobile)} 行重复`,
      )
    if (idCard && !isValidIdCardNumber(idCard))
      fail(rowNumber, 'idCardNumber', 'MEMBER_ID_CARD_INVALID', '身份证号码无效（校验位不符）')
    else if (idCard && seenIds.has(idCard))
      fail(
        rowNumber,
        'idCardNumber',
        'MEMBER_ID_CARD_DUPLICATE_IN_FILE',
        `身份证号与第 ${seenIds.get(idCard)} 行重复`,
      )
    let orgId = defaultOrg.id
    if (rec.org) {
      const matches = orgsByName.get(rec.org) ?? []
      if (matches.length === 0)
        fail(rowNumber, 'org', 'ORG_NOT_FOUND', `在 ${defaultOrg.name} 下找不到工会：${rec.org}`)
      else if (matches.length > 1)
        fail(rowNumber, 'org', 'ORG_AMBIGUOUS', `工会名称不唯一：${rec.org}`)
      else if (toBool(matches[0]!.is_archived))
        fail(rowNumber, 'org', 'ORG_ARCHIVED', `工会已归档：${rec.org}`)
      else if (!canAt(ctx.actor!, 'member:manage', matches[0]!.path))
        fail(rowNumber, 'org', 'ACCESS_DENIED', `无权向该工会导入：${rec.org}`)
      else orgId = matches[0]!.id
    }
    if (MOBILE_PATTERN.test(mobile) && !seenMobiles.has(mobile)) seenMobiles.set(mobile, rowNumber)
    if (idCard && !seenIds.has(idCard)) seenIds.set(idCard, rowNumber)
    if (errors.length === before) {
      candidates.push({
        rowNumber,
        name,
        mobile,
        idCardNumber: idCard || undefined,
        orgId,
        mobileHash: mobileHashOf(deps.crypto, mobile),
        idHash: idCard ? deps.crypto.blindIndex(`idcard:${idCard}`) : undefined,
      })
    }
  }
  const [takenMobiles, takenIds] = await Promise.all([
    repo.findMobileHashes(
      deps.db,
      candidates.map((c) => c.mobileHash),
    ),
    repo.findIdCardHashes(
      deps.db,
      candidates.flatMap((c) => (c.idHash ? [c.idHash] : [])),
    ),
  ])
  const valid = candidates.filter((c) => {
    let ok = true
    if (takenMobiles.has(c.mobileHash)) {
      fail(c.rowNumber, 'mobile', 'MEMBER_MOBILE_TAKEN', '该手机号已被注册')
      ok = false
    }
    if (c.idHash && takenIds.has(c.idHash)) {
      fail(c.rowNumber, 'idCardNumber', 'MEMBER_ID_CARD_TAKEN', '该身份证号码已登记')
      ok = false
    }
    return ok
  })
  errors.sort((a, b) => a.row - b.row)
  const report: ImportReport = {
    mode: options.mode,
    dryRun: options.dryRun,
    totalRows: parsed.length,
    validRows: valid.length,
    importedRows: 0,
    errors,
  }
  if (options.dryRun) return report
  if (options.mode === 'all-or-nothing' && errors.length > 0)
    throw memberErrors.importHasErrors(report)
  if (valid.length === 0) return report
  const now = ctx.now.toISOString()
  const rows = valid.map((c) => sealMember(deps.crypto, { ...c, passwordHash: null }, now))
  await withTransaction(deps.db, async (trx) => {
    await repo.insertMembers(trx, rows)
    for (const r of rows) {
      await recordAudit(trx, ctx, {
        action: 'member.imported',
        targetType: 'member',
        targetId: r.id,
        orgId: r.org_id,
        summary: { after: { name: r.name, mobile: r.mobile_masked } },
      })
    }
    await recordAudit(trx, ctx, {
      action: 'member.import-completed',
      targetType: 'org',
      targetId: defaultOrg.id,
      orgId: defaultOrg.id,
      summary: {
        totalRows: report.totalRows,
        importedRows: rows.length,
        errorRows: new Set(errors.map((e) => e.row)).size,
        mode: options.mode,
      },
    })
  })
  return { ...report, importedRows: rows.length }
}

/** The .xlsx template staff fill in. */
export const importTemplate = () =>
  writeXlsx(
    'members',
    ['姓名', '手机号', '身份证号', '所属工会'],
    [['张三', '13800000000', '', '']],
  )

/** Validates a create body outside HTTP (used by the demo seed). */
export const parseCreateMember = (input: unknown) => CreateMemberBodySchema.parse(input)

/** Members in an org's subtree, split by its child orgs (the dashboard chart). */
export const getMemberStats = async (
  deps: MembersDeps,
  ctx: Ctx,
  orgId: string,
): Promise<MemberStats> => {
  const org = await loadOrg(deps.db, orgId)
  requireAt(ctx, 'member:read', org.path)
  const [groups, children] = await Promise.all([
    repo.countMembersByChild(deps.db, org.path),
    listChildOrgs(deps.db, org.id),
  ])
  const byPrefix = new Map(groups.map((g) => [g.prefix, g.n]))
  return {
    orgId: org.id,
    total: groups.reduce((sum, g) => sum + g.n, 0),
    direct: byPrefix.get(org.path) ?? 0,
    children: children.map((c) => ({
      orgId: c.id,
      orgName: c.name,
      members: byPrefix.get(`${org.path}${c.id}/`) ?? 0,
    })),
  }
}
