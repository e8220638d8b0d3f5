import { fireEvent, screen, waitFor } from '@testing-library/react'
import { Form } from 'antd'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../test/setup'
import { renderWithProviders } from '../../test/render'
import { ImageListUpload } from './image-list-upload'

const id = (n: number) => `01a2270b-9000-7000-8000-00000000000${n}`
const url = (n: number) => `/api/v1/uploads/${id(n)}`
const uploaded = (n: number) => ({
  id: id(n),
  url: url(n),
  mime: 'image/png',
  bytes: 100,
  width: 10,
  height: 10,
  createdAt: '2026-11-29T00:00:00.000Z',
})
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const renderField = (initial: string[], max = 9) => {
  const onValues = vi.fn()
  renderWithProviders(
    <Form initialValues={{ photos: initial }} onValuesChange={onValues}>
      <Form.Item label="照片" name="photos">
        <ImageListUpload max={max} alt="照片" />
      </Form.Item>
    </Form>,
  )
  return onValues
}
const SLOW = { timeout: 10_000 }
const fileInput = () => document.querySelector<HTMLInputElement>('input[type="file"]')!
const png = () =>
  new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'p.png', { type: 'image/png' })

describe('ImageListUpload', { timeout: 30_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  it('appends each uploaded image to the list', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(uploaded(2), 201)),
    )
    const onValues = renderField([url(1)])

    fireEvent.change(fileInput(), { target: { files: [png()] } })

    await waitFor(
      () => expect(onValues).toHaveBeenCalledWith({ photos: [url(1), url(2)] }, expect.anything()),
      SLOW,
    )
  })

  it('removes one image and keeps the others in order', async () => {
    const onValues = renderField([url(1), url(2), url(3)])

    fireEvent.click(screen.getAllByRole('button', { name: /删除|remove|delete/i })[1]!)

    await waitFor(
      () => expect(onValues).toHaveBeenCalledWith({ photos: [url(1), url(3)] }, expect.anything()),
      SLOW,
    )
  })

  it('offers no more uploads at the maximum', () => {
    renderField([url(1), url(2)], 2)
    expect(screen.queryByText('上传图片')).toBeNull()
  })

  it('shows the server refusal and leaves the list unchanged', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(
          { error: { code: 'UPLOAD_TYPE_UNSUPPORTED', message: 'Only JPEG, PNG or WebP' } },
          415,
        ),
      ),
    )
    const onValues = renderField([url(1)])
    fireEvent.change(fileInput(), { target: { files: [png()] } })
    expect((await screen.findByRole('alert', {}, SLOW)).textContent).toBe(
      '这个文件不是真正的 JPEG、PNG 或 WebP 图片（按文件内容判断，不看文件名），请换一张照片',
    )
    expect(onValues).not.toHaveBeenCalled()
  })
})
