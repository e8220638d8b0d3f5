import { PlusOutlined } from '@ant-design/icons'
import { Typography, Upload, type UploadFile, type UploadProps } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { IMAGE_ACCEPT, uploadErrorMessage, uploadImage } from './upload-image'

type Props = {
  /** Image URLs (upload paths or https URLs), in display order. */
  value?: string[]
  onChange?: (urls: string[]) => void
  id?: string
  disabled?: boolean
  /** At most this many images (candidate photos: 9). */
  max: number
  /** Alternative text of each thumbnail, e.g. "照片". */
  alt: string
}

/**
 * Several images for one form field (a candidate's photos): each chosen file is uploaded at once
 * and its URL appended; thumbnails can be removed. The single-image variant is ImageUpload; both
 * upload through upload-image.ts, which checks size and type before sending.
 */
export const ImageListUpload = ({ value = [], onChange, id, disabled, max, alt }: Props) => {
  const { t } = useTranslation()
  const [uploading, setUploading] = useState(0)
  const [error, setError] = useState<string | null>(null)

  const fileList: UploadFile[] = value.map((url, i) => ({
    uid: `${i}-${url}`,
    name: `${alt} ${i + 1}`,
    status: 'done',
    url,
    thumbUrl: url,
  }))

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    setError(null)
    setUploading((n) => n + 1)
    uploadImage(file as File)
      .then((upload) => {
        onSuccess?.(upload)
        // One upload at a time (the control is disabled while one is in flight), so appending
        // to the current value loses nothing.
        onChange?.([...value, upload.url].slice(0, max))
      })
      .catch((e: unknown) => {
        setError(uploadErrorMessage(t, e))
        onError?.(e as Error)
      })
      .finally(() => setUploading((n) => n - 1))
  }

  const errorId = id ? `${id}-upload-error` : undefined
  return (
    <>
      <Upload
        id={id}
        accept={IMAGE_ACCEPT}
        listType="picture-card"
        disabled={disabled || uploading > 0}
        fileList={fileList}
        customRequest={customRequest}
        previewFile={() => Promise.resolve('')}
        onRemove={(f) => {
          setError(null)
          onChange?.(value.filter((url, i) => `${i}-${url}` !== f.uid))
          return true
        }}
        aria-describedby={error ? errorId : undefined}
      >
        {value.length < max ? (
          <button type="button" style={{ border: 0, background: 'none' }} disabled={disabled}>
            <PlusOutlined />
            <div style={{ marginTop: 8 }}>
              {uploading > 0 ? t('common.imageUpload.uploading') : t('common.imageUpload.choose')}
            </div>
          </button>
        ) : null}
      </Upload>
      <Typography.Text type="secondary" style={{ display: 'block' }}>
        {t('common.imageUpload.listHint', { max })}
      </Typography.Text>
      {error ? (
        <Typography.Text type="danger" role="alert" id={errorId} style={{ display: 'block' }}>
          {error}
        </Typography.Text>
      ) : null}
    </>
  )
}
