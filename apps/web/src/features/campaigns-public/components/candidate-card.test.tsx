import { fireEvent, render, screen } from '@testing-library/react'
import type { Candidate } from '@unionhall/contracts'
import { MemoryRouter } from 'react-router'
import { beforeEach, describe, expect, it } from 'vitest'
import '../../../test/setup'
import { CandidateCard, SelectionStatus } from './candidate-card'
import { useBallotSelection } from './use-ballot-selection'

const candidate = (n: number): Candidate => ({
  id: `00000000-0000-7000-8000-00000000000${n}`,
  campaignId: '00000000-0000-7000-8000-0000000000aa',
  categoryId: '00000000-0000-7000-8000-0000000000bb',
  number: n,
  name: `候选人${n}`,
  employerName: '兰州石化',
  trade: '焊工',
  isFrontLine: true,
  story: '',
  achievements: '多年扎根一线',
  photoUrls: [],
  videoUrl: null,
  status: 'active',
  votes: null,
})

const Ballot = ({ max }: { max: number }) => {
  const selection = useBallotSelection('c1', max)
  return (
    <MemoryRouter>
      <ul>
        {[1, 2, 3, 4].map((n) => (
          <CandidateCard key={n} candidate={candidate(n)} to="/x" selection={selection} />
        ))}
      </ul>
      <SelectionStatus selection={selection} />
    </MemoryRouter>
  )
}

describe('vote selection', () => {
  beforeEach(() => window.localStorage.clear())

  it('allows at most maxChoicesPerBallot candidates and says when the ballot is full', () => {
    render(<Ballot max={2} />)
    const box = (n: number) =>
      screen.getByRole<HTMLInputElement>('checkbox', { name: new RegExp(`候选人${n}$`) })
    const status = () => screen.getByRole('status').textContent
    expect(status()).toContain('已选 0 / 2 位')

    fireEvent.click(box(1))
    fireEvent.click(box(3))
    expect(box(1).checked).toBe(true)
    expect(box(3).checked).toBe(true)
    expect(box(2).disabled).toBe(true)
    expect(box(4).disabled).toBe(true)
    expect(status()).toContain('已选 2 / 2 位 已选满')

    fireEvent.click(box(4))
    expect(box(4).checked).toBe(false)

    fireEvent.click(box(1))
    expect(box(1).checked).toBe(false)
    expect(box(2).disabled).toBe(false)
    expect(status()).toContain('已选 1 / 2 位')
  })

  it('keeps the choice while the worker opens profiles and comes back', () => {
    const { unmount } = render(<Ballot max={3} />)
    fireEvent.click(screen.getByRole('checkbox', { name: /候选人2$/ }))
    unmount()
    render(<Ballot max={3} />)
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: /候选人2$/ }).checked).toBe(true)
  })
})
