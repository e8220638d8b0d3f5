import { screen } from '@testing-library/react'
import type { ResultStanding } from '@unionhall/contracts'
import { afterEach, describe, expect, it } from 'vitest'
import '../../../test/setup'
import { i18n } from '../../../lib/i18n'
import { makeSession, renderWithProviders } from '../../../test/render'
import { RankingTable } from './results-tab'

const category = (standing: ResultStanding | null) => ({
  categoryId: '01a2270b-9000-7000-8000-0000000000c1',
  name: '技能类',
  honourCount: 1,
  rows: [
    {
      candidateId: '01a2270b-9000-7000-8000-0000000000d1',
      name: '张建国',
      number: 1,
      employerName: '兰州石化',
      isFrontLine: false,
      votes: 100,
      invalidatedVotes: 0,
      voteShare: 1,
      juryScore: null,
      finalScore: 0.4,
      rank: 1,
      isWinner: true,
      standing,
      tieBreak: null,
      tieBreakDetails: [],
    },
  ],
  notes: [],
  noteDetails: [],
})

const session = makeSession(['campaign:read'])

afterEach(async () => {
  await i18n.changeLanguage('zh-CN')
})

describe('RankingTable', { timeout: 60_000 }, () => {
  it('says 当选 only for an announced winner; the first place is 暂列 or 拟当选 before', () => {
    const { unmount } = renderWithProviders(<RankingTable category={category(null)} />, session)
    expect(screen.getByText('张建国')).toBeTruthy()
    expect(screen.queryByText(/当选|暂列/)).toBeNull()
    unmount()

    const jury = renderWithProviders(<RankingTable category={category('provisional')} />, session)
    expect(screen.getByText('暂列')).toBeTruthy()
    expect(screen.queryByText(/当选/)).toBeNull()
    jury.unmount()

    const publicity = renderWithProviders(<RankingTable category={category('proposed')} />, session)
    expect(screen.getByText('拟当选')).toBeTruthy()
    expect(screen.queryByText('当选')).toBeNull()
    publicity.unmount()

    renderWithProviders(<RankingTable category={category('winner')} />, session)
    expect(screen.getByText('当选')).toBeTruthy()
  })

  it('says the same in English', async () => {
    await i18n.changeLanguage('en')
    renderWithProviders(<RankingTable category={category('provisional')} />, session)
    expect(screen.getByText('Provisionally placed')).toBeTruthy()
    expect(screen.queryByText('Winner')).toBeNull()
  })
})
