import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { renderWithProviders } from '../../../test/render'
import { JuryScoreCard } from './jury-score-card'

const item = {
  id: '01890000-0000-7000-8000-000000000001',
  categoryId: '01890000-0000-7000-8000-000000000002',
  categoryName: '技能工匠',
  number: 1,
  name: '陈志远',
  employerName: '兰州市总工会',
  trade: '焊工',
  isFrontLine: true,
  story: '',
  achievements: '扎根焊接一线二十一年。',
  photoUrls: [],
  videoUrl: null,
  myScores: null,
  myTotal: null,
  myComment: null,
}
const rubric = [
  { key: 'skill', label: '技能水平', maxScore: 60 },
  { key: 'impact', label: '示范作用', maxScore: 40 },
]

describe('JuryScoreCard', { timeout: 30_000 }, () => {
  it('names each slider by its rubric item (on the handle, which is the slider)', () => {
    renderWithProviders(<JuryScoreCard item={item} rubric={rubric} onSave={vi.fn()} />)
    expect(screen.getByRole('slider', { name: '技能水平' })).toBeTruthy()
    expect(screen.getByRole('slider', { name: '示范作用' })).toBeTruthy()
  })

  it('saves once every rubric item has a score', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined)
    renderWithProviders(<JuryScoreCard item={item} rubric={rubric} onSave={onSave} />)
    const save = screen.getByRole('button', { name: '保存评分' })
    expect(save).toHaveProperty('disabled', true)
    fireEvent.change(screen.getByLabelText('技能水平（满分 60）'), { target: { value: '55' } })
    fireEvent.change(screen.getByLabelText('示范作用（满分 40）'), { target: { value: '30' } })
    await waitFor(() => expect(save).toHaveProperty('disabled', false))
    fireEvent.click(save)
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ skill: 55, impact: 30 }, ''))
  })
})
