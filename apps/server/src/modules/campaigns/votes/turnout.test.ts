import { describe, expect, it } from 'vitest'
import { rollUpTurnout, rollupChain } from './turnout'

const names = new Map([
  ['gs', '甘肃省总工会'],
  ['lz', '兰州市总工会'],
  ['cg', '城关区总工会'],
  ['e1', '兰州某厂工会'],
  ['jc', '金川集团公司工会'],
])

describe('turnout roll-up', () => {
  it('lists each org from the campaign org down, with its own and its subtree ballots', () => {
    const items = rollUpTurnout(
      '/root/gs/',
      [
        { path: '/root/gs/lz/cg/e1/', ballots: 7 },
        { path: '/root/gs/lz/', ballots: 2 },
        { path: '/root/gs/jc/', ballots: 5 },
        { path: '/root/gs/', ballots: 1 },
        { path: '/root/sz/', ballots: 100 }, // outside the campaign's subtree
      ],
      names,
    )
    expect(items).toEqual([
      {
        orgId: 'gs',
        orgName: '甘肃省总工会',
        parentId: null,
        depth: 0,
        ballots: 1,
        subtreeBallots: 15,
      },
      {
        orgId: 'lz',
        orgName: '兰州市总工会',
        parentId: 'gs',
        depth: 1,
        ballots: 2,
        subtreeBallots: 9,
      },
      {
        orgId: 'cg',
        orgName: '城关区总工会',
        parentId: 'lz',
        depth: 2,
        ballots: 0,
        subtreeBallots: 7,
      },
      {
        orgId: 'e1',
        orgName: '兰州某厂工会',
        parentId: 'cg',
        depth: 3,
        ballots: 7,
        subtreeBallots: 7,
      },
      {
        orgId: 'jc',
        orgName: '金川集团公司工会',
        parentId: 'gs',
        depth: 1,
        ballots: 5,
        subtreeBallots: 5,
      },
    ])
  })

  it('gives the chain from the campaign org, or nothing outside it', () => {
    expect(rollupChain('/root/gs/', '/root/gs/lz/cg/')).toEqual(['gs', 'lz', 'cg'])
    expect(rollupChain('/root/gs/', '/root/gs/')).toEqual(['gs'])
    expect(rollupChain('/root/gs/', '/root/gsx/')).toEqual([])
    expect(rollUpTurnout('/root/gs/', [], names)).toEqual([])
  })
})
