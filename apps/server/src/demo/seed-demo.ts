import type { OrgKind, PoliticalStatus, Role } from '@unionhall/contracts'
import type { FieldCrypto } from '../platform/crypto/field-crypto'
import type { Db } from '../platform/db/create-db'
import { withTransaction } from '../platform/db/transaction'
import { systemCtx, type Ctx } from '../core/access'
import { countOrgs, createOrg, createRootOrg } from '../core/orgs'
import { createMember, insertMember } from '../core/members'
import { grantRoleAsSystem, loadGrants } from '../core/roles'
import { idCardFor, mobileFor, nameFor } from './demo-names'
import { seedCampaigns } from './seed-campaigns'
import { seedDemoShifts } from './demo-shifts'
import { seedDemoWishes } from './demo-wishes'
import { seedStations } from './seed-stations'

/** The organisations of the seed page (shared/seed/README.md), as a tree. */
type OrgSpec = { name: string; kind: OrgKind; children?: OrgSpec[] }

export const DEMO_ORG_TREE: OrgSpec = {
  name: '中华全国总工会',
  kind: 'national_federation',
  children: [
    {
      name: '甘肃省总工会',
      kind: 'provincial_federation',
      children: [
        { name: '兰州市总工会', kind: 'city_federation' },
        { name: '武威市总工会', kind: 'city_federation' },
        { name: '嘉峪关市总工会', kind: 'city_federation' },
        { name: '兰州铁路局工会', kind: 'enterprise_union' },
        { name: '金川集团公司工会', kind: 'enterprise_union' },
        { name: '酒钢集团公司工会', kind: 'enterprise_union' },
      ],
    },
    {
      name: '云南省总工会',
      kind: 'provincial_federation',
      children: [{ name: '昆明市总工会', kind: 'city_federation' }],
    },
    {
      name: '广西壮族自治区总工会',
      kind: 'provincial_federation',
      children: [
        {
          name: '柳州市总工会',
          kind: 'city_federation',
          children: [{ name: '鹿寨县总工会', kind: 'county_federation' }],
        },
      ],
    },
    {
      name: '广东省总工会',
      kind: 'provincial_federation',
      children: [
        {
          name: '深圳市总工会',
          kind: 'city_federation',
          children: [
            {
              name: '龙岗区总工会',
              kind: 'district_federation',
              children: [{ name: '龙岗区建筑行业工联会', kind: 'industry_union' }],
            },
          ],
        },
      ],
    },
    { name: '北京市总工会', kind: 'provincial_federation' },
    {
      name: '新疆维吾尔自治区总工会',
      kind: 'provincial_federation',
      children: [
        {
          name: '乌鲁木齐市总工会',
          kind: 'city_federation',
          children: [{ name: '高新区（新市区）总工会', kind: 'district_federation' }],
        },
      ],
    },
    { name: '湖北省总工会', kind: 'provincial_federation' },
    { name: '山东省总工会', kind: 'provincial_federation' },
    {
      name: '重庆市总工会',
      kind: 'provincial_federation',
      children: [{ name: '涪陵区总工会', kind: 'district_federation' }],
    },
  ],
}

export const DEMO_PASSWORD = 'Demo@2026'

/** Staff accounts of the demo, one line each in the start-up banner. */
export const DEMO_ACCOUNTS: { mobile: string; name: string; org: string; role: Role }[] = [
  { mobile: '13800000000', name: '平台管理员', org: '中华全国总工会', role: 'platform_admin' },
  { mobile: '13800000001', name: '甘肃省总工会管理员', org: '甘肃省总工会', role: 'org_admin' },
  { mobile: '13800000002', name: '兰州市总工会干部', org: '兰州市总工会', role: 'staff' },
  { mobile: '13800000003', name: '深圳市总工会管理员', org: '深圳市总工会', role: 'org_admin' },
  { mobile: '13800000004', name: '龙岗区总工会干部', org: '龙岗区总工会', role: 'staff' },
  { mobile: '13800000005', name: '北京市总工会咨询师', org: '北京市总工会', role: 'counsellor' },
  { mobile: '13800000006', name: '柳州市总工会管理员', org: '柳州市总工会', role: 'org_admin' },
  {
    mobile: '13800000007',
    name: '乌鲁木齐高新区工会干部',
    org: '高新区（新市区）总工会',
    role: 'staff',
  },
]

export const DEMO_MEMBER_COUNT = 320

/**
 * A plausible spread of 政治面貌 over the demo workers (ADR 0033): mostly 群众, about one in
 * eight a party member, some 共青团员, and some records nobody has filled in yet.
 */
const politicalStatusFor = (i: number): PoliticalStatus =>
  i % 8 === 0
    ? 'cpc_member'
    : i % 29 === 5
      ? 'cpc_probationary_member'
      : i % 6 === 1
        ? 'cyl_member'
        : i % 11 === 3
          ? 'unknown'
          : i % 37 === 7
            ? 'other'
            : 'masses'

/** Loads the demo data when the database has no orgs yet. Returns what it loaded, or null. */
export const seedDemoIfEmpty = async (
  db: Db,
  crypto: FieldCrypto,
  options: { force?: boolean } = {},
) => {
  if (!options.force && (await countOrgs(db)) > 0) return null
  return seedDemo(db, crypto)
}

export const seedDemo = async (db: Db, crypto: FieldCrypto) => {
  const sys = systemCtx()
  const root = await createRootOrg(db, sys, DEMO_ORG_TREE.name, DEMO_ORG_TREE.kind)
  const orgIds = new Map<string, string>([
    [root.id, root.id],
    [DEMO_ORG_TREE.name, root.id],
  ])

  // The platform admin is created by the system; everything else is done as that admin, through
  // the same services (and audit records) staff use.
  const admin = DEMO_ACCOUNTS[0]!
  const adminRow = await withTransaction(db, (trx) =>
    insertMember(
      trx,
      { db, crypto },
      sys,
      { name: admin.name, mobile: admin.mobile, orgId: root.id, password: DEMO_PASSWORD },
      'staff',
    ),
  )
  await grantRoleAsSystem(db, sys, adminRow.id, root.id, 'platform_admin')
  const ctx: Ctx = {
    ...sys,
    actor: {
      memberId: adminRow.id,
      name: admin.name,
      orgId: root.id,
      grants: await loadGrants(db, adminRow.id),
    },
  }

  const addChildren = async (parentId: string, children: OrgSpec[] = []) => {
    for (const child of children) {
      const org = await createOrg(db, ctx, { parentId, name: child.name, kind: child.kind })
      orgIds.set(child.name, org.id)
      await addChildren(org.id, child.children)
    }
  }
  await addChildren(root.id, DEMO_ORG_TREE.children)

  for (const account of DEMO_ACCOUNTS.slice(1)) {
    const orgId = orgIds.get(account.org)!
    const m = await createMember({ db, crypto }, ctx, {
      name: account.name,
      mobile: account.mobile,
      orgId,
      password: DEMO_PASSWORD,
    })
    await grantRoleAsSystem(db, sys, m.id, orgId, account.role)
  }

  // Workers spread over the leaf and mid-level unions, weighted towards Gansu as on the seed page.
  const memberOrgs = [...orgIds.keys()].filter(
    (k) =>
      k !== root.id &&
      k !== DEMO_ORG_TREE.name &&
      !k.endsWith('省总工会') &&
      !k.endsWith('自治区总工会'),
  )
  const gansu = [
    '兰州市总工会',
    '武威市总工会',
    '嘉峪关市总工会',
    '兰州铁路局工会',
    '金川集团公司工会',
    '酒钢集团公司工会',
  ]
  for (let i = 0; i < DEMO_MEMBER_COUNT; i++) {
    const orgName =
      i % 2 === 0 ? gansu[(i / 2) % gansu.length]! : memberOrgs[i % memberOrgs.length]!
    await createMember({ db, crypto }, ctx, {
      name: nameFor(i + 7),
      mobile: mobileFor(i + 1),
      idCardNumber: i % 4 === 0 ? idCardFor(i) : undefined,
      orgId: orgIds.get(orgName)!,
      politicalStatus: politicalStatusFor(i),
    })
  }
  // The craftsman campaigns of the seed page (§1), through the campaigns module's services.
  const campaigns = await seedCampaigns(db, crypto, ctx, orgIds)
  // The outdoor-worker stations of the seed page (§4), through the stations module's services.
  const stations = await seedStations(db, crypto, ctx, orgIds)
  // 筑友驿站's two-week duty roster, with a few gaps for the coverage view.
  await seedDemoShifts(db, crypto, ctx, {
    stationId: stations.zhuyouId,
    orgId: orgIds.get('龙岗区建筑行业工联会')!,
  })
  // Micro-wishes at 筑友驿站 in every state, with their workers, volunteers and a partner company.
  await seedDemoWishes({ db, crypto }, ctx, {
    stationIds: [stations.zhuyouId],
    orgIds,
    password: DEMO_PASSWORD,
  })
  return {
    campaigns,
    stations,
    orgs: orgIds.size - 1,
    members: DEMO_MEMBER_COUNT + DEMO_ACCOUNTS.length,
    accounts: DEMO_ACCOUNTS.map((a) => ({
      mobile: a.mobile,
      password: DEMO_PASSWORD,
      role: a.role,
      org: a.org,
    })),
    orgIds,
  }
}
