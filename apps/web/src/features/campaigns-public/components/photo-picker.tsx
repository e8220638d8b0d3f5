import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  IMAGE_ACCEPT,
  uploadErrorMessage,
  uploadImage,
} from '../../../components/image-upload/upload-image'

type Props = {
  value: string[]
  /** Applies a change to the latest list (uploads finish one after another). */
  onChange: (update: (urls: string[]) => string[]) => void
  /** Reports an upload refusal to the form, or null once it no longer applies. */
  onError: (message: string | null) => void
  max: number
  /** The ids the surrounding Field gives its control (label, hint, error). */
  a11y: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }
}

/**
 * Photos for the worker nomination form: the phone's own picker (camera or gallery), each
 * photo uploaded as soon as it is chosen, thumbnails with a remove button. No AntD: the public
 * pages are a light bundle.
 */
export const PhotoPicker = ({ value, onChange, onError, max, a11y }: Props) => {
  const { t } = useTranslation()
  const [pending, setPending] = useState(0)
  const k = 'campaignsPublic.nominate'

  const pick = async (files: File[]) => {
    const room = Math.max(0, max - value.length - pending)
    const chosen = files.slice(0, room)
    onError(files.length > room ? t(`${k}.errors.photoCount`, { max }) : null)
    setPending((n) => n + chosen.length)
    for (const file of chosen) {
      try {
        const upload = await uploadImage(file)
        onChange((urls) => (urls.length < max ? [...urls, upload.url] : urls))
      } catch (e) {
        onError(`${file.name}: ${uploadErrorMessage(t, e)}`)
      } finally {
        setPending((n) => n - 1)
      }
    }
  }

  const full = value.length + pending >= max
  return (
    <div>
      {value.length > 0 || pending > 0 ? (
        <ul
          aria-label={t(`${k}.photoList`)}
          style={{ display: 'flex', flexWrap: 'wrap', gap: 8, listStyle: 'none', padding: 0 }}
        >
          {value.map((url, i) => (
            <li key={url} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
              <img
                src={url}
                alt={t(`${k}.photoN`, { n: i + 1 })}
                width={88}
                height={88}
                style={{ objectFit: 'cover', borderRadius: 8 }}
              />
              <button
                type="button"
                className="cp-btn"
                aria-label={t(`${k}.photoRemove`, { n: i + 1 })}
                onClick={() => {
                  onError(null)
                  onChange((urls) => urls.filter((u) => u !== url))
                }}
              >
                {t(`${k}.photoRemoveShort`)}
              </button>
            </li>
          ))}
          {pending > 0 ? (
            <li role="status" style={{ alignSelf: 'center' }}>
              {t(`${k}.photoUploading`, { count: pending })}
            </li>
          ) : null}
        </ul>
      ) : null}
      {full ? (
        <div className="cp-hint">{t(`${k}.errors.photoCount`, { max })}</div>
      ) : (
        <input
          {...a11y}
          data-field="photoUrls"
          type="file"
          accept={IMAGE_ACCEPT}
          multiple
          onChange={(e) => {
            const files = [...(e.target.files ?? [])]
            // Clear the input so choosing the same photo again after removing it still fires.
            e.target.value = ''
            void pick(files)
          }}
        />
      )}
    </div>
  )
}
