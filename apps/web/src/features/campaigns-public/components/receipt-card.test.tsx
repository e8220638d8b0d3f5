import { render } from '@testing-library/react'
import type { BallotReceipt } from '@unionhall/contracts'
import { describe, expect, it } from 'vitest'
import '../../../test/setup'
import { ReceiptCard } from './receipt-card'

const receipt: BallotReceipt = {
  receiptCode: '01KB3X9ZQ4M7N8P2R5T6V0W1XY',
  campaignId: '00000000-0000-7000-8000-0000000000aa',
  castAt: '2026-11-30T02:00:00.000Z',
  candidates: [{ id: '00000000-0000-7000-8000-000000000001', name: '候选人1' }],
  status: 'counted',
}

describe('ReceiptCard', () => {
  it('shows the code in groups of four that still read and copy as one code', () => {
    for (const big of [true, false]) {
      const { container, unmount } = render(<ReceiptCard receipt={receipt} big={big} />)
      const code = container.querySelector('.cp-receipt-code')!
      const groups = [...code.querySelectorAll('.cp-receipt-group')].map((g) => g.textContent)
      expect(groups).toEqual(['01KB', '3X9Z', 'Q4M7', 'N8P2', 'R5T6', 'V0W1', 'XY'])
      // No spaces in the text itself: a selection copies the code as the server wrote it.
      expect(code.textContent).toBe(receipt.receiptCode)
      unmount()
    }
  })
  it('says the candidates are hidden while the tally is sealed, instead of an empty line', () => {
    const { getByText } = render(
      <ReceiptCard receipt={{ ...receipt, candidates: [], candidatesHidden: true }} />,
    )
    expect(getByText('票数保密期间，只有投票人本人可以查看所选的候选人')).toBeTruthy()
  })
})
