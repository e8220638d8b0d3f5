import { fireEvent, screen, waitFor, within } from '@testing-library/react'
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

  it("shows the candidate's photos as thumbnails that enlarge, and the video in a new tab", async () => {
    const upload = '/api/v1/uploads/01a2270b-9000-7000-8000-0000000000f1'
    renderWithProviders(
      <JuryScoreCard
        item={{
          ...item,
          photoUrls: [upload, 'https://example.org/p/2.jpg', 'javascript:alert(1)'],
          videoUrl: 'https://www.bilibili.com/video/BV1xx411c7mD',
        }}
        rubric={rubric}
        onSave={vi.fn()}
      />,
    )
    const photos = screen.getByRole('list', { name: '候选人照片' })
    const first = within(photos).getByRole('img', { name: '陈志远 的照片 1（点击放大）' })
    // Thumbnails at the smallest served width, not the full upload; the bad link is dropped.
    expect(first.getAttribute('src')).toBe(`${upload}?w=320`)
    expect(
      within(photos).getByRole('img', { name: '陈志远 的照片 2（点击放大）' }).getAttribute('src'),
    ).toBe('https://example.org/p/2.jpg')
    expect(within(photos).getAllByRole('listitem')).toHaveLength(2)
    // A click enlarges the photo.
    fireEvent.click(first)
    await waitFor(() =>
      expect(document.querySelector('.ant-image-preview-img')?.getAttribute('src')).toBe(
        `${upload}?w=1280`,
      ),
    )
    const video = screen.getByRole('link', { name: '观看陈志远的事迹视频（在新标签页打开）' })
    expect(video.getAttribute('href')).toBe('https://www.bilibili.com/video/BV1xx411c7mD')
    expect(video.getAttribute('target')).toBe('_blank')
    expect(video.getAttribute('rel')).toContain('noopener')
  })

  it('shows neither photos nor a video link when the candidate has none', () => {
    renderWithProviders(<JuryScoreCard item={item} rubric={rubric} onSave={vi.fn()} />)
    expect(screen.queryByRole('list', { name: '候选人照片' })).toBeNull()
    expect(screen.queryByRole('link')).toBeNull()
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
