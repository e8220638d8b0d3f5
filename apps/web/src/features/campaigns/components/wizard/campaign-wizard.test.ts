import type { FormInstance } from 'antd'
import dayjs from 'dayjs'
import i18n from 'i18next'
import { describe, expect, it, vi } from 'vitest'
import '../../../../test/setup'
import { validateStep } from './campaign-wizard'
import { initialValues, type WizardValues } from './wizard-model'

const t = i18n.getFixedT('zh-CN')
const orgId = '01a2270b-7d6a-7c12-abf4-7ce3e28e9562'

const fakeForm = (values: WizardValues) => {
  const setFields = vi.fn()
  const form = { getFieldsValue: () => values, setFields } as unknown as FormInstance
  return { form, setFields }
}

const base = (): WizardValues => ({
  ...initialValues(orgId, null, ['技能水平', '创新成果', '传帮带作用']),
  name: '2027 年度陇原工匠评选',
  honourTitle: '陇原工匠',
  categories: [{ name: '制造业', honourCount: 10 }],
})

describe('validateStep', () => {
  it('passes the basics step with the other steps still empty', () => {
    const { form, setFields } = fakeForm(base())
    expect(validateStep(t, form, 'basics', false)).toBe(true)
    expect(setFields).not.toHaveBeenCalled()
  })

  it('shows a missing name on its field', () => {
    const { form, setFields } = fakeForm({ ...base(), name: '' })
    expect(validateStep(t, form, 'basics', false)).toBe(false)
    expect(setFields).toHaveBeenCalledWith([{ name: ['name'], errors: ['至少需要 2 个字符'] }])
  })

  it('puts an overlapping phase error on that phase', () => {
    const d = (s: string) => dayjs(s)
    const { form, setFields } = fakeForm({
      ...base(),
      schedule: {
        nomination: [d('2027-03-01'), d('2027-03-31')],
        review: [d('2027-04-01'), d('2027-04-10')],
        publicity: [d('2027-04-11'), d('2027-04-17')],
        voting: [d('2027-04-15'), d('2027-04-30')],
        jury: [d('2027-05-01'), d('2027-05-07')],
        result_publicity: [d('2027-05-08'), d('2027-05-14')],
      },
    })
    expect(validateStep(t, form, 'schedule', false)).toBe(false)
    const fields = setFields.mock.calls[0]![0] as { name: string[]; errors: string[] }[]
    expect(fields.find((f) => f.name[1] === 'voting')?.errors).toEqual([
      '各阶段时间不能重叠，且须按顺序排列',
    ])
    expect(fields.find((f) => f.name[1] === 'publicity')?.errors).toEqual([])
  })

  it('puts weights not adding up to 100% on the jury weight field', () => {
    const v = base()
    const { form, setFields } = fakeForm({ ...v, rules: { ...v.rules, juryPct: 30 } })
    expect(validateStep(t, form, 'rules', false)).toBe(false)
    expect(setFields).toHaveBeenCalledWith([
      { name: ['rules', 'juryPct'], errors: ['公众投票与专家评审权重之和必须为 100%'] },
    ])
  })

  it('puts a category name used twice on the second one', () => {
    const { form, setFields } = fakeForm({
      ...base(),
      categories: [
        { name: '制造业', honourCount: 10 },
        { name: '服务业', honourCount: 5 },
        { name: '制造业 ', honourCount: 3 },
      ],
    })
    expect(validateStep(t, form, 'categories', false)).toBe(false)
    expect(setFields).toHaveBeenCalledWith([
      { name: ['categories', 2, 'name'], errors: ['类别名称重复，每个类别需用不同的名称'] },
    ])
  })

  it('puts rules that contradict the votes a day on their fields', () => {
    const v = base()
    const { form, setFields } = fakeForm({
      ...v,
      rules: { ...v.rules, votesPerDay: 3, maxChoicesPerBallot: 10, maxPerCandidatePerDay: 5 },
    })
    expect(validateStep(t, form, 'rules', false)).toBe(false)
    expect(setFields).toHaveBeenCalledWith([
      {
        name: ['rules', 'maxChoicesPerBallot'],
        errors: ['每张选票最多选择的人数不能多于每人每日票数'],
      },
      {
        name: ['rules', 'maxPerCandidatePerDay'],
        errors: ['每日同一候选人最多票数不能多于每人每日票数'],
      },
    ])
  })

  it('says a share out of range in percents, on its own field', () => {
    const v = base()
    const rules = fakeForm({ ...v, rules: { ...v.rules, publicVotePct: 150, juryPct: -50 } })
    expect(validateStep(t, rules.form, 'rules', false)).toBe(false)
    expect(rules.setFields).toHaveBeenCalledWith([
      { name: ['rules', 'publicVotePct'], errors: ['不能大于 100'] },
      { name: ['rules', 'juryPct'], errors: ['不能小于 0'] },
    ])
    const jury = fakeForm({ ...v, quotas: { ...v.quotas, minFrontLinePct: 120 } })
    expect(validateStep(t, jury.form, 'jury', false)).toBe(false)
    expect(jury.setFields).toHaveBeenCalledWith([
      { name: ['quotas', 'minFrontLinePct'], errors: ['不能大于 100'] },
    ])
  })

  it('skips the inherited steps of a child campaign', () => {
    const v = base()
    const { form } = fakeForm({ ...v, rules: { ...v.rules, juryPct: 30 } })
    expect(validateStep(t, form, 'rules', true)).toBe(true)
  })
})
