import { act, fireEvent, renderHook, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import '../../test/setup'
import { renderWithProviders } from '../../test/render'
import { ListSearch, ListSelectFilter, ListToolbar, useListPage } from './list-toolbar'

describe('list toolbar', () => {
  it('hands over only a submitted search, trimmed, with the list’s label and id', () => {
    const onSearch = vi.fn()
    renderWithProviders(
      <ListToolbar>
        <ListSearch list="stations" onSearch={onSearch} />
      </ListToolbar>,
    )
    const box = screen.getByLabelText('搜索')
    expect(box.id).toBe('stations-search')
    fireEvent.change(box, { target: { value: '  龙岗  ' } })
    expect(onSearch).not.toHaveBeenCalled()
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 })
    expect(onSearch).toHaveBeenCalledWith('龙岗')
  })

  it('labels a select filter by its id', () => {
    renderWithProviders(
      <ListToolbar>
        <ListSelectFilter
          id="x-kind"
          label="Kind"
          placeholder="All"
          span={{ xs: 12, md: 4 }}
          value={undefined}
          onChange={() => undefined}
          options={[{ value: 'a', label: 'A' }]}
        />
      </ListToolbar>,
    )
    expect(screen.getByLabelText('Kind').id).toBe('x-kind')
  })

  it('starts again on page 1 after a filter change or a new page size', () => {
    const { result } = renderHook(() => useListPage())
    act(() => result.current.onPageChange(3, 20))
    expect(result.current.page).toBe(3)
    act(() => result.current.filtered((_: string) => undefined)('x'))
    expect(result.current.page).toBe(1)
    act(() => result.current.onPageChange(2, 20))
    act(() => result.current.onPageChange(2, 50))
    expect([result.current.page, result.current.pageSize]).toEqual([1, 50])
  })
})
