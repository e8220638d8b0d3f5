import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createJobRunner,
  type BackgroundJob,
  type JobRunner,
  type JobRunnerIo,
} from './background-job-runner'
import { jobFromSource } from './sqlite-write-worker'

/** A job with `work` steps to do; `failNext` steps throw first. Reports after its last step. */
const fakeJob = () => {
  const state = { work: 0, failNext: 0, steps: 0, tags: [] as number[], written: 0 }
  const job: BackgroundJob = {
    noteBatch: (tag) => state.tags.push(tag),
    hasWork: () => state.work > 0,
    step: () => {
      state.steps++
      if (state.failNext > 0) {
        state.failNext--
        throw new Error('database is locked')
      }
      state.work--
      state.written += 10
      return state.work === 0 ? { done: true } : null
    },
    catchUp: () => null,
    get written() {
      return state.written
    },
  }
  return { job, state }
}

const setUp = (overrides: Partial<JobRunnerIo> = {}) => {
  const { job, state } = fakeJob()
  const events = { results: [] as unknown[], errors: [] as number[], written: 0 }
  const io: JobRunnerIo = {
    onResult: (r) => events.results.push(r),
    onError: (_message, failures) => events.errors.push(failures),
    onWritten: (n) => (events.written += n),
    isOpen: () => true,
    isBusy: () => false,
    ...overrides,
  }
  // Built from its text, as the write thread builds it: it must stand alone.
  const runner = jobFromSource<JobRunner>(createJobRunner.toString())(job, io)
  return { runner, state, events }
}

let runners: JobRunner[] = []
beforeEach(() => {
  vi.useFakeTimers()
  runners = []
})
afterEach(() => {
  for (const r of runners) r.stop()
  vi.useRealTimers()
})

describe('background job runner', () => {
  it('runs one step right after a batch, then steps on its own until the job has no work', () => {
    const { runner, state, events } = setUp()
    runners.push(runner)
    state.work = 3
    runner.afterBatch(7)
    expect(state.tags).toEqual([7])
    expect(state.steps).toBe(1) // at once, not left to the event loop
    vi.advanceTimersByTime(1) // the setImmediate turns
    expect(state.steps).toBe(3)
    expect(events.results).toEqual([{ done: true }])
    expect(events.written).toBe(30)
    vi.advanceTimersByTime(1_000)
    expect(state.steps).toBe(3) // nothing left: no step, no spinning
  })

  it('wakes up for work that falls due without a batch', () => {
    const { runner, state } = setUp()
    runners.push(runner)
    state.work = 1
    vi.advanceTimersByTime(240)
    expect(state.steps).toBe(0)
    vi.advanceTimersByTime(20) // the 250 ms wake-up, then its event-loop turn
    expect(state.steps).toBe(1)
  })

  it('pauses after a failing step, longer after each failure in a row, until a step goes through', () => {
    const failedAt: number[] = []
    const { runner, state, events } = setUp({ onError: () => failedAt.push(Date.now()) })
    runners.push(runner)
    state.work = 2
    state.failNext = 3
    runner.afterBatch(1)
    expect(failedAt).toHaveLength(1)
    runner.afterBatch(2) // paused: a batch does not run a step either
    expect(state.steps).toBe(1)
    for (let i = 0; i < 300; i++) vi.advanceTimersByTime(10)
    expect(failedAt).toHaveLength(3)
    // 200 ms after the first failure, 400 after the second (each found by the 250 ms wake-up).
    const gaps = [failedAt[1]! - failedAt[0]!, failedAt[2]! - failedAt[1]!]
    expect(gaps[0]).toBeGreaterThanOrEqual(200)
    expect(gaps[0]).toBeLessThanOrEqual(200 + 260)
    expect(gaps[1]).toBeGreaterThanOrEqual(400)
    expect(gaps[1]).toBeLessThanOrEqual(400 + 260)
    expect(state.work).toBe(0)
    expect(events.results).toEqual([{ done: true }])
  })

  it('counts failures from one again after a step went through', () => {
    const { runner, state, events } = setUp()
    runners.push(runner)
    state.work = 1
    state.failNext = 1
    runner.afterBatch(1)
    for (let i = 0; i < 100; i++) vi.advanceTimersByTime(10)
    expect(state.work).toBe(0)
    state.work = 1
    state.failNext = 1
    runner.afterBatch(2)
    expect(events.errors).toEqual([1, 1])
  })

  it('waits while another transaction holds the connection, and stops for good once it closes', () => {
    let busy = true
    let open = true
    let busyChecks = 0
    const { runner, state } = setUp({
      isBusy: () => (busyChecks++, busy),
      isOpen: () => open,
    })
    runners.push(runner)
    state.work = 2
    runner.afterBatch(1)
    vi.advanceTimersByTime(20)
    expect(state.steps).toBe(0)
    expect(busyChecks).toBeLessThan(20) // it looks again every few ms; it does not spin
    busy = false
    vi.advanceTimersByTime(10)
    expect(state.steps).toBe(2)
    state.work = 1
    open = false
    runner.afterBatch(2)
    vi.advanceTimersByTime(1_000)
    expect(state.steps).toBe(2)
  })

  it('keeps one event-loop turn pending however many batches come (a batch waits one step at most)', () => {
    const { runner, state } = setUp()
    runners.push(runner)
    state.work = 100
    for (let tag = 1; tag <= 5; tag++) runner.afterBatch(tag)
    expect(state.steps).toBe(5)
    expect(vi.getTimerCount()).toBe(2) // one setImmediate and the 250 ms interval
  })

  it('on the main thread, steps only on a later turn of the event loop', () => {
    const { runner, state } = setUp()
    runners.push(runner)
    state.work = 1
    runner.noteBatch(4)
    expect(state.tags).toEqual([4])
    expect(state.steps).toBe(0) // the batch's callers are answered first
    vi.advanceTimersByTime(1)
    expect(state.steps).toBe(1)
  })

  it('reports a job whose hasWork throws, without throwing into the batch that called it', () => {
    const { job, state } = fakeJob()
    const errors: string[] = []
    const broken: BackgroundJob = {
      ...job,
      hasWork: () => {
        throw new Error('no such table: campaign_ballot_voter_mark')
      },
      written: 0,
    }
    const runner = jobFromSource<JobRunner>(createJobRunner.toString())(broken, {
      onResult: () => {},
      onError: (message: string) => errors.push(message),
      onWritten: () => {},
      isOpen: () => true,
      isBusy: () => false,
    } satisfies JobRunnerIo)
    runners.push(runner)
    expect(() => runner.noteBatch(1)).not.toThrow() // hasWork is asked while scheduling
    vi.advanceTimersByTime(1_000)
    expect(() => runner.afterBatch(2)).not.toThrow() // and before a step
    expect(errors[0]).toBe('no such table: campaign_ballot_voter_mark')
    expect(errors.length).toBeGreaterThanOrEqual(2)
    expect(state.tags).toEqual([1, 2])
  })

  it('takes no step after stop()', () => {
    const { runner, state } = setUp()
    state.work = 5
    runner.afterBatch(1)
    runner.stop()
    vi.advanceTimersByTime(1_000)
    runner.afterBatch(2)
    expect(state.steps).toBe(1)
  })
})
