import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoSeriousA11yViolations, launchBrowser, newContext } from '../../support/browser'

/**
 * The platform core as a union admin uses it: sign in as the 甘肃省总工会 admin, create a child
 * org, register a member there and grant them a role, then sign in as that member and see only
 * that subtree. axe-core checks each page on the way.
 */
const GANSU_ADMIN = '13800000001'
const PASSWORD = 'Demo@2026'
const suffix = String(Date.now()).slice(-6)
const newOrgName = `E2E测试企业工会${suffix}`
const newMember = {
  name: `测试管理员${suffix.slice(-3)}`,
  mobile: `137${suffix}${suffix.slice(0, 2)}`,
  password: 'E2e@pass2026',
}

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const signIn = async (page: Page, mobile: string, password: string) => {
  await page.goto('/login')
  await page.getByLabel('手机号').fill(mobile)
  await page.getByLabel('密码').fill(password)
  await page.getByTestId('login-submit').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

/**
 * Picks an option in the Ant Design Select that is open now. Exact by default: a member
 * option's label also contains the org name, so a partial match could hit a closing dropdown.
 */
const pickOption = async (page: Page, text: string, exact = true) => {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const option = page
    .locator('.ant-select-item-option:visible', {
      hasText: exact ? new RegExp(`^${escaped}$`) : text,
    })
    .first()
  await option.waitFor()
  await option.click()
}

/** Opens the Ant Design Select labelled `label` in the open dialog (its box, not the hidden input). */
const openSelect = async (page: Page, label: string) => {
  const dialog = page.getByRole('dialog')
  await dialog
    .locator('.ant-select')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .click()
}

/** Types into a searchable Select (org or member search) and picks the matching option. */
const searchAndPick = async (
  page: Page,
  label: string,
  query: string,
  optionText: string,
  exact = true,
) => {
  await openSelect(page, label)
  await page.keyboard.type(query)
  await pickOption(page, optionText, exact)
}

describe('org admin flow', () => {
  it('creates a child org, registers a member, grants a role; the member then sees only that subtree', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()

    // The bare address opens the app (and, signed out, its login page).
    await page.goto('/')
    await page.waitForURL((url) => url.pathname.startsWith('/login'))
    await page.getByTestId('login-submit').waitFor()
    await expectNoSeriousA11yViolations(page, 'login page')
    await signIn(page, GANSU_ADMIN, PASSWORD)
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    await expectNoSeriousA11yViolations(page, 'dashboard')

    // Create a child org under 甘肃省总工会 (the current org of this admin).
    await page.goto('/orgs')
    await page.getByTestId('org-tree').waitFor()
    await expectNoSeriousA11yViolations(page, 'org tree')
    await page.getByTestId('org-create-child').click()
    const orgDialog = page.getByRole('dialog')
    await orgDialog.getByLabel('工会名称').fill(newOrgName)
    await openSelect(page, '工会类型')
    await pickOption(page, '企业工会')
    await orgDialog.getByRole('button', { name: /确\s*定|保\s*存|创\s*建/ }).click()
    await page.getByTestId('org-tree').getByText(newOrgName).waitFor()

    // Register a member with a password at the new org.
    await page.goto('/members')
    await page.getByTestId('members-table').waitFor()
    await expectNoSeriousA11yViolations(page, 'members list')
    await page.getByRole('button', { name: '新增会员' }).click()
    const memberDialog = page.getByRole('dialog')
    await memberDialog.getByLabel('姓名').fill(newMember.name)
    await memberDialog.getByLabel('手机号').fill(newMember.mobile)
    await searchAndPick(page, '所属工会', newOrgName.slice(0, 8), newOrgName)
    await memberDialog.getByLabel('初始密码').fill(newMember.password)
    await memberDialog.getByRole('button', { name: /确\s*定|保\s*存|添\s*加/ }).click()
    await page.getByText('会员已添加').waitFor()

    // Grant them org_admin at the new org.
    await page.goto('/role-grants')
    await page.getByTestId('role-grant-create').waitFor()
    await expectNoSeriousA11yViolations(page, 'role grants')
    await page.getByTestId('role-grant-create').click()
    await searchAndPick(page, '会员', newMember.mobile, newMember.name, false)
    await searchAndPick(page, '授权工会', newOrgName.slice(0, 8), newOrgName)
    await openSelect(page, '角色')
    await pickOption(page, '工会管理员')
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /授\s*予/ })
      .click()
    await page.getByText('已授予角色').waitFor()

    await page.goto('/audit')
    await page.getByTestId('audit-table').getByText('授予角色').first().waitFor()
    await expectNoSeriousA11yViolations(page, 'audit log')
    await context.close()

    // The new admin, on a phone: only the new org's subtree exists for them.
    const phone = await newContext(browser, { mobile: true })
    const memberPage = await phone.newPage()
    await signIn(memberPage, newMember.mobile, newMember.password)
    await memberPage.getByTestId('org-switcher').waitFor()
    await expect(memberPage.getByTestId('org-switcher').textContent()).resolves.toContain(
      newOrgName,
    )

    const topOrgs = await memberPage.request.get('/api/v1/orgs')
    expect(topOrgs.status()).toBe(200)
    const body = (await topOrgs.json()) as { items: { name: string }[] }
    expect(body.items.map((o) => o.name)).toEqual([newOrgName])
    const search = (await (
      await memberPage.request.get(`/api/v1/orgs?q=${encodeURIComponent('总工会')}`)
    ).json()) as { items: unknown[] }
    expect(search.items).toEqual([])
    const members = (await (await memberPage.request.get('/api/v1/members')).json()) as {
      items: { orgName: string }[]
    }
    expect(members.items.length).toBeGreaterThan(0)
    expect(new Set(members.items.map((m) => m.orgName))).toEqual(new Set([newOrgName]))

    await memberPage.goto('/orgs')
    await memberPage.getByTestId('org-tree').getByText(newOrgName).waitFor()
    await expect(
      memberPage.getByTestId('org-tree').getByText('甘肃省总工会').count(),
    ).resolves.toBe(0)
    await expectNoSeriousA11yViolations(memberPage, 'org tree on a phone (new admin)')
    await phone.close()
  })
})
